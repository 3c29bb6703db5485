import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { assessments, commitments } from '@/db/schema';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import { CONFIDENCES } from '@/lib/commitments/vocabulary';
import type { AssessmentFields } from './queries';
import { todayIso } from '@/lib/periods/dates';
import { formatQuarter, parseQuarter, quarterRange } from '@/lib/periods/quarters';
import { fieldErrorsOf, httpUrl, missingOr, plainText } from '@/lib/validation/common';

export const RATIONALE_MAX_LENGTH = 2000;
export const MAX_LINKS = 10;

/** An assessment, as the form and `POST /api/v1/commitments/{code}/assessments` send it. */
export const AssessmentInput = z.object({
  quarter: z
    .string({ error: missingOr('invalid_quarter') })
    .trim()
    .toUpperCase()
    .refine((v) => parseQuarter(v) !== null, { message: 'invalid_quarter' }),
  verdict: z.union([z.literal(1), z.literal(0), z.literal(-1)], { error: missingOr('invalid_verdict') }),
  confidence: z.enum(CONFIDENCES, { error: missingOr('invalid_confidence') }),
  rationale: plainText(RATIONALE_MAX_LENGTH).refine((s) => s.trim() !== '', { message: 'required' }),
  links: z.array(httpUrl).max(MAX_LINKS, { message: 'too_many' }).default([]),
  /** The assessment this one revises (the latest for the quarter when the form was loaded); null for a first one. */
  revises: z.number({ error: 'not_a_number' }).int({ message: 'not_an_integer' }).min(1, { message: 'out_of_range' }).nullish(),
});

/** The entry recorded: its fields as read back, the commitment's code and the entry it revises. */
export interface AssessmentRecord extends AssessmentFields {
  code: string;
  revises: number | null;
}

/** Form fields to the API's shape: the verdict as a number, links one per line. */
export function assessmentInputFromForm(values: Record<string, string>): Record<string, unknown> {
  const verdict = values.verdict?.trim();
  return {
    quarter: values.quarter,
    verdict: verdict === undefined || verdict === '' ? undefined : Number(verdict),
    confidence: values.confidence || undefined,
    rationale: values.rationale ?? '',
    links: (values.links ?? '').split(/\s+/).map((s) => s.trim()).filter(Boolean),
    revises: values.revises?.trim() ? Number(values.revises) : null,
  };
}

/**
 * Records an analyst's assessment of a commitment for a quarter: authorize (analysts and
 * administrators) → validate (a quarter from the commitment's adoption to the current one; a
 * rationale of at most 2,000 characters; http(s) links) → one transaction with its audit event.
 * Assessments are append-only: a revision is a new entry, and `revises` must name the quarter's
 * latest (409 otherwise, so two analysts never overwrite each other unseen).
 */
export function recordAssessment(db: Db, actor: Actor, code: string, raw: unknown, ctx: RequestContext, today: string = todayIso()): AssessmentRecord {
  const c = db.select({ id: commitments.id, adoptedOn: commitments.adoptedOn, archivedAt: commitments.archivedAt }).from(commitments).where(eq(commitments.code, code)).get();
  if (!c) throw new NotFoundError(`No commitment has the code ${code}`);
  authorize(db, actor, 'commitment.assess', undefined, ctx, code);
  if (c.archivedAt !== null) {
    throw new ConflictError(`The commitment ${code} is archived; an administrator must restore it before anything can be recorded`, undefined, 'update.archived');
  }
  const parsed = AssessmentInput.safeParse(raw);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (parsed.success) {
    const q = parseQuarter(parsed.data.quarter)!;
    if (quarterRange(q).start > today) errors.quarter = ['quarter_in_future'];
    else if (c.adoptedOn && quarterRange(q).end < c.adoptedOn) errors.quarter = ['quarter_before_dialogue'];
  }
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const input = parsed.data;
  const quarter = formatQuarter(parseQuarter(input.quarter)!);
  return db.transaction(
    (tx) => {
      const latest = tx
        .select({ id: assessments.id })
        .from(assessments)
        .where(and(eq(assessments.commitmentId, c.id), eq(assessments.quarter, quarter)))
        .orderBy(desc(assessments.id))
        .limit(1)
        .get();
      if ((latest?.id ?? null) !== (input.revises ?? null)) {
        throw new ConflictError('Someone recorded an assessment for this quarter since you loaded it', { quarter, latest: latest?.id ?? null }, 'assessment.conflict');
      }
      const recordedAt = new Date().toISOString();
      const rationale = input.rationale.trim();
      const row = tx
        .insert(assessments)
        .values({ commitmentId: c.id, quarter, verdict: input.verdict, confidence: input.confidence, rationale, links: JSON.stringify(input.links), authorId: actor.id, recordedAt })
        .returning({ id: assessments.id })
        .get();
      const record: AssessmentRecord = { id: row.id, code, quarter, verdict: input.verdict, confidence: input.confidence, rationale, links: input.links, recordedAt, revises: input.revises ?? null };
      recordAudit(tx, { actor, action: 'commitment.assess', targetType: 'commitment', targetId: code, before: latest ? { assessmentId: latest.id } : null, after: record, origin: ctx.origin });
      return record;
    },
    { behavior: 'immediate' },
  );
}

