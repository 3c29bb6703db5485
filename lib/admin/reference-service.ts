import 'server-only';
import { and, eq, min, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, commitments, dialogues, statusUpdates } from '@/db/schema';
import { project } from '@/lib/as-of/projector';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/common';
import { AgencyInput, DialogueInput } from './inputs';


/**
 * Creates (id null) or edits a dialogue. Codes are unique; the change and its audit row commit together.
 * @throws ForbiddenError, ValidationError, NotFoundError
 */
export function saveDialogue(db: Db, actor: Actor, id: number | null, raw: unknown, ctx: RequestContext) {
  authorize(db, actor, 'dialogue.manage', undefined, ctx, id === null ? 'new' : String(id));
  const input = parseInput(DialogueInput, raw);
  const clash = db.select({ id: dialogues.id }).from(dialogues).where(id === null ? eq(dialogues.code, input.code) : and(eq(dialogues.code, input.code), ne(dialogues.id, id))).get();
  if (clash) throw new ValidationError({ code: ['code_taken'] });
  return db.transaction(
    (tx) => {
      const before = id === null ? null : tx.select().from(dialogues).where(eq(dialogues.id, id)).get();
      if (id !== null && !before) throw new NotFoundError('No such dialogue');
      if (id === null) {
        const after = tx.insert(dialogues).values(input).returning().get();
        recordAudit(tx, { actor, action: 'dialogue.create', targetType: 'dialogue', targetId: after.code, before, after, origin: ctx.origin });
        return after;
      }
      // Its commitments exist from its date: moving the date re-derives them, and may not leave an entry before it.
      const own = tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.dialogueId, id)).all().map((c) => c.id);
      if (before!.heldOn !== input.heldOn && own.length) {
        const first = tx.select({ d: min(statusUpdates.effectiveDate) }).from(statusUpdates).innerJoin(commitments, eq(commitments.id, statusUpdates.commitmentId)).where(eq(commitments.dialogueId, id)).get()?.d;
        if (first && first < input.heldOn) throw new ValidationError({ heldOn: ['entries_before_dialogue'] });
      }
      const after = project(tx, before!.heldOn === input.heldOn ? [] : own, () => tx.update(dialogues).set(input).where(eq(dialogues.id, id)).returning().get()!, before!.heldOn === input.heldOn ? { from: '9999-12-31' } : 'all');
      recordAudit(tx, { actor, action: 'dialogue.update', targetType: 'dialogue', targetId: after.code, before, after, origin: ctx.origin });
      return after;
    },
    { behavior: 'immediate' },
  );
}

/** Creates (id null) or edits an agency; codes are unique. */
export function saveAgency(db: Db, actor: Actor, id: number | null, raw: unknown, ctx: RequestContext) {
  authorize(db, actor, 'agency.manage', undefined, ctx, id === null ? 'new' : String(id));
  const input = parseInput(AgencyInput, raw);
  // Immediate, like every other write: the code check and the write see the same database.
  return db.transaction((tx) => {
    const clash = tx.select({ id: agencies.id }).from(agencies).where(id === null ? eq(agencies.code, input.code) : and(eq(agencies.code, input.code), ne(agencies.id, id))).get();
    if (clash) throw new ValidationError({ code: ['code_taken'] });
    const before = id === null ? null : tx.select().from(agencies).where(eq(agencies.id, id)).get();
    if (id !== null && !before) throw new NotFoundError('No such agency');
    const after = id === null ? tx.insert(agencies).values(input).returning().get() : tx.update(agencies).set(input).where(eq(agencies.id, id)).returning().get()!;
    recordAudit(tx, { actor, action: id === null ? 'agency.create' : 'agency.update', targetType: 'agency', targetId: after.code, before, after, origin: ctx.origin });
    return after;
  }, { behavior: 'immediate' });
}
