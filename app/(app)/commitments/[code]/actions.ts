'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { assessmentInputFromForm, recordAssessment } from '@/lib/assessments/record';
import { authorize } from '@/lib/auth/guard';
import { requireActor } from '@/lib/auth/current-user';
import { decideClaim, decisionInputFromForm } from '@/lib/claims/decide';
import { setAssignmentConfirmation } from '@/lib/commitments/confirm-basis';
import { updateInputFromForm } from '@/lib/commitments/update-input';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { ConflictError } from '@/lib/errors';
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

function revalidateCommitment(code: string) {
  revalidatePath(`/commitments/${encodeURIComponent(code)}`);
  revalidatePath('/commitments');
}

/**
 * The claim form's action: confirm or dispute the standing claim, through decideClaim (the same
 * service as POST /api/v1/commitments/{code}/confirmations). On a conflict the page is left as it
 * is: refreshing it could remove the form (a superseded claim) and the message with it.
 */
export async function answerClaim(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const code = values.code ?? '';
  try {
    const { actor, ctx } = await requireActor();
    const result = decideClaim(getDb(), actor, code, decisionInputFromForm(values), ctx);
    revalidateCommitment(code);
    return { status: 'success', message: result.decision === 'confirm' ? 'claims.form.savedConfirm' : 'claims.form.savedDispute', current: { version: result.version } };
  } catch (error) {
    return actionError(error, values);
  }
}

/**
 * The assessment form's action, through recordAssessment (the same service as POST
 * /api/v1/commitments/{code}/assessments). The quarter is chosen in the form, so the form sends
 * each quarter's latest assessment id (`revisesMap`, JSON) and the revision names the chosen one's.
 * On a conflict the page is refreshed, so the history shows the entry recorded meanwhile.
 */
export async function recordCommitmentAssessment(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const code = values.code ?? '';
  try {
    const { actor, ctx } = await requireActor();
    const revises = revisesFor(values.revisesMap, values.quarter);
    const record = recordAssessment(getDb(), actor, code, assessmentInputFromForm({ ...values, revises: revises === null ? '' : String(revises) }), ctx);
    revalidateCommitment(code);
    return { status: 'success', message: 'assessments.form.saved', current: { quarter: record.quarter, latest: record.id } };
  } catch (error) {
    if (error instanceof ConflictError) revalidateCommitment(code);
    return actionError(error, values);
  }
}

/** The latest assessment id the form saw for a quarter (null: none, a first assessment). */
function revisesFor(map: string | undefined, quarter: string | undefined): number | null {
  try {
    const parsed = JSON.parse(map ?? '{}') as Record<string, unknown>;
    const id = parsed[(quarter ?? '').trim().toUpperCase()];
    return typeof id === 'number' && Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}
