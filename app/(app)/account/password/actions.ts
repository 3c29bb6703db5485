'use server';

import { getDb } from '@/db/client';
import { getCurrentActor, getRequestContext } from '@/lib/auth/current-user';
import { UnauthorizedError } from '@/lib/errors';
import { actionError, type ActionState } from '@/lib/http/action-state';
import { changeOwnPassword } from '@/lib/users/service';

/** Allowed while a password change is pending: it is the way out of that state. */
export async function changePassword(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new UnauthorizedError();
    await changeOwnPassword(
      getDb(),
      actor,
      {
        currentPassword: formData.get('currentPassword'),
        newPassword: formData.get('newPassword'),
        confirmPassword: formData.get('confirmPassword'),
      },
      await getRequestContext(),
    );
    return { status: 'success', message: 'account.changed' };
  } catch (error) {
    return actionError(error);
  }
}
