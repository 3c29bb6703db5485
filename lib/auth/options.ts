import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clientAddress } from '@/lib/http/origin';
import { authenticate } from './authenticate';
import { THROTTLED_ERROR } from './constants';
import { getAuthSecret } from './secret';
import { SESSION_ABSOLUTE_MS } from './session-policy';
import { revokeSession } from './sessions';

/** Without NEXTAUTH_URL, next-auth takes its URL from the Host header (plain `next start`). */
process.env.AUTH_TRUST_HOST ??= 'true';


declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
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
          return { id: String(result.userId), email: result.email, name: result.name, sessionId: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && 'sessionId' in user) token.sid = String(user.sessionId);
        return token;
      },
      session({ session }) {
        return session;
      },
    },
    events: {
      signOut({ token }) {
        if (token?.sid) revokeSession(getDb(), token.sid);
      },
    },
  };
}
