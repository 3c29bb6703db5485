'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/auth/guard';
import { requireActor } from '@/lib/auth/current-user';
import { setAssignmentConfirmation } from '@/lib/commitments/confirm-basis';
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

/**
 * An administrator records that an agency confirmed an inferred assignment (`decision=confirm`), or
 * withdraws that confirmation (`decision=withdraw`): the service setAssignmentConfirmation.
 */
export async function recordAssignmentConfirmation(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { actor, ctx } = await requireActor();
    const code = values.code ?? '';
    // Refused here before anything is read; the service asks the policy again itself.
    authorize(getDb(), actor, 'commitment.manage', undefined, ctx, code);
    const confirm = values.decision === 'confirm';
    const raw = confirm
      ? { confirmed: true, agencyCode: values.agencyCode, confirmedBy: values.confirmedBy, confirmedOn: values.confirmedOn, evidenceUrl: values.evidenceUrl, version: values.version }
      : { confirmed: false, agencyCode: values.agencyCode, version: values.version };
    setAssignmentConfirmation(getDb(), actor, code, raw, ctx);
    revalidatePath(`/commitments/${encodeURIComponent(code)}`);
    revalidatePath('/commitments');
    return { status: 'success', message: confirm ? 'basis.admin.saved' : 'basis.admin.withdrawn' };
  } catch (error) {
    return actionError(error, values);
  }
}
