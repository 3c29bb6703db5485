import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { agencies, claimDecisions, commitments } from '@/db/schema';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import { CLAIM_DECISIONS, type ClaimDecision } from '@/lib/commitments/vocabulary';
import { NOTE_MAX_LENGTH } from '@/lib/commitments/update-input';
import { todayIso } from '@/lib/periods/dates';
import { fieldErrorsOf, httpUrl, isoDateString, missingOr, plainText } from '@/lib/validation/common';
import { claimScope, openClaimOf, partiesOf } from './parties';
import { normalizeDateInput } from '@/lib/format/date-input';

/** An answer to a claim, as the form and `POST /api/v1/commitments/{code}/confirmations` send it. */
export const ClaimDecisionInput = z.object({
  decision: z.enum(CLAIM_DECISIONS, { error: missingOr('invalid_decision') }),
  note: plainText(NOTE_MAX_LENGTH).default(''),
  evidenceUrl: httpUrl.nullish(),
  /** The status update the claim is (so an answer never lands on a newer claim than the one read). */
  updateId: z.number({ error: missingOr('not_a_number') }).int({ message: 'not_an_integer' }).min(1, { message: 'out_of_range' }),
  effectiveDate: isoDateString,
  version: z.number({ error: missingOr('not_a_number') }).int({ message: 'not_an_integer' }).min(1, { message: 'out_of_range' }),
});
export type ClaimDecisionInput = z.infer<typeof ClaimDecisionInput>;

export interface DecisionResult {
  id: number;
  code: string;
  decision: ClaimDecision;
  updateId: number;
  side: string;
  effectiveDate: string;
  version: number;
}

/** Form fields to the API's JSON shape. */
export function decisionInputFromForm(values: Record<string, string>): Record<string, unknown> {
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
  return {
    decision: values.decision,
    note: values.note ?? '',
    evidenceUrl: values.evidenceUrl?.trim() ? values.evidenceUrl.trim() : null,
    updateId: num(values.updateId),
    effectiveDate: values.effectiveDate,
    version: num(values.version),
  };
}

/**
 * Confirms or disputes a claim (a `completed` or `discontinued` update on a commitment with parties
 * on another country's side): authorize (an official of an agency on a side the claim asks, or an
 * administrator for that side) → validate (a dispute needs a note; the date is on or after the
 * claim's and not in the future; the claim is still the latest update) → one immediate transaction
 * (version check, the answer, the version bump, the audit event). The answer is an entry of the
 * history with its own effective date; the status itself is the claim's and does not change.
 * @throws NotFoundError, ForbiddenError, ValidationError, ConflictError
 */
export function decideClaim(db: Db, actor: Actor, code: string, input0: unknown, ctx: RequestContext, today: string = todayIso()): DecisionResult {
  const raw = withDefaultDate(input0, today);
  const commitment = db.select({ id: commitments.id, version: commitments.version, archivedAt: commitments.archivedAt }).from(commitments).where(eq(commitments.code, code)).get();
  if (!commitment) throw new NotFoundError(`No commitment has the code ${code}`);
  const parties = partiesOf(db, commitment.id);
  const claim = openClaimOf(db, commitment.id);
  // Without an open claim nobody may answer; the refusal is the policy's, so it is audited alike.
  authorize(db, actor, 'commitment.confirm', claim ? claimScope(parties, claim) : { leadAgencyId: -1, partnerAgencyIds: [] }, ctx, code);
  if (commitment.archivedAt !== null) {
    throw new ConflictError(`The commitment ${code} is archived; an administrator must restore it before updates can be recorded`, undefined, 'update.archived');
  }
  const parsed = ClaimDecisionInput.safeParse(raw);
  const errors: FieldErrors = { ...ruleErrors(raw, claim!, today), ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const input = parsed.data;
  if (input.updateId !== claim!.updateId) {
    throw new ConflictError('The claim was superseded by a newer update since you loaded it', { version: commitment.version, updateId: claim!.updateId }, 'claim.superseded');
  }
  // The side the answer speaks for: the official's country; an administrator speaks for the (first) side asked.
  const side = actor.agencyId === null ? claim!.counterSides[0]! : parties.find((p) => p.agencyId === actor.agencyId)!.country;

  return db.transaction(
    (tx) => {
      const now = tx.select({ version: commitments.version, archivedAt: commitments.archivedAt }).from(commitments).where(eq(commitments.id, commitment.id)).get()!;
      if (now.version !== input.version) {
        throw new ConflictError('The commitment was changed by someone else since you loaded it', { version: now.version });
      }
      // Checked again under the write lock: a newer update may have superseded the claim.
      if (openClaimOf(tx, commitment.id)?.updateId !== input.updateId) {
        throw new ConflictError('The claim was superseded by a newer update since you loaded it', { version: now.version }, 'claim.superseded');
      }
      const recordedAt = new Date().toISOString();
      const row = tx
        .insert(claimDecisions)
        .values({
          claimId: input.updateId,
          commitmentId: commitment.id,
          decision: input.decision,
          note: input.note.trim(),
          evidenceUrl: input.evidenceUrl ?? null,
          side,
          actorId: actor.id,
          actorAgencyId: actor.agencyId,
          effectiveDate: input.effectiveDate,
          recordedAt,
        })
        .returning({ id: claimDecisions.id })
        .get();
      const bumped = tx
        .update(commitments)
        .set({ version: input.version + 1, updatedAt: recordedAt })
        .where(and(eq(commitments.id, commitment.id), eq(commitments.version, input.version)))
        .run();
      if (bumped.changes !== 1) throw new ConflictError('The commitment was changed by someone else since you loaded it', { version: now.version });
      const agency = actor.agencyId === null ? null : tx.select({ code: agencies.code }).from(agencies).where(eq(agencies.id, actor.agencyId)).get()?.code ?? null;
      recordAudit(tx, {
        actor,
        action: input.decision === 'confirm' ? 'commitment.claim_confirm' : 'commitment.claim_dispute',
        targetType: 'commitment',
        targetId: code,
        before: { version: input.version, claim: { updateId: claim!.updateId, side: claim!.side, status: claim!.status } },
        after: { version: input.version + 1, decisionId: row.id, decision: input.decision, side, agency, note: input.note.trim(), evidenceUrl: input.evidenceUrl ?? null, effectiveDate: input.effectiveDate },
        origin: ctx.origin,
      });
      return { id: row.id, code, decision: input.decision, updateId: input.updateId, side, effectiveDate: input.effectiveDate, version: input.version + 1 };
    },
    { behavior: 'immediate' },
  );
}

function withDefaultDate(raw: unknown, today: string): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const v = raw as Record<string, unknown>;
  // A date typed in the Korean order (2024. 6. 30.) is compared by the rules below as the date it names.
  return v.effectiveDate === undefined || v.effectiveDate === null || v.effectiveDate === '' ? { ...v, effectiveDate: today } : { ...v, effectiveDate: normalizeDateInput(v.effectiveDate) };
}

function ruleErrors(raw: unknown, claim: { effectiveDate: string }, today: string): FieldErrors {
  const v = (raw ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  if (typeof v.effectiveDate === 'string' && v.effectiveDate > today) errors.effectiveDate = ['date_in_future'];
  else if (typeof v.effectiveDate === 'string' && v.effectiveDate < claim.effectiveDate) errors.effectiveDate = ['date_before_claim'];
  if (v.decision === 'dispute' && (typeof v.note !== 'string' || v.note.trim() === '')) errors.note = ['note_required'];
  return errors;
}
