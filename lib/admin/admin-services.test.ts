import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, commitmentPartners, commitments, dialogues } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { listAsOf as searchCommitments } from '@/lib/as-of/list';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { ConflictError, ValidationError } from '@/lib/errors';
import { testSeed } from '@/lib/testing/seed';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { newCommitment } from '@/lib/testing/admin-fixtures';
import { createCommitment, setCommitmentArchived, updateCommitment } from './commitment-service';
import { firstInvalidUtf8, importCommitments, ImportRejectedError, previewCommitmentImport } from './csv-import';
import { saveAgency, saveDialogue } from './reference-service';

const ctx = { origin: 'test' };
let db: Db;
let admin: Actor;

beforeEach(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  admin = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
});

function fieldErrors(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors;
    throw e;
  }
  return null;
}

describe('dialogues and agencies', () => {
  it('creates a dialogue and an agency, and refuses duplicate codes', () => {
    const d = saveDialogue(db, admin, null, { code: 'kr-jp-2025', nameKo: '한일 대화', nameEn: 'Korea–Japan dialogue', heldOn: '2025-03-04', placeKo: '도쿄', placeEn: 'Tokyo', sourceUrl: 'https://example.org/x' }, ctx);
    expect(d.code).toBe('KR-JP-2025');
    expect(fieldErrors(() => saveDialogue(db, admin, null, { ...d, sourceUrl: '' }, ctx))).toEqual({ code: ['code_taken'] });
    const a = saveAgency(db, admin, null, { code: 'meti', nameKo: '경제산업성', nameEn: 'Ministry of Economy, Trade and Industry', country: 'jp', kind: 'ministry' }, ctx);
    expect([a.code, a.country]).toEqual(['METI', 'JP']);
    expect(fieldErrors(() => saveAgency(db, admin, a.id, { code: 'MSIT', nameKo: 'x', nameEn: 'x', country: 'KR', kind: 'ministry' }, ctx))).toEqual({ code: ['code_taken'] });
  });

  it('edits an agency in place', () => {
    const msit = db.select().from(agencies).where(eq(agencies.code, 'MSIT')).get()!;
    saveAgency(db, admin, msit.id, { ...msit, nameEn: 'Ministry of Science and ICT (MSIT)' }, ctx);
    expect(db.select().from(agencies).where(eq(agencies.id, msit.id)).get()!.nameEn).toBe('Ministry of Science and ICT (MSIT)');
  });

  it('refuses a bad date, country and kind', () => {
    expect(fieldErrors(() => saveDialogue(db, admin, null, { code: 'X', nameKo: 'x', nameEn: 'x', heldOn: '2025-02-30', placeKo: 'x', placeEn: 'x' }, ctx))).toEqual({ heldOn: ['invalid_date'] });
    expect(fieldErrors(() => saveAgency(db, admin, null, { code: 'X', nameKo: 'x', nameEn: 'x', country: 'KOR', kind: 'club' }, ctx))).toEqual({ country: ['invalid_country'], kind: ['invalid_kind'] });
  });
});

describe('commitments', () => {
  it('creates one with partners and a derived due period', () => {
    const c = createCommitment(db, admin, newCommitment, ctx);
    expect(c).toMatchObject({ code: 'CET23-BIO-09', status: 'not_started', dueSpec: '2025-H1', dueEnd: '2025-06-30', targetEn: '3 joint calls' });
    expect(db.select().from(commitmentPartners).where(eq(commitmentPartners.commitmentId, c.id)).all().map((p) => p.role).sort()).toEqual(['counterpart', 'participant']);
  });

  it('refuses unknown references, a lead listed as partner, bad due periods and taken codes', () => {
    expect(fieldErrors(() => createCommitment(db, admin, { ...newCommitment, areaCode: 'SPACE', leadAgencyCode: 'NASA' }, ctx))).toEqual({ areaCode: ['unknown_area'], leadAgencyCode: ['unknown_agency'] });
    expect(fieldErrors(() => createCommitment(db, admin, { ...newCommitment, partners: 'MOHW:co_lead' }, ctx))).toEqual({ partners: ['lead_is_partner'] });
    expect(fieldErrors(() => createCommitment(db, admin, { ...newCommitment, due: 'next spring' }, ctx))).toEqual({ due: ['invalid_due'] });
    expect(fieldErrors(() => createCommitment(db, admin, { ...newCommitment, code: 'CET23-BIO-01' }, ctx))).toEqual({ code: ['code_taken'] });
  });

  it('edits all descriptive fields under version control', () => {
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-QNT-02')).get()!;
    const raw = { ...newCommitment, code: 'CET23-QNT-02', areaCode: 'QNT', titleEn: 'Quantum industry–university cooperation', partners: 'NSF:counterpart' };
    const after = updateCommitment(db, admin, c.id, raw, 1, ctx);
    expect(after).toMatchObject({ titleEn: 'Quantum industry–university cooperation', version: 2, status: c.status });
    expect(() => updateCommitment(db, admin, c.id, raw, 1, ctx)).toThrow(ConflictError);
  });

  it('moves a commitment’s history in the monthly rollup when its area or lead changes', async () => {
    const { updateCommitmentStatus } = await import('@/lib/commitments/update-status');
    updateCommitmentStatus(db, admin, 'CET23-QNT-02', { status: 'in_progress', progress: 20, note: '', effectiveDate: '2024-04-02', version: 1 }, ctx, '2025-01-01');
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-QNT-02')).get()!;
    updateCommitment(db, admin, c.id, { ...newCommitment, code: 'CET23-QNT-02', areaCode: 'AI', leadAgencyCode: 'MOFA', partners: '' }, c.version, ctx);
    // The rollup holds every commitment's adoption plus this one entry; the entry's cell follows the move.
    const rollup = db.$client.prepare("select area_id, lead_agency_id, n from status_flows where n != 0 and from_status != 'absent'").all();
    const moved = db.$client.prepare('select area_id, lead_agency_id from commitments where code = ?').get('CET23-QNT-02') as { area_id: number; lead_agency_id: number };
    expect(rollup).toEqual([{ ...moved, n: 1 }]);
    const adoptions = db.$client.prepare("select sum(n) as n from status_flows where from_status = 'absent'").get() as { n: number };
    expect(adoptions.n).toBe(19);
  });

  it('keeps the live tallies equal to a recount through creates, edits, status changes and archiving', async () => {
    const { updateCommitmentStatus } = await import('@/lib/commitments/update-status');
    const recount = () => db.$client.prepare(`select area_id, lead_agency_id, coalesce(due_end, '') as due_end, status, count(*) as n, sum(progress) as progress_sum
      from commitments where archived_at is null group by 1, 2, 3, 4 order by 1, 2, 3, 4`).all();
    const tallies = () => db.$client.prepare('select area_id, lead_agency_id, due_end, status, n, progress_sum from commitment_tallies where n != 0 order by 1, 2, 3, 4').all();
    expect(tallies()).toEqual(recount());
    const created = createCommitment(db, admin, newCommitment, ctx);
    updateCommitmentStatus(db, admin, created.code, { status: 'at_risk', progress: 40, note: 'x', effectiveDate: '2024-04-02', version: 1 }, ctx, '2025-01-01');
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-QNT-02')).get()!;
    updateCommitment(db, admin, c.id, { ...newCommitment, code: 'CET23-QNT-02', areaCode: 'AI', due: '2026-Q1', partners: '' }, c.version, ctx);
    setCommitmentArchived(db, admin, 'CET23-ICT-01', true, ctx);
    expect(tallies()).toEqual(recount());
    setCommitmentArchived(db, admin, 'CET23-ICT-01', false, ctx);
    expect(tallies()).toEqual(recount());
  });

  it('archives: hidden from the default list, kept and restorable', () => {
    setCommitmentArchived(db, admin, 'CET23-ICT-01', true, ctx);
    const codes = () => searchCommitments(parseFiltersLeniently({ pageSize: '100' }), '2026-01-01', db).items.map((c) => c.code);
    expect(codes()).not.toContain('CET23-ICT-01');
    expect(db.select().from(commitments).where(eq(commitments.code, 'CET23-ICT-01')).get()).toBeTruthy();
    setCommitmentArchived(db, admin, 'CET23-ICT-01', false, ctx);
    expect(codes()).toContain('CET23-ICT-01');
  });
});

describe('bidirectional control characters in admin forms', () => {
  it('refuses them in every text field of a commitment and a dialogue, writing nothing', () => {
    const before = snapshotTables(db);
    for (const [field, ch] of [['titleEn', '\u202A'], ['titleKo', '\u202B'], ['descriptionEn', '\u202C'], ['targetEn', '\u202D'], ['sourceExcerpt', '\u202E'], ['descriptionKo', '\u2066'], ['targetKo', '\u2067'], ['titleEn', '\u2068'], ['titleEn', '\u2069']] as const) {
      expect(fieldErrors(() => createCommitment(db, admin, { ...newCommitment, [field]: `text ${ch}here` }, ctx))?.[field], `${field} U+${ch.codePointAt(0)!.toString(16)}`).toEqual(['bidi_controls']);
    }
    const dialogue = { code: 'D-2', nameKo: '대화', nameEn: 'Dialogue \u202Eevil', heldOn: '2024-01-10', placeKo: '서울', placeEn: 'Seoul' };
    expect(fieldErrors(() => saveDialogue(db, admin, null, dialogue, ctx))?.nameEn).toEqual(['bidi_controls']);
    expect(snapshotTables(db)).toEqual(before);
    // Direction marks (U+200E, U+200F) are not controls: they stay allowed.
    expect(createCommitment(db, admin, { ...newCommitment, titleEn: 'New \u200Ecommitment' }, ctx).code).toBe('CET23-BIO-09');
  });
});

const HEADER = 'code,dialogue,area,title_ko,title_en,lead_agency,partners,due,target_en';
/** The random byte strings' seed (printed; TEST_SEED replays another). */
const UTF8_SEED = testSeed(42, 'UTF-8 byte strings');

describe('CSV import', () => {
  it('previews every row’s errors without writing, then refuses the whole file', () => {
    const csv = [
      HEADER,
      'CET23-AI-09,KR-US-CET-2023,AI,AI 안전 연구소 협력,AI safety institutes cooperation,MSIT,NIST:counterpart,2025-Q2,',
      'CET23-AI-10,KR-US-CET-2023,AI,두 번째,Second,MSIT,,sometime,',
      'CET23-BIO-01,KR-US-CET-2023,BIO,중복,Duplicate,MSIT,,2025,',
      'CET23-AI-09,KR-US-CET-2023,ZZZ,중복,Duplicate in file,XX,,2025,',
    ].join('\n');
    const before = snapshotTables(db);
    const preview = previewCommitmentImport(db, admin, csv, ctx);
    expect(preview).toMatchObject({ valid: 1, invalid: 3, fileErrors: [] });
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, {}],
      [3, { due: ['invalid_due'] }],
      [4, { code: ['code_taken'] }],
      [5, { area: ['unknown_area'], lead_agency: ['unknown_agency'], code: ['duplicate_in_file'] }],
    ]);
    expect(() => importCommitments(db, admin, csv, ctx)).toThrow(ImportRejectedError);
    expect(snapshotTables(db)).toEqual(before);
  });

  it('imports a clean file in one go', () => {
    const csv = `${HEADER}\nCET23-AI-09,KR-US-CET-2023,AI,AI 안전 연구소 협력,AI safety institutes cooperation,MSIT,"NIST:counterpart; OSTP",2025-Q2,2 workshops\nCET23-AI-10,kr-us-cet-2023,ai,"쉼표, 포함","Comma, inside",msit,,,`;
    expect(importCommitments(db, admin, csv, ctx)).toEqual({ imported: 2 });
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-AI-10')).get()!;
    expect([c.titleEn, c.dueSpec]).toEqual(['Comma, inside', 'ongoing']);
  });

  it('reports file-level problems', () => {
    expect(previewCommitmentImport(db, admin, 'code,title_en\nX,Y', ctx).fileErrors).toEqual(
      expect.arrayContaining(['missing_column:dialogue', 'missing_column:area', 'missing_column:lead_agency']),
    );
    expect(previewCommitmentImport(db, admin, `${HEADER}\n"unterminated`, ctx).fileErrors).toEqual(['malformed_csv']);
    expect(previewCommitmentImport(db, admin, '', ctx).fileErrors).toEqual(['empty_file']);
  });

  it('refuses columns that are only names on Object.prototype', () => {
    for (const column of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const csv = `${HEADER},${column}\nCET23-AI-09,KR-US-CET-2023,AI,제목,Title,MSIT,,2025,,x`;
      expect(previewCommitmentImport(db, admin, csv, ctx).fileErrors, column).toEqual([`unknown_column:${column.toLowerCase()}`]);
      const before = snapshotTables(db);
      expect(() => importCommitments(db, admin, csv, ctx)).toThrow(ImportRejectedError);
      expect(snapshotTables(db)).toEqual(before);
    }
  });

  it('refuses a file that is not valid UTF-8, naming its first bad line, and writes nothing', () => {
    const good = Buffer.from(`${HEADER}\nCET23-AI-09,KR-US-CET-2023,AI,제목,Title,MSIT,,2025,\n`, 'utf8');
    const cases: [string, Buffer, number][] = [
      ['a lone continuation byte', Buffer.from([0x80]), 3],
      ['a cut sequence', Buffer.from([0xed, 0x95]), 3],
      ['an overlong slash', Buffer.from([0xc0, 0xaf]), 3],
      ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80]), 3],
      ['Korean in EUC-KR', Buffer.from([0xc7, 0xd1, 0xb1, 0xdb]), 3],
    ];
    for (const [name, bytes, line] of cases) {
      const file = Buffer.concat([good, Buffer.from('CET23-AI-10,KR-US-CET-2023,AI,'), bytes, Buffer.from(',Title,MSIT,,2025,\n')]);
      expect(previewCommitmentImport(db, admin, file, ctx).fileErrors, name).toEqual([`invalid_utf8:${line}`]);
      const before = snapshotTables(db);
      expect(() => importCommitments(db, admin, file, ctx), name).toThrow(ImportRejectedError);
      expect(snapshotTables(db)).toEqual(before);
    }
    expect(previewCommitmentImport(db, admin, Buffer.from([0xff, ...good]), ctx).fileErrors).toEqual(['invalid_utf8:1']);
    // Pasted text reaches the import decoded: a replacement character marks bytes that were not UTF-8.
    const pasted = `${good.toString('utf8')}CET23-AI-10,KR-US-CET-2023,AI,\uFFFD,Title,MSIT,,2025,\n`;
    expect(previewCommitmentImport(db, admin, pasted, ctx).fileErrors).toEqual([`invalid_utf8:${pasted.split('\n').length - 1}`]);
    // Valid UTF-8 bytes, with a byte-order mark, import as the text would.
    expect(importCommitments(db, admin, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]), ctx)).toEqual({ imported: 1 });
    expect(db.select().from(commitments).where(eq(commitments.code, 'CET23-AI-09')).get()!.titleKo).toBe('제목');
  });

  it(`finds the first invalid UTF-8 byte exactly where a strict decoder fails (3000 byte strings, seed ${UTF8_SEED})`, () => {
    let seed = UTF8_SEED;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let n = 0; n < 3000; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 8) }, () => (random() < 0.5 ? Math.floor(random() * 0x80) : 0x80 + Math.floor(random() * 0x80)));
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      const bad = firstInvalidUtf8(bytes);
      expect(bad === null, Buffer.from(bytes).toString('hex')).toBe(valid);
      if (bad !== null) {
        // Everything before it decodes; the sequence starting there does not.
        expect(() => strict.decode(bytes.slice(0, bad))).not.toThrow();
      }
    }
  });

  it('refuses bidirectional control characters in any cell, naming the row and column', () => {
    const csv = `${HEADER}\nCET23-AI-09,KR-US-CET-2023,AI,제목,Title \u202Egnp.exe,MSIT,,2025,\nCET23-AI-10,KR-US-CET-2023,AI,제목\u2066,Title,MSIT,,2025,3 \u2069workshops`;
    const preview = previewCommitmentImport(db, admin, csv, ctx);
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, { title_en: ['bidi_controls'] }],
      [3, { title_ko: ['bidi_controls'], target_en: ['bidi_controls'] }],
    ]);
  });

  it('leaves the existing dialogue untouched: an import adds commitments to it and never edits, adds or renames a dialogue', () => {
    // The dialogue as an admin edited it after the seed: the import must not bring back or touch any of it.
    const seeded = db.select().from(dialogues).get()!;
    saveDialogue(db, admin, seeded.id, { ...seeded, nameEn: 'Renamed by an admin', placeEn: 'Busan', coChairsEn: 'Edited co-chairs', sourceUrl: seeded.sourceUrl ?? '' }, ctx);
    const dialoguesBefore = snapshotTables(db).dialogues;
    const participantsBefore = snapshotTables(db).dialogue_participants;
    expect(dialoguesBefore).toEqual([expect.objectContaining({ code: seeded.code, name_en: 'Renamed by an admin', place_en: 'Busan' })]);

    const csv = `${HEADER}\nCET23-AI-09,${seeded.code},AI,제목,Title,MSIT,NIST:counterpart,2025-Q2,\nCET23-AI-10,${seeded.code.toLowerCase()},AI,제목 2,Title 2,MSIT,,2025,`;
    expect(importCommitments(db, admin, csv, ctx)).toEqual({ imported: 2 });
    const imported = db.select().from(commitments).where(inArray(commitments.code, ['CET23-AI-09', 'CET23-AI-10'])).all();
    expect(imported.map((c) => c.dialogueId)).toEqual([seeded.id, seeded.id]);
    expect(snapshotTables(db).dialogues).toEqual(dialoguesBefore);
    expect(snapshotTables(db).dialogue_participants).toEqual(participantsBefore);

    // A dialogue the database does not hold is refused, not created.
    const unknown = `${HEADER}\nCET23-AI-11,KR-US-CET-2099,AI,제목,Title,MSIT,,2025,`;
    expect(previewCommitmentImport(db, admin, unknown, ctx).rows.map((r) => r.errors)).toEqual([{ dialogue: ['unknown_dialogue'] }]);
    expect(() => importCommitments(db, admin, unknown, ctx)).toThrow(ImportRejectedError);
    expect(snapshotTables(db).dialogues).toEqual(dialoguesBefore);
  });
});
