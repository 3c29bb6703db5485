import { encode } from 'next-auth/jwt';
import { SESSION_COOKIE } from '@/lib/auth/constants';
import type { Db } from '@/db/client';
import { createSession } from '@/lib/auth/sessions';

export const TEST_AUTH_SECRET = 'test-secret-for-unit-tests-only-0123456789';

/** A real session row and the signed cookie value a browser would send for it. */
export async function sessionCookieFor(db: Db, userId: number): Promise<string> {
  const sid = createSession(db, userId, 'test');
  return encode({ token: { sid }, secret: TEST_AUTH_SECRET });
}

/**
 * Stand-ins for next/headers: the request's cookies and headers, set per test. Only the session
 * transport is replaced; the session lookup, policy and database are the real ones.
 */
export const requestState: { cookie: string | null; headers: Headers; setCookies: Map<string, string> } = {
  cookie: null,
  headers: new Headers(),
  setCookies: new Map(),
};

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && requestState.cookie ? { name, value: requestState.cookie } : undefined),
    set: (name: string, value: string) => void requestState.setCookies.set(name, value),
  }),
  headers: async () => requestState.headers,
};
