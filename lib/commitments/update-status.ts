import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { commitments, dialogues, statusUpdates } from '@/db/schema';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import { todayIso } from '@/lib/periods/dates';
import { fieldErrorsOf } from '@/lib/validation/common';
import { lastRecordedUpdate, latestEffectiveState, stateAt } from './history';
import { loadCommitmentScope } from './scope';
import { recordTransition } from './transitions';
import { STATUSES_REQUIRING_NOTE, StatusUpdateInput } from './update-input';
import { CLOSED_STATUSES, type Status } from './vocabulary';

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
 * authorize → validate → one immediate transaction (version check, commitment, history, audit).
 * @throws NotFoundError, ForbiddenError, ValidationError, ConflictError (with the current state)
 */
export function updateCommitmentStatus(
  db: Db,
  actor: Actor,
  code: string,
  rawInput: unknown,
  ctx: RequestContext,
  today: string = todayIso(),
): CommitmentState {
  const scope = loadCommitmentScope(db, code);
  if (!scope) throw new NotFoundError(`No commitment has the code ${code}`);
  authorize(db, actor, 'commitment.updateStatus', scope, ctx, code);

  const current = db
    .select({ ...stateColumns, id: commitments.id, heldOn: dialogues.heldOn })
    .from(commitments)
    .innerJoin(dialogues, eq(dialogues.id, commitments.dialogueId))
    .where(eq(commitments.code, code))
    .get()!;
  const parsed = StatusUpdateInput.safeParse(rawInput);
  // Rule errors are reported together with type errors, so a form shows every problem at once.
  const errors: FieldErrors = { ...ruleErrors(rawInput, current, today), ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const input = parsed.data;
  const statusChanges = input.status !== current.status;
  if (statusChanges && CLOSED_STATUSES.includes(current.status)) {
    authorize(db, actor, 'commitment.reopen', scope, ctx, code);
  }

  return db.transaction(
    (tx) => {
      const before = tx.select(stateColumns).from(commitments).where(eq(commitments.id, current.id)).get()!;
      if (before.version !== input.version) {
        throw new ConflictError('The commitment was changed by someone else since you loaded it', {
          ...before,
          lastUpdate: lastRecordedUpdate(tx, current.id),
        });
      }
      const now = new Date().toISOString();
      // "Previous" is the state just before this entry in world order, so the timeline reads coherently.
      const previous = stateAt(tx, { id: current.id, ...before }, input.effectiveDate);
      const entry = tx
        .insert(statusUpdates)
        .values({
          commitmentId: current.id,
          authorId: actor.id,
          previousStatus: previous.status,
          newStatus: input.status,
          previousProgress: previous.progress,
          newProgress: input.progress,
          note: input.note,
          evidenceUrl: input.evidenceUrl ?? null,
          effectiveDate: input.effectiveDate,
          recordedAt: now,
        })
        .returning({ id: statusUpdates.id })
        .get();
      recordTransition(tx, {
        updateId: entry.id,
        commitmentId: current.id,
        effectiveDate: input.effectiveDate,
        from: previous,
        to: { status: input.status, progress: input.progress },
      });
      // A back-dated entry must not override a later one: the current state is the latest in world order.
      const latest = latestEffectiveState(tx, current.id)!;
      const after = tx
        .update(commitments)
        .set({ status: latest.status, progress: latest.progress, version: before.version + 1, updatedAt: now })
        .where(and(eq(commitments.id, current.id), eq(commitments.version, input.version)))
        .returning(stateColumns)
        .get();
      if (!after) throw new ConflictError('The commitment was changed by someone else since you loaded it', before);
      recordAudit(tx, {
        actor,
        action: 'commitment.status_update',
        targetType: 'commitment',
        targetId: code,
        before,
        after: { ...after, note: input.note, evidenceUrl: input.evidenceUrl ?? null, effectiveDate: input.effectiveDate },
        origin: ctx.origin,
      });
      return after;
    },
    { behavior: 'immediate' },
  );
}

/** Business rules on whichever fields have the right type; the schema reports the rest. */
function ruleErrors(raw: unknown, current: { status: Status; heldOn: string }, today: string): FieldErrors {
  const v = (raw ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  if (typeof v.effectiveDate === 'string' && v.effectiveDate > today) errors.effectiveDate = ['date_in_future'];
  if (typeof v.effectiveDate === 'string' && v.effectiveDate < current.heldOn) errors.effectiveDate = ['date_before_dialogue'];
  if (v.status === 'completed' && typeof v.progress === 'number' && v.progress !== 100) errors.progress = ['completed_needs_100'];
  const note = typeof v.note === 'string' ? v.note : '';
  if (v.status !== current.status && STATUSES_REQUIRING_NOTE.includes(v.status as Status) && note.trim() === '') errors.note = ['note_required'];
  return errors;
}

/** Whether the actor may record updates on this commitment (for showing the form). */
export function canUpdateCommitment(actor: Actor, code: string, db: Db = getDb()): boolean {
  const scope = loadCommitmentScope(db, code);
  return !!scope && can(actor, 'commitment.updateStatus', scope);
}
