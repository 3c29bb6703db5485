import 'server-only';
import { and, eq, inArray, min, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, areas, commitmentPartners, commitments, dialogues, statusUpdates } from '@/db/schema';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import { project, projectCreated } from '@/lib/as-of/projector';
import { dateTimeInZone } from '@/lib/periods/dates';
import { parseDuePeriod } from '@/lib/periods/due-period';
import { fieldErrorsOf } from '@/lib/validation/common';
import { resolveBases, storedBases, type StoredBases } from './commitment-basis';
import { CommitmentInput, PartnersField } from './inputs';

type Reader = Pick<Db, 'select'>;

interface Codes {
  dialogueCode: string;
  areaCode: string;
  leadAgencyCode: string;
  partnerCodes: string[];
}

/** The ids of the codes a commitment refers to; unknown ones become field errors. */
function lookUpCodes(db: Reader, c: Codes) {
  const errors: FieldErrors = {};
  const dialogue = db.select({ id: dialogues.id }).from(dialogues).where(eq(dialogues.code, c.dialogueCode)).get();
  const area = db.select({ id: areas.id }).from(areas).where(eq(areas.code, c.areaCode)).get();
  const found = new Map(db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(inArray(agencies.code, [c.leadAgencyCode, ...c.partnerCodes])).all().map((a) => [a.code, a.id]));
  // A missing code is `required` here too: the lenient pass of an input the schema refused calls
  // this with '' for it, and must not go on to read the id of a row it did not find.
  if (!dialogue) errors.dialogueCode = [c.dialogueCode ? 'unknown_dialogue' : 'required'];
  if (!area) errors.areaCode = [c.areaCode ? 'unknown_area' : 'required'];
  if (!found.has(c.leadAgencyCode)) errors.leadAgencyCode = [c.leadAgencyCode ? 'unknown_agency' : 'required'];
  if (c.partnerCodes.some((code) => !found.has(code))) errors.partners = ['unknown_agency'];
  if (Object.keys(errors).length) return { errors } as const;
  return { errors: null, dialogueId: dialogue!.id, areaId: area!.id, leadId: found.get(c.leadAgencyCode)!, partnerIds: c.partnerCodes.map((code) => found.get(code)!) } as const;
}

/**
 * Resolves the codes a commitment refers to, and the basis of each fact against what `kept` (the
 * commitment being edited) stores (lib/admin/commitment-basis.ts); unknown codes and bad bases
 * become field errors.
 */
export function resolveReferences(db: Reader, input: CommitmentInput, kept?: StoredBases) {
  const refs = lookUpCodes(db, { ...input, partnerCodes: input.partners.map((p) => p.agencyCode) });
  if (refs.errors) return { errors: refs.errors } as const;
  const bases = resolveBases(input, { lead: refs.leadId, partners: refs.partnerIds }, kept);
  if (bases.errors) return { errors: bases.errors } as const;
  const { lead, partners, due: dueBasis, target } = bases.bases;
  const due = parseDuePeriod(input.due);
  return {
    errors: null,
    row: {
      code: input.code,
      dialogueId: refs.dialogueId,
      areaId: refs.areaId,
      titleKo: input.titleKo,
      titleEn: input.titleEn,
      descriptionKo: input.descriptionKo,
      descriptionEn: input.descriptionEn,
      leadAgencyId: refs.leadId,
      dueSpec: due.spec,
      duePrecision: due.precision,
      dueStart: due.start,
      dueEnd: due.end,
      targetKo: input.targetKo,
      targetEn: input.targetEn,
      sourceExcerpt: input.sourceExcerpt,
      leadBasis: lead.basis,
      leadBasisQuote: lead.basisQuote,
      leadBasisReasonKo: lead.basisReasonKo,
      leadBasisReasonEn: lead.basisReasonEn,
      leadConfirmedBy: lead.confirmedBy,
      leadConfirmedOn: lead.confirmedOn,
      leadConfirmedEvidenceUrl: lead.confirmedEvidenceUrl,
      ...dueBasis,
      ...target,
    },
    partners: input.partners.map((p, i) => ({ agencyId: refs.partnerIds[i]!, role: p.role, ...partners[i]! })),
  } as const;
}

/** The unknown codes of an input that failed the schema, read as leniently as possible. */
function looseReferenceErrors(db: Reader, raw: unknown): FieldErrors | null {
  const v = (raw ?? {}) as Record<string, unknown>;
  const up = (x: unknown) => (typeof x === 'string' ? x.trim().toUpperCase() : '');
  const partners = PartnersField.safeParse(v.partners ?? '');
  return lookUpCodes(db, { dialogueCode: up(v.dialogueCode), areaCode: up(v.areaCode), leadAgencyCode: up(v.leadAgencyCode), partnerCodes: partners.success ? partners.data.map((p) => p.agencyCode) : [] }).errors;
}

/**
 * Schema, references and code uniqueness in one pass, so every problem is reported at once.
 * `exceptId` is the commitment being edited (its own code is not a clash).
 */
export function checkCommitment(db: Reader, raw: unknown, exceptId?: number) {
  const parsed = CommitmentInput.safeParse(raw);
  if (!parsed.success) return { errors: { ...looseReferenceErrors(db, raw), ...fieldErrorsOf(parsed.error) }, resolved: null } as const;
  // Bases are checked against a valid input only, and on an edit against what the commitment stores.
  const resolved = resolveReferences(db, parsed.data, exceptId === undefined ? undefined : storedBases(db, exceptId));
  const errors: FieldErrors = { ...(resolved.errors ?? {}) };
  if (codeTaken(db, parsed.data.code, exceptId)) errors.code = ['code_taken'];
  if (resolved.errors || Object.keys(errors).length) return { errors, resolved: null } as const;
  return { errors: null, resolved } as const;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Inserts validated, resolved commitments with their partners, hands them to the read model's
 * projector, and writes an audit row for each; for the form and the CSV import.
 */
export function insertCommitments(tx: Tx, actor: Actor, list: Extract<ReturnType<typeof resolveReferences>, { errors: null }>[], origin: string) {
  const ids = list.map((resolved) => {
    const created = tx.insert(commitments).values(resolved.row).returning({ id: commitments.id }).get();
    for (const p of resolved.partners) tx.insert(commitmentPartners).values({ commitmentId: created.id, ...p }).run();
    return created.id;
  });
  projectCreated(tx, ids);
  return ids.map((id, i) => {
    const created = tx.select().from(commitments).where(eq(commitments.id, id)).get()!;
    recordAudit(tx, { actor, action: 'commitment.create', targetType: 'commitment', targetId: created.code, after: { ...created, partners: list[i]!.partners }, origin });
    return created;
  });
}

function codeTaken(db: Reader, code: string, exceptId?: number): boolean {
  return !!db.select({ id: commitments.id }).from(commitments).where(exceptId ? and(eq(commitments.code, code), ne(commitments.id, exceptId)) : eq(commitments.code, code)).get();
}

/** Admin creates a commitment (status not started). */
export function createCommitment(db: Db, actor: Actor, raw: unknown, ctx: RequestContext) {
  authorize(db, actor, 'commitment.manage', undefined, ctx, 'new');
  const { errors, resolved } = checkCommitment(db, raw);
  if (errors) throw new ValidationError(errors);
  return db.transaction((tx) => insertCommitments(tx, actor, [resolved], ctx.origin)[0]!, { behavior: 'immediate' });
}

/**
 * Admin edits every descriptive field (both languages, agencies, due period, bases); status and
 * progress change only through status updates. Guarded by the version the admin saw. Checked
 * inside the write's transaction: an unchanged fact keeps the basis stored when it runs (a
 * confirmation included), never one read before another write.
 */
export function updateCommitment(db: Db, actor: Actor, id: number, raw: unknown, version: number, ctx: RequestContext) {
  authorize(db, actor, 'commitment.manage', undefined, ctx, String(id));
  return db.transaction(
    (tx) => {
      const { errors, resolved } = checkCommitment(tx, raw, id);
      if (errors) throw new ValidationError(errors);
      const before = tx.select().from(commitments).where(eq(commitments.id, id)).get();
      if (!before) throw new NotFoundError('No such commitment');
      const partnersBefore = tx.select().from(commitmentPartners).where(eq(commitmentPartners.commitmentId, id)).all().map(({ commitmentId: _, ...p }) => p);
      const first = tx.select({ d: min(statusUpdates.effectiveDate) }).from(statusUpdates).where(eq(statusUpdates.commitmentId, id)).get()?.d;
      const heldOn = tx.select({ d: dialogues.heldOn }).from(dialogues).where(eq(dialogues.id, resolved.row.dialogueId)).get()!.d;
      if (first && first < heldOn) throw new ValidationError({ dialogueCode: ['entries_before_dialogue'] });
      if (before.version !== version) {
        const current = { version: before.version, savedAt: dateTimeInZone(new Date(before.updatedAt)) };
        throw new ConflictError('The commitment was changed by someone else since you loaded it', current, 'admin.conflict');
      }
      project(
        tx,
        [id],
        () => {
          tx.update(commitments)
            .set({ ...resolved.row, version: before.version + 1, updatedAt: new Date().toISOString() })
            .where(eq(commitments.id, id))
            .run();
          tx.delete(commitmentPartners).where(eq(commitmentPartners.commitmentId, id)).run();
          for (const p of resolved.partners) tx.insert(commitmentPartners).values({ commitmentId: id, ...p }).run();
        },
        'all',
      );
      const after = tx.select().from(commitments).where(eq(commitments.id, id)).get()!;
      recordAudit(tx, { actor, action: 'commitment.update', targetType: 'commitment', targetId: after.code, before: { ...before, partners: partnersBefore }, after: { ...after, partners: resolved.partners }, origin: ctx.origin });
      return after;
    },
    { behavior: 'immediate' },
  );
}

/** Archives (hides from default lists, keeps in history and reports) or restores a commitment. */
export function setCommitmentArchived(db: Db, actor: Actor, code: string, archived: boolean, ctx: RequestContext) {
  authorize(db, actor, 'commitment.manage', undefined, ctx, code);
  return db.transaction((tx) => {
    const before = tx.select().from(commitments).where(eq(commitments.code, code)).get();
    if (!before) throw new NotFoundError(`No commitment has the code ${code}`);
    const after = project(
      tx,
      [before.id],
      () =>
        tx
          .update(commitments)
          .set({ archivedAt: archived ? (before.archivedAt ?? new Date().toISOString()) : null, version: before.version + 1, updatedAt: new Date().toISOString() })
          .where(eq(commitments.id, before.id))
          .returning()
          .get()!,
      'all',
    );
    recordAudit(tx, { actor, action: archived ? 'commitment.archive' : 'commitment.restore', targetType: 'commitment', targetId: code, before: { archivedAt: before.archivedAt }, after: { archivedAt: after.archivedAt }, origin: ctx.origin });
    return after;
  }, { behavior: 'immediate' });
}
