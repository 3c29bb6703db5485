import type { ChildProcess } from 'node:child_process';
import { DEFAULT_DEMO_PASSWORD } from '@/db/seed/demo-users';

/** Waits until the server at `base` answers /login (or `server` exits, or a minute passes). */
export async function waitForServer(base: string, server?: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (server && server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

/** Signs in through next-auth's CSRF + credentials flow (the demo password); returns the Cookie header. */
export async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD, json: 'true' });
  const res = await fetch(`${base}/api/auth/callback/credentials`, { method: 'POST', body, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('session-token'))) throw new Error(`sign-in failed for ${email}`);
  return cookie();
}
