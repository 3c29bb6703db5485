'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { updateInputFromForm } from '@/lib/commitments/update-input';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { actionError, formValues, type ActionState } from '@/lib/http/action-state';

/** The update form's action: the same service as POST /api/v1/commitments/{code}/updates. */
export async function recordStatusUpdate(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { actor, ctx } = await requireActor();
    const code = values.code ?? '';
    const state = updateCommitmentStatus(getDb(), actor, code, updateInputFromForm(values), ctx);
    revalidatePath(`/commitments/${encodeURIComponent(code)}`);
    revalidatePath('/commitments');
    return { status: 'success', message: 'update.saved', current: state };
  } catch (error) {
    return actionError(error, values);
  }
}
