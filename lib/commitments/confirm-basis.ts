import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { agencies, commitmentPartners, commitments } from '@/db/schema';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { todayIso } from '@/lib/periods/dates';
import { fieldErrorsOf, httpUrl, isoDateString, plainText } from '@/lib/validation/common';

/**
 * An administrator records that an agency itself confirmed an inferred assignment (with who, when
 * and an optional evidence link), or takes the confirmation back (the assignment is inferred again,
 * with its reason). A stated assignment needs no confirmation: the source names it.
 */
export const ConfirmBasisInput = z.discriminatedUnion(
  'confirmed',
  [
    z.object({
      confirmed: z.literal(true),
      agencyCode: z.string().trim().toUpperCase().min(1, { message: 'required' }).max(20),
      confirmedBy: plainText(200).trim().min(1, { message: 'required' }),
      confirmedOn: isoDateString,
      evidenceUrl: z.preprocess((v) => (v === '' ? undefined : v), httpUrl.optional()),
      version: z.coerce.number({ message: 'not_a_number' }).int().min(1),
    }),
    z.object({
      confirmed: z.literal(false),
      agencyCode: z.string().trim().toUpperCase().min(1, { message: 'required' }).max(20),
      version: z.coerce.number({ message: 'not_a_number' }).int().min(1),
    }),
  ],
  { error: 'invalid_decision' },
);
export type ConfirmBasisInput = z.infer<typeof ConfirmBasisInput>;

/**
 * authorize → validate → one immediate transaction: the version check, the lead's or the partner
 * link's basis columns, the commitment's version, and the audit row (`commitment.basis_confirm` /
 * `commitment.basis_unconfirm`, with the basis before and after).
 * @throws NotFoundError (commitment, or an agency not assigned to it), ForbiddenError,
 *   ValidationError (input; confirming a stated or already confirmed assignment; un-confirming one
 *   that is not confirmed; a date in the future), ConflictError (stale version)
 */
export function setAssignmentConfirmation(db: Db, actor: Actor, code: string, raw: unknown, ctx: RequestContext, today: string = todayIso()) {
  authorize(db, actor, 'commitment.manage', undefined, ctx, code);
  const parsed = ConfirmBasisInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (input.confirmed && input.confirmedOn > today) throw new ValidationError({ confirmedOn: ['date_in_future'] });

  return db.transaction(
    (tx) => {
      const c = tx.select().from(commitments).where(eq(commitments.code, code)).get();
      if (!c) throw new NotFoundError(`No commitment has the code ${code}`);
      if (c.version !== input.version) throw new ConflictError('The commitment was changed by someone else since you loaded it', { version: c.version }, 'admin.conflict');
      const agency = tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.agencyCode)).get();
      const partner = agency && tx.select().from(commitmentPartners).where(and(eq(commitmentPartners.commitmentId, c.id), eq(commitmentPartners.agencyId, agency.id))).get();
      const isLead = agency?.id === c.leadAgencyId;
      if (!agency || (!isLead && !partner)) throw new NotFoundError(`${input.agencyCode} is not assigned to ${code}`);

      const before = isLead
        ? { basis: c.leadBasis, confirmedBy: c.leadConfirmedBy, confirmedOn: c.leadConfirmedOn, evidenceUrl: c.leadConfirmedEvidenceUrl }
        : { basis: partner!.basis, confirmedBy: partner!.confirmedBy, confirmedOn: partner!.confirmedOn, evidenceUrl: partner!.confirmedEvidenceUrl };
      if (input.confirmed && before.basis !== 'inferred') throw new ValidationError({ agencyCode: [before.basis === 'stated' ? 'basis_already_stated' : 'basis_already_confirmed'] });
      if (!input.confirmed && before.basis !== 'confirmed') throw new ValidationError({ agencyCode: ['basis_not_confirmed'] });

      const after = input.confirmed
        ? { basis: 'confirmed' as const, confirmedBy: input.confirmedBy, confirmedOn: input.confirmedOn, evidenceUrl: input.evidenceUrl ?? null }
        : { basis: 'inferred' as const, confirmedBy: null, confirmedOn: null, evidenceUrl: null };
      const now = new Date().toISOString();
      if (isLead) {
        tx.update(commitments)
          .set({ leadBasis: after.basis, leadConfirmedBy: after.confirmedBy, leadConfirmedOn: after.confirmedOn, leadConfirmedEvidenceUrl: after.evidenceUrl, version: c.version + 1, updatedAt: now })
          .where(eq(commitments.id, c.id))
          .run();
      } else {
        tx.update(commitmentPartners)
          .set({ basis: after.basis, confirmedBy: after.confirmedBy, confirmedOn: after.confirmedOn, confirmedEvidenceUrl: after.evidenceUrl })
          .where(and(eq(commitmentPartners.commitmentId, c.id), eq(commitmentPartners.agencyId, agency.id)))
          .run();
        tx.update(commitments).set({ version: c.version + 1, updatedAt: now }).where(eq(commitments.id, c.id)).run();
      }
      recordAudit(tx, {
        actor,
        action: input.confirmed ? 'commitment.basis_confirm' : 'commitment.basis_unconfirm',
        targetType: 'commitment',
        targetId: code,
        before: { agency: input.agencyCode, role: isLead ? 'lead' : partner!.role, ...before },
        after: { agency: input.agencyCode, role: isLead ? 'lead' : partner!.role, ...after },
        origin: ctx.origin,
      });
      return { code, version: c.version + 1, agencyCode: input.agencyCode, ...after };
    },
    { behavior: 'immediate' },
  );
}
