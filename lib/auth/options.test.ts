import { eq } from 'drizzle-orm';
import NextAuth from 'next-auth';
import { decode } from 'next-auth/jwt';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/session';
import { SESSION_COOKIE } from './constants';
import { authOptions } from './options';
import { SESSION_ABSOLUTE_MS } from './session-policy';
import { createSession, resolveSession, revokeSession } from './sessions';

process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
process.env.NEXTAUTH_URL = 'http://localhost:3000';

const PASSWORD = 'options-password-5093';
const CSRF_COOKIE = 'next-auth.csrf-token';
let db: Db;
let hash: string;
let userId: number;

type Cookies = Record<string, string>;
type Sent = { name: string; value: string };
type Answer = { status: number; body: unknown; cookies: Sent[] };

/**
 * One request to next-auth's own handler with this app's options (its API-route form, which
 * takes plain request and response objects; the App Router form reads next/headers).
 */
async function nextAuth(action: 'csrf' | 'session' | 'callback', cookies: Cookies, body?: Record<string, string>): Promise<Answer> {
  const cookie = Object.entries(cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  const headers = new Map<string, string | string[]>();
  const answer: Answer = { status: 200, body: undefined, cookies: [] };
  const res = {
    status: (code: number) => ((answer.status = code), res),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: string | string[]) => (headers.set(name.toLowerCase(), value), res),
    end: () => undefined,
    json: (b: unknown) => void (answer.body = b),
    send: (b: unknown) => void (answer.body = b),
  };
  const req = {
    method: body ? 'POST' : 'GET',
    query: { nextauth: action === 'callback' ? ['callback', 'credentials'] : [action] },
    body,
    cookies,
    headers: { host: 'localhost:3000', cookie },
  };
  await NextAuth(req as never, res as never, authOptions(false));
  answer.cookies = ([] as string[]).concat(headers.get('set-cookie') ?? []).map((line) => {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)) };
  });
  return answer;
}

const sentCookie = (res: Answer, name: string) => res.cookies.find((c) => c.name === name);

/** Signs in through the credentials callback, with whatever cookies the browser already holds. */
async function signIn(cookies: Cookies, password = PASSWORD): Promise<{ res: Answer; jar: Cookies }> {
  const csrf = await nextAuth('csrf', cookies);
  const jar: Cookies = { ...cookies, [CSRF_COOKIE]: sentCookie(csrf, CSRF_COOKIE)?.value ?? cookies[CSRF_COOKIE] ?? '' };
  const res = await nextAuth('callback', jar, { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email: 'ana@example.org', password, json: 'true' });
  const session = sentCookie(res, SESSION_COOKIE)?.value;
  return { res, jar: session ? { ...jar, [SESSION_COOKIE]: session } : jar };
}

async function sidOf(token: string | undefined): Promise<string> {
  return (await decode({ token: token ?? '', secret: TEST_AUTH_SECRET }))!.sid!;
}

beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
});
beforeEach(() => {
  db = useSeededTestDb();
  userId = insertTestUser(db, { email: 'ana@example.org', name: 'Ana', role: 'analyst', passwordHash: hash }).id;
});

describe('signing in', () => {
  it('puts only a live server-side session id in the cookie', async () => {
    const { jar } = await signIn({});
    const token = (await decode({ token: jar[SESSION_COOKIE], secret: TEST_AUTH_SECRET }))!;
    expect(token).not.toHaveProperty('email');
    expect(resolveSession(db, token.sid!)?.id).toBe(userId);
  });

  it('again in the same browser ends the session its cookie held', async () => {
    const first = await signIn({});
    const oldSid = await sidOf(first.jar[SESSION_COOKIE]);
    const second = await signIn(first.jar);
    const newSid = await sidOf(second.jar[SESSION_COOKIE]);
    expect(newSid).not.toBe(oldSid);
    expect(resolveSession(db, oldSid)).toBeNull();
    expect(resolveSession(db, newSid)?.id).toBe(userId);
  });

  it('with a wrong password leaves the open session alone', async () => {
    const first = await signIn({});
    const failed = await signIn(first.jar, 'not-the-password-at-all');
    expect(sentCookie(failed.res, SESSION_COOKIE)).toBeUndefined();
    expect(resolveSession(db, await sidOf(first.jar[SESSION_COOKIE]))?.id).toBe(userId);
  });
});

describe('/api/auth/session', () => {
  const ask = (token: string) => nextAuth('session', { [SESSION_COOKIE]: token });

  it('answers a live session with the user and reissues the cookie', async () => {
    const res = await ask(await sessionCookieFor(db, userId));
    expect(res.body).toMatchObject({ user: { name: 'Ana', email: 'ana@example.org' } });
    expect(sentCookie(res, SESSION_COOKIE)?.value).toBeTruthy();
  });

  const ended: [string, () => Promise<string>][] = [
    ['a revoked', async () => {
      const token = await sessionCookieFor(db, userId);
      revokeSession(db, await sidOf(token));
      return token;
    }],
    ['an expired', async () => {
      const { encode } = await import('next-auth/jwt');
      const sid = createSession(db, userId, 'test', new Date(Date.now() - SESSION_ABSOLUTE_MS - 1000));
      return encode({ token: { sid }, secret: TEST_AUTH_SECRET });
    }],
    ['a disabled user’s', async () => {
      const token = await sessionCookieFor(db, userId);
      db.update(users).set({ active: false }).where(eq(users.id, userId)).run();
      return token;
    }],
  ];

  it.each(ended)('answers %s session with nothing and clears the cookie instead of reissuing it', async (_, make) => {
    const res = await ask(await make());
    expect(res.body).toEqual({});
    expect(res.cookies.filter((c) => c.name === SESSION_COOKIE).map((c) => c.value)).toEqual(['']);
  });
});
