import 'server-only';
import { decode } from 'next-auth/jwt';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './constants';
import { getAuthSecret } from './secret';

/** The server-side session id a session cookie names, or null when it is not one of ours. */
export async function sessionIdFromToken(token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const jwt = await decode({ token, secret: getAuthSecret() }).catch(() => null);
  return typeof jwt?.sid === 'string' ? jwt.sid : null;
}

/** The session cookie's value in a raw `Cookie` header (the __Secure- one first), if any. */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | undefined {
  const found = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name !== SECURE_SESSION_COOKIE && name !== SESSION_COOKIE) continue;
    try {
      found.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed value names no session.
    }
  }
  return found.get(SECURE_SESSION_COOKIE) ?? found.get(SESSION_COOKIE);
}
