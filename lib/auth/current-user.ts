import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { Actor, RequestContext } from '@/lib/audit/record';
import { ForbiddenError, UnauthorizedError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/origin';
import { recordRequestUser } from '@/lib/ops/request-context';
import { authorize } from './guard';
import { REQUEST_PATH_HEADER, SECURE_SESSION_COOKIE, SESSION_COOKIE } from './constants';
import type { Action, CommitmentScope } from './policy';
import { sessionIdFromToken } from './session-token';
import { resolveSession } from './sessions';
import { safeCallbackPath } from './callback-url';


/** The signed-in user of this request, re-read from the database (once per request), or null. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const store = await cookies();
  const token = store.get(SECURE_SESSION_COOKIE)?.value ?? store.get(SESSION_COOKIE)?.value;
  const sid = await sessionIdFromToken(token);
  const actor = sid ? resolveSession(getDb(), sid) : null;
  recordRequestUser(actor?.id ?? null);
  return actor;
});

export const getRequestContext = cache(async (channel: 'ui' | 'api' = 'ui'): Promise<RequestContext> => {
  return { origin: `${clientAddress(await headers())} (${channel})` };
});

function loginUrl(path: string | null): string {
  return `/login?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`;
}

/** For pages: the signed-in user, or a redirect to login (and back) / to the password change. */
export async function requirePageActor(options: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(loginUrl((await headers()).get(REQUEST_PATH_HEADER)));
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect('/account/password');
  return actor;
}

/** For pages: the signed-in user holding the permission; otherwise the 403 page (audited). */
export async function requirePagePermission(action: Action, resource?: CommitmentScope, target?: string): Promise<Actor> {
  const actor = await requirePageActor();
  try {
    authorize(getDb(), actor, action, resource, await getRequestContext(), target);
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden();
    throw e;
  }
  return actor;
}

/** For server actions and route handlers: the signed-in user or an UnauthorizedError. */
export async function requireActor(channel: 'ui' | 'api' = 'ui'): Promise<{ actor: Actor; ctx: RequestContext }> {
  const actor = await getCurrentActor();
  if (!actor) throw new UnauthorizedError();
  if (actor.mustChangePassword) throw new ForbiddenError('You must change your password before continuing');
  return { actor, ctx: await getRequestContext(channel) };
}
