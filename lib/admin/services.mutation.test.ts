import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, commitments, dialogues } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { dateTimeInZone } from '@/lib/periods/dates';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { newCommitment } from '@/lib/testing/admin-fixtures';
import { otherCouldWrite, withTwoConnections } from '@/lib/testing/write-lock';
import { checkCommitment, createCommitment, setCommitmentArchived, updateCommitment } from './commitment-service';
import { saveAgency, saveDialogue } from './reference-service';

const ctx = { origin: 'mutation-test' };
let db: Db;
let admin: Actor;
let official: Actor;

function actors(target: Db) {
  const a = insertTestUser(target, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  const msit = target.select().from(agencies).where(eq(agencies.code, 'MSIT')).get()!;
  const o = insertTestUser(target, { email: 'official@example.org', role: 'official', agencyId: msit.id, passwordHash: 'x' });
  return {
    admin: { id: a.id, email: a.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false } satisfies Actor,
    official: { id: o.id, email: o.email, role: 'official', agencyId: msit.id, agencyCode: 'MSIT', active: true, mustChangePassword: false } satisfies Actor,
  };
}

beforeEach(() => {
  db = useSeededTestDb();
  ({ admin, official } = actors(db));
});

const newDialogue = { code: 'KR-JP-2025', nameKo: '한일 대화', nameEn: 'Korea–Japan dialogue', heldOn: '2025-03-04', placeKo: '도쿄', placeEn: 'Tokyo' };
const newAgency = { code: 'METI', nameKo: '경제산업성', nameEn: 'Ministry of Economy, Trade and Industry', country: 'JP', kind: 'ministry' };

/** What `fn` threw (failing the test if it returned). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

function fieldErrors(fn: () => unknown) {
  const e = thrown(fn);
  if (e instanceof ValidationError) return e.fieldErrors;
  throw e;
}

const lastAudit = (target: Db = db) => target.select().from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)!;
const auditFields = (e: ReturnType<typeof lastAudit>) => ({ actorId: e.actorId, actorEmail: e.actorEmail, action: e.action, targetType: e.targetType, targetId: e.targetId, before: e.before, after: e.after, origin: e.origin });
const seededDialogue = () => db.select().from(dialogues).where(eq(dialogues.code, 'KR-US-CET-2023')).get()!;
const dialogueRaw = (d: typeof dialogues.$inferSelect, change: Partial<typeof dialogues.$inferSelect>) => ({ ...d, sourceUrl: d.sourceUrl ?? '', ...change });
const adoptedOn = (dialogueId: number) => db.select({ a: commitments.adoptedOn }).from(commitments).where(eq(commitments.dialogueId, dialogueId)).all().map((c) => c.a);
const byCode = (code: string) => db.select().from(commitments).where(eq(commitments.code, code)).get()!;
const record = (code: string, effectiveDate: string) => updateCommitmentStatus(db, admin, code, { status: 'in_progress', progress: 20, note: '', effectiveDate, version: byCode(code).version }, ctx, '2025-01-01');

describe('refusals name their target', () => {
  it('audits a refused dialogue or agency save against "new" or the id it named', () => {
    const id = seededDialogue().id;
    const msit = db.select().from(agencies).where(eq(agencies.code, 'MSIT')).get()!;
    const cases: [() => unknown, string, string][] = [
      [() => saveDialogue(db, official, null, newDialogue, ctx), 'dialogue.manage', 'new'],
      [() => saveDialogue(db, official, id, newDialogue, ctx), 'dialogue.manage', String(id)],
      [() => saveAgency(db, official, null, newAgency, ctx), 'agency.manage', 'new'],
      [() => saveAgency(db, official, msit.id, newAgency, ctx), 'agency.manage', String(msit.id)],
      [() => createCommitment(db, official, newCommitment, ctx), 'commitment.manage', 'new'],
    ];
    for (const [call, targetType, targetId] of cases) {
      expect(thrown(call)).toBeInstanceOf(ForbiddenError);
      expect(auditFields(lastAudit())).toEqual({ actorId: official.id, actorEmail: official.email, action: 'access.denied', targetType, targetId, before: null, after: { role: 'official', agency: 'MSIT' }, origin: ctx.origin });
    }
  });
});

describe('saveDialogue and saveAgency', () => {
  it('audits a dialogue’s creation and edit with both rows', () => {
    const created = saveDialogue(db, admin, null, newDialogue, ctx);
    expect(auditFields(lastAudit())).toEqual({ actorId: admin.id, actorEmail: admin.email, action: 'dialogue.create', targetType: 'dialogue', targetId: 'KR-JP-2025', before: null, after: created, origin: ctx.origin });
    const edited = saveDialogue(db, admin, created.id, { ...newDialogue, nameEn: 'Renamed' }, ctx);
    expect(edited).toMatchObject({ id: created.id, nameEn: 'Renamed' });
    expect(auditFields(lastAudit())).toEqual({ actorId: admin.id, actorEmail: admin.email, action: 'dialogue.update', targetType: 'dialogue', targetId: 'KR-JP-2025', before: created, after: edited, origin: ctx.origin });
  });

  it('audits an agency’s creation and edit with both rows', () => {
    const created = saveAgency(db, admin, null, newAgency, ctx);
    expect(auditFields(lastAudit())).toEqual({ actorId: admin.id, actorEmail: admin.email, action: 'agency.create', targetType: 'agency', targetId: 'METI', before: null, after: created, origin: ctx.origin });
    const edited = saveAgency(db, admin, created.id, { ...newAgency, nameEn: 'METI (Japan)' }, ctx);
    expect(auditFields(lastAudit())).toEqual({ actorId: admin.id, actorEmail: admin.email, action: 'agency.update', targetType: 'agency', targetId: 'METI', before: created, after: edited, origin: ctx.origin });
  });

  it('refuses a new agency whose code is taken, writing nothing', () => {
    const before = snapshotTables(db);
    expect(fieldErrors(() => saveAgency(db, admin, null, { ...newAgency, code: 'msit' }, ctx))).toEqual({ code: ['code_taken'] });
    expect(snapshotTables(db)).toEqual(before);
  });

  it('answers not found for a dialogue or agency id that does not exist, writing nothing', () => {
    const before = snapshotTables(db);
    const d = thrown(() => saveDialogue(db, admin, 9999, newDialogue, ctx));
    expect(d).toBeInstanceOf(NotFoundError);
    expect((d as Error).message).toBe('No such dialogue');
    const a = thrown(() => saveAgency(db, admin, 9999, newAgency, ctx));
    expect(a).toBeInstanceOf(NotFoundError);
    expect((a as Error).message).toBe('No such agency');
    expect(snapshotTables(db)).toEqual(before);
  });
});

describe('moving a dialogue’s date', () => {
  it('moves its commitments’ adoption with it, and refuses a date after one of their entries', () => {
    const d = seededDialogue();
    record('CET23-QNT-02', '2024-04-02');
    const before = snapshotTables(db);
    expect(fieldErrors(() => saveDialogue(db, admin, d.id, dialogueRaw(d, { heldOn: '2024-04-03' }), ctx))).toEqual({ heldOn: ['entries_before_dialogue'] });
    expect(snapshotTables(db)).toEqual(before);
    // On the entry's own day is allowed; so is any earlier day.
    saveDialogue(db, admin, d.id, dialogueRaw(d, { heldOn: '2024-04-02' }), ctx);
    expect(new Set(adoptedOn(d.id))).toEqual(new Set(['2024-04-02']));
    saveDialogue(db, admin, d.id, dialogueRaw(d, { heldOn: '2023-11-01' }), ctx);
    expect(new Set(adoptedOn(d.id))).toEqual(new Set(['2023-11-01']));
  });

  it('moves a dialogue whose commitments have no entries yet', () => {
    const d = seededDialogue();
    saveDialogue(db, admin, d.id, dialogueRaw(d, { heldOn: '2024-06-01' }), ctx);
    expect(adoptedOn(d.id)).toEqual(Array(19).fill('2024-06-01'));
  });

  it('re-derives the moved dialogue’s own commitments, not others', () => {
    const other = saveDialogue(db, admin, null, { ...newDialogue, heldOn: '2024-02-01' }, ctx);
    const c = createCommitment(db, admin, { ...newCommitment, dialogueCode: other.code }, ctx);
    expect(c.adoptedOn).toBe('2024-02-01');
    saveDialogue(db, admin, other.id, { ...newDialogue, heldOn: '2024-03-01' }, ctx);
    expect(byCode(c.code).adoptedOn).toBe('2024-03-01');
    expect(new Set(adoptedOn(seededDialogue().id))).toEqual(new Set(['2023-12-09']));
  });

  it('keeps month-end snapshots through a rename, and drops them all when the date moves', () => {
    const d = seededDialogue();
    const snapshotDates = () => db.$client.prepare('select as_of from tally_snapshot_dates').pluck().all();
    db.$client.prepare("insert into tally_snapshot_dates (as_of, built_at) values ('2024-03-31', '2024-04-01T00:00:00Z')").run();
    saveDialogue(db, admin, d.id, dialogueRaw(d, { nameEn: 'Renamed' }), ctx);
    expect(snapshotDates()).toEqual(['2024-03-31']);
    saveDialogue(db, admin, d.id, dialogueRaw(d, { nameEn: 'Renamed', heldOn: '2023-12-01' }), ctx);
    expect(snapshotDates()).toEqual([]);
  });
});

describe('commitment references', () => {
  it('refuses an unknown partner agency, writing nothing', () => {
    const before = snapshotTables(db);
    expect(fieldErrors(() => createCommitment(db, admin, { ...newCommitment, partners: 'NIH:counterpart; NASA' }, ctx))).toEqual({ partners: ['unknown_agency'] });
    expect(snapshotTables(db)).toEqual(before);
  });

  it('reports unknown codes along with schema errors, reading codes as the schema would', () => {
    // Padded, lower-case codes are found; unknown ones are reported even though the title is missing.
    expect(checkCommitment(db, { ...newCommitment, titleEn: '', areaCode: ' bio ', dialogueCode: ' kr-us-cet-2023 ', leadAgencyCode: 'NASA', partners: 'NIH; ESA' }).errors).toEqual({
      titleEn: ['required'],
      leadAgencyCode: ['unknown_agency'],
      partners: ['unknown_agency'],
    });
    // A missing code is the schema's to report (beside another code's), and partners that do not parse name no agency.
    const { dialogueCode: _, ...noDialogue } = newCommitment;
    expect(checkCommitment(db, { ...noDialogue, leadAgencyCode: 'NASA' }).errors).toEqual({ dialogueCode: ['required'], leadAgencyCode: ['unknown_agency'] });
    expect(checkCommitment(db, { ...newCommitment, titleEn: '', partners: 'NIH:boss' }).errors).toEqual({ titleEn: ['required'], 'partners.0.role': ['invalid_role'] });
  });

  // Found by these tests: an empty dialogue, area or lead code with every other code known threw a
  // TypeError (a 500, or a whole CSV preview failed) instead of the field error.
  it('reports a missing dialogue, area or lead code as a field error when every other code is known', () => {
    for (const field of ['dialogueCode', 'areaCode', 'leadAgencyCode'] as const) {
      const { [field]: _, ...missing } = newCommitment;
      expect(checkCommitment(db, missing).errors, field).toEqual({ [field]: ['required'] });
      const empty = checkCommitment(db, { ...newCommitment, [field]: '' }).errors;
      expect(Object.keys(empty ?? {}), `${field} empty`).toEqual([field]);
      expect(empty?.[field], `${field} empty`).toContain('required');
    }
  });
});

describe('updateCommitment', () => {
  const raw = { ...newCommitment, code: 'CET23-QNT-02', areaCode: 'QNT', partners: 'NSF:counterpart' };

  it('answers not found for an id that does not exist, writing nothing', () => {
    const before = snapshotTables(db);
    const e = thrown(() => updateCommitment(db, admin, 9999, newCommitment, 1, ctx));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as Error).message).toBe('No such commitment');
    expect(snapshotTables(db)).toEqual(before);
  });

  it('refuses a move to a dialogue held after the commitment’s first entry, and allows one held that day', () => {
    record('CET23-QNT-02', '2024-04-02');
    saveDialogue(db, admin, null, { ...newDialogue, code: 'LATER', heldOn: '2024-04-03' }, ctx);
    saveDialogue(db, admin, null, { ...newDialogue, code: 'SAME-DAY', heldOn: '2024-04-02' }, ctx);
    const before = snapshotTables(db);
    expect(fieldErrors(() => updateCommitment(db, admin, byCode('CET23-QNT-02').id, { ...raw, dialogueCode: 'LATER' }, 2, ctx))).toEqual({ dialogueCode: ['entries_before_dialogue'] });
    expect(snapshotTables(db)).toEqual(before);
    expect(updateCommitment(db, admin, byCode('CET23-QNT-02').id, { ...raw, dialogueCode: 'SAME-DAY' }, 2, ctx).adoptedOn).toBe('2024-04-02');
  });

  it('tells a stale editor the version and time of the save they missed', () => {
    const c = byCode('CET23-QNT-02');
    const saved = updateCommitment(db, admin, c.id, raw, 1, ctx);
    const e = thrown(() => updateCommitment(db, admin, c.id, { ...raw, titleEn: 'Late edit' }, 1, ctx));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toMatchObject({ message: 'The commitment was changed by someone else since you loaded it', messageKey: 'admin.conflict', current: { version: 2, savedAt: dateTimeInZone(new Date(saved.updatedAt)) } });
    expect((e as ConflictError).current).toEqual({ version: 2, savedAt: dateTimeInZone(new Date(saved.updatedAt)) });
  });

  it('audits a creation and an edit with the commitment and its partners', () => {
    const created = createCommitment(db, admin, newCommitment, ctx);
    const created0 = lastAudit();
    expect(auditFields(created0)).toMatchObject({ actorId: admin.id, actorEmail: admin.email, action: 'commitment.create', targetType: 'commitment', targetId: 'CET23-BIO-09', before: null, origin: ctx.origin });
    expect(created0.after).toMatchObject({ ...created, partners: [expect.objectContaining({ role: 'counterpart' }), expect.objectContaining({ role: 'participant' })] });
    const edited = updateCommitment(db, admin, created.id, { ...newCommitment, titleEn: 'Edited', partners: 'NIH:counterpart' }, 1, ctx);
    const e = lastAudit();
    expect(auditFields(e)).toMatchObject({ actorId: admin.id, actorEmail: admin.email, action: 'commitment.update', targetType: 'commitment', targetId: 'CET23-BIO-09', origin: ctx.origin });
    expect(e.before).toMatchObject({ ...created, partners: [expect.anything(), expect.anything()] });
    expect(e.after).toMatchObject({ ...edited, titleEn: 'Edited', partners: [expect.objectContaining({ role: 'counterpart' })] });
  });
});

describe('setCommitmentArchived', () => {
  it('answers not found for an unknown code, writing nothing', () => {
    const before = snapshotTables(db, ['audit_events']);
    const e = thrown(() => setCommitmentArchived(db, admin, 'NOPE-1', true, ctx));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as Error).message).toBe('No commitment has the code NOPE-1');
    expect(snapshotTables(db, ['audit_events'])).toEqual(before);
  });

  it('audits archiving and restoring with the archive time before and after', () => {
    const archived = setCommitmentArchived(db, admin, 'CET23-ICT-01', true, ctx);
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect(auditFields(lastAudit())).toEqual({ actorId: admin.id, actorEmail: admin.email, action: 'commitment.archive', targetType: 'commitment', targetId: 'CET23-ICT-01', before: { archivedAt: null }, after: { archivedAt: archived.archivedAt }, origin: ctx.origin });
    setCommitmentArchived(db, admin, 'CET23-ICT-01', false, ctx);
    expect(auditFields(lastAudit())).toEqual({ actorId: admin.id, actorEmail: admin.email, action: 'commitment.restore', targetType: 'commitment', targetId: 'CET23-ICT-01', before: { archivedAt: archived.archivedAt }, after: { archivedAt: null }, origin: ctx.origin });
  });
});

describe('write locks', () => {
  it('takes the write lock before the first read of a dialogue edit and each commitment write', () => {
    withTwoConnections((a, b) => {
      const { admin: boss } = actors(a);
      const d = a.select().from(dialogues).get()!;
      const id = a.select().from(commitments).where(eq(commitments.code, 'CET23-QNT-02')).get()!.id;
      expect(otherCouldWrite(a, b, () => saveDialogue(a, boss, d.id, dialogueRaw(d, { nameEn: 'Renamed' }), ctx)), 'saveDialogue').toEqual([false]);
      expect(otherCouldWrite(a, b, () => createCommitment(a, boss, newCommitment, ctx)), 'createCommitment').toEqual([false]);
      expect(otherCouldWrite(a, b, () => updateCommitment(a, boss, id, { ...newCommitment, code: 'CET23-QNT-02', areaCode: 'QNT', partners: '' }, 1, ctx)), 'updateCommitment').toEqual([false]);
      expect(otherCouldWrite(a, b, () => setCommitmentArchived(a, boss, 'CET23-ICT-01', true, ctx)), 'setCommitmentArchived').toEqual([false]);
      // The probe itself works: outside those writes the other connection can write.
      expect(otherCouldWrite(a, b, () => a.transaction((tx) => tx.select().from(dialogues).all())), 'a deferred read').toEqual([true]);
    });
  });
});
