import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { claimDecisions, claims, commitments } from '@/db/schema';
import { counterSidesOf, openClaimOf, partiesOf, sideOf } from '@/lib/claims/parties';
import { spanAfterUpdate } from '@/lib/claims/spans';
import { appendChained } from '@/lib/audit/chain';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import { todayIso } from '@/lib/periods/dates';
import { fieldErrorsOf } from '@/lib/validation/common';
import { project } from '@/lib/as-of/projector';
import { lastRecordedUpdate, stateAt } from './history';
import { loadCommitmentScope } from './scope';
import { STATUSES_REQUIRING_NOTE, StatusUpdateInput } from './update-input';
import { CLAIM_STATUSES, isClosed, type Status } from './vocabulary';
import { normalizeDateInput } from '@/lib/format/date-input';

export interface CommitmentState {
  code: string;
  status: Status;
  progress: number;
  version: number;
  updatedAt: string;
}

const stateColumns = {
  code: commitments.code,
  status: commitments.status,
  progress: commitments.progress,
  version: commitments.version,
  updatedAt: commitments.updatedAt,
};

/**
 * Records a status/progress update for the form and the API alike:
 * authorize → refuse an archived commitment → validate → one immediate transaction (archive and
 * version check, commitment, history, audit).
 * @throws NotFoundError, ForbiddenError, ValidationError, ConflictError (with the current state;
 *   without it, and the key `update.archived`, for an archived commitment)
 */
export function updateCommitmentStatus(
  db: Db,
  actor: Actor,
  code: string,
  input0: unknown,
  ctx: RequestContext,
  today: string = todayIso(),
): CommitmentState {
  // The effective date defaults to today (in the app's time zone), in the API as in the form.
  const rawInput = withDefaultDate(input0, today);
  const scope = loadCommitmentScope(db, code);
  if (!scope) throw new NotFoundError(`No commitment has the code ${code}`);
  authorize(db, actor, 'commitment.updateStatus', scope, ctx, code);

  const current = db
    .select({ ...stateColumns, id: commitments.id, adoptedOn: commitments.adoptedOn, archivedAt: commitments.archivedAt })
    .from(commitments)
    .where(eq(commitments.code, code))
    .get()!;
  if (current.archivedAt !== null) throw archivedError(code);
  const parsed = StatusUpdateInput.safeParse(rawInput);
  // Rule errors are reported together with type errors, so a form shows every problem at once.
  const errors: FieldErrors = { ...ruleErrors(rawInput, current, today), ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const input = parsed.data;
  const statusChanges = input.status !== current.status;
  // Reopening a closed commitment is an administrator's decision, except while the closing claim
  // is unconfirmed (pending or disputed): until the other side confirms, it is not settled.
  if (statusChanges && isClosed(current.status) && !unsettledClaim(db, current.id)) {
    authorize(db, actor, 'commitment.reopen', scope, ctx, code);
  }

  return db.transaction(
    (tx) => {
      const { archivedAt, ...before } = tx.select({ ...stateColumns, archivedAt: commitments.archivedAt }).from(commitments).where(eq(commitments.id, current.id)).get()!;
      // Checked again under the write lock: an admin may have archived it since the check above.
      if (archivedAt !== null) throw archivedError(code);
      if (before.version !== input.version) {
        throw new ConflictError('The commitment was changed by someone else since you loaded it', {
          ...before,
          lastUpdate: lastRecordedUpdate(tx, current.id),
        });
      }
      const now = new Date().toISOString();
      // "Previous" is the state just before this entry in world order, so the timeline reads coherently.
      const previous = stateAt(tx, { id: current.id, ...before }, input.effectiveDate);
      // The projector re-derives status and progress (the latest entry in world order, so a
      // back-dated entry never overrides a later one), the history's state changes and every rollup.
      let entry: { id: number; hash: string } | undefined;
      let claim: { side: string; counterSides: string[] } | null = null;
      project(
        tx,
        [current.id],
        () => {
          entry = appendChained(tx, 'status_updates', {
            commitment_id: current.id,
            author_id: actor.id,
            previous_status: previous.status,
            new_status: input.status,
            previous_progress: previous.progress,
            new_progress: input.progress,
            note: input.note,
            evidence_url: input.evidenceUrl ?? null,
            effective_date: input.effectiveDate,
            recorded_at: now,
          });
          const bumped = tx
            .update(commitments)
            .set({ version: before.version + 1, updatedAt: now })
            .where(and(eq(commitments.id, current.id), eq(commitments.version, input.version)))
            .run();
          if (bumped.changes !== 1) throw new ConflictError('The commitment was changed by someone else since you loaded it', before);
          // Closing a commitment with parties on another country's side is a claim that side answers.
          if ((CLAIM_STATUSES as readonly Status[]).includes(input.status)) {
            const parties = partiesOf(tx, current.id);
            const side = sideOf(parties, actor.agencyId);
            const counterSides = side ? counterSidesOf(parties, side) : [];
            if (side && counterSides.length) {
              tx.insert(claims).values({ updateId: entry!.id, commitmentId: current.id, side, counterSides: counterSides.join(','), effectiveDate: input.effectiveDate, recordedAt: now }).run();
              claim = { side, counterSides };
            }
          }
          spanAfterUpdate(tx, current.id, entry!.id, input.effectiveDate);
        },
        { from: input.effectiveDate },
      );
      const stored = tx.select(stateColumns).from(commitments).where(eq(commitments.id, current.id)).get()!;
      recordAudit(tx, {
        actor,
        action: 'commitment.status_update',
        targetType: 'commitment',
        targetId: code,
        before,
        // The update's id and hash tie the history's chain into the audit chain (lib/audit/chain.ts).
        after: { ...stored, note: input.note, evidenceUrl: input.evidenceUrl ?? null, effectiveDate: input.effectiveDate, statusUpdateId: entry!.id, statusUpdateHash: entry!.hash, ...(claim ? { claim } : {}) },
        origin: ctx.origin,
      });
      return stored;
    },
    { behavior: 'immediate' },
  );
}

/** Whether the commitment's latest update is a claim the other side has not confirmed (its latest answer is not `confirm`). */
function unsettledClaim(db: Db, commitmentId: number): boolean {
  const claim = openClaimOf(db, commitmentId);
  if (!claim) return false;
  const last = db
    .select({ decision: claimDecisions.decision })
    .from(claimDecisions)
    .where(eq(claimDecisions.claimId, claim.updateId))
    .orderBy(desc(claimDecisions.effectiveDate), desc(claimDecisions.id))
    .limit(1)
    .get();
  return last?.decision !== 'confirm';
}

/** Archived commitments are read-only: nothing is recorded on one until an admin restores it. */
function archivedError(code: string): ConflictError {
  return new ConflictError(`The commitment ${code} is archived; an administrator must restore it before updates can be recorded`, undefined, 'update.archived');
}

/** The API may leave the effective date out: it is then today, as the form's default. */
function withDefaultDate(raw: unknown, today: string): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const v = raw as Record<string, unknown>;
  // A date typed in the Korean order (2024. 6. 30.) is compared by the rules below as the date it names.
  return v.effectiveDate === undefined || v.effectiveDate === null || v.effectiveDate === '' ? { ...v, effectiveDate: today } : { ...v, effectiveDate: normalizeDateInput(v.effectiveDate) };
}

/** Business rules on whichever fields have the right type; the schema reports the rest. */
function ruleErrors(raw: unknown, current: { status: Status; adoptedOn: string }, today: string): FieldErrors {
  const v = (raw ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  if (typeof v.effectiveDate === 'string' && v.effectiveDate > today) errors.effectiveDate = ['date_in_future'];
  if (typeof v.effectiveDate === 'string' && v.effectiveDate < current.adoptedOn) errors.effectiveDate = ['date_before_dialogue'];
  if (v.status === 'completed' && typeof v.progress === 'number' && v.progress !== 100) errors.progress = ['completed_needs_100'];
  const note = typeof v.note === 'string' ? v.note : '';
  if (v.status !== current.status && STATUSES_REQUIRING_NOTE.includes(v.status as Status) && note.trim() === '') errors.note = ['note_required'];
  return errors;
}

/**
 * Whether the actor may record updates on this commitment (for showing the form): false when the
 * policy refuses or the commitment is archived (`archived` then says why the form is missing).
 */
export function canUpdateCommitment(actor: Actor, code: string, db: Db = getDb()): boolean {
  return updateAvailability(actor, code, db) === 'allowed';
}

export function updateAvailability(actor: Actor, code: string, db: Db = getDb()): 'allowed' | 'archived' | 'forbidden' {
  const scope = loadCommitmentScope(db, code);
  if (!scope || !can(actor, 'commitment.updateStatus', scope)) return 'forbidden';
  const row = db.select({ archivedAt: commitments.archivedAt }).from(commitments).where(eq(commitments.code, code)).get();
  return row?.archivedAt ? 'archived' : 'allowed';
}
