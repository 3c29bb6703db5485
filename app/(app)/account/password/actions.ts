'use server';

import { cookies, headers } from 'next/headers';
import { getDb } from '@/db/client';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@/lib/auth/constants';
import { getCurrentActor, getRequestContext } from '@/lib/auth/current-user';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { UnauthorizedError } from '@/lib/errors';
import { actionError, type ActionState } from '@/lib/http/action-state';
import { clientAddress } from '@/lib/http/origin';
import { changeOwnPassword } from '@/lib/users/service';

/** Allowed while a password change is pending: it is the way out of that state. */
export async function changePassword(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new UnauthorizedError();
    const store = await cookies();
    const sessionId = await sessionIdFromToken(store.get(SECURE_SESSION_COOKIE)?.value ?? store.get(SESSION_COOKIE)?.value);
    await changeOwnPassword(
      getDb(),
      actor,
      {
        currentPassword: formData.get('currentPassword'),
        newPassword: formData.get('newPassword'),
        confirmPassword: formData.get('confirmPassword'),
      },
      await getRequestContext(),
      { address: clientAddress(await headers()), sessionId },
    );
    return { status: 'success', message: 'account.changed' };
  } catch (error) {
    return actionError(error);
  }
}
