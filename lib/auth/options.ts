import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { clientAddress } from '@/lib/http/origin';
import { recordRequestUser } from '@/lib/ops/request-context';
import { authenticate } from './authenticate';
import { THROTTLED_ERROR } from './constants';
import { getAuthSecret } from './secret';
import { SESSION_ABSOLUTE_MS } from './session-policy';
import { sessionIdFromToken, sessionTokenFromCookieHeader } from './session-token';
import { resolveSession, revokeSession } from './sessions';
import { sameOriginRedirect } from './callback-url';

/** Without NEXTAUTH_URL, next-auth takes its URL from the Host header (plain `next start`). */
process.env.AUTH_TRUST_HOST ??= 'true';


declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

/**
 * Thrown from the callbacks when the cookie's server-side session is revoked, expired, idle or
 * its user disabled: next-auth then answers `/api/auth/session` with no session and clears the
 * cookie instead of reissuing it.
 */
class SessionEndedError extends Error {
  constructor() {
    super('Session ended');
    this.name = 'SessionEndedError';
  }
}

/** The live user behind a token, re-read from the database; a SessionEndedError otherwise. */
function liveActor(sid: string | undefined) {
  const actor = sid ? resolveSession(getDb(), sid) : null;
  if (!actor) throw new SessionEndedError();
  recordRequestUser(actor.id);
  return actor;
}

/** Signing in again ends the session the browser's cookie held, so a copy of that cookie dies with it. */
async function endPreviousSession(cookieHeader: unknown): Promise<void> {
  const sid = await sessionIdFromToken(sessionTokenFromCookieHeader(typeof cookieHeader === 'string' ? cookieHeader : undefined));
  if (sid) revokeSession(getDb(), sid);
}

/**
 * next-auth configuration. The JWT carries only a server-side session id (`sid`); who the user
 * is and what they may do is re-read from the database on every request (lib/auth/current-user).
 */
export function authOptions(secure: boolean): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    useSecureCookies: secure,
    session: { strategy: 'jwt', maxAge: SESSION_ABSOLUTE_MS / 1000 },
    jwt: { maxAge: SESSION_ABSOLUTE_MS / 1000 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const password = typeof credentials?.password === 'string' ? credentials.password : '';
          if (!email || !password) return null;
          const result = await authenticate(getDb(), email, password, clientAddress(req?.headers));
          if (!result.ok) {
            if (result.reason === 'throttled') throw new Error(THROTTLED_ERROR);
            return null;
          }
          await endPreviousSession(req?.headers?.cookie);
          return { id: String(result.userId), email: result.email, name: result.name, sessionId: result.sessionId };
        },
      }),
    ],
    callbacks: {
      // After sign-in or sign-out, only a path on this site (lib/auth/callback-url.ts).
      redirect: sameOriginRedirect,
      jwt({ token, user }) {
        // At sign-in the cookie gets the new session id and nothing else; afterwards it is only
        // reissued while that session is live.
        if (user && 'sessionId' in user) return { sid: String(user.sessionId) };
        liveActor(token.sid);
        return { sid: token.sid };
      },
      session({ session, token }) {
        const actor = liveActor(token.sid);
        const name = getDb().select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get()?.name;
        return { expires: session.expires, user: { name, email: actor.email } };
      },
    },
    events: {
      signOut({ token }) {
        if (token?.sid) revokeSession(getDb(), token.sid);
      },
    },
    logger: {
      error(code, metadata) {
        if (metadata instanceof SessionEndedError) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
}
