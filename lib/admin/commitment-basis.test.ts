import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, commitmentPartners, commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ValidationError } from '@/lib/errors';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { ADMIN_REASON } from './commitment-basis';
import { createCommitment, updateCommitment } from './commitment-service';
import { importCommitments, previewCommitmentImport } from './csv-import';
import { PartnersField } from './inputs';
import { getCommitmentForEdit } from './queries';

const ctx = { origin: 'test' };
let db: Db;
let admin: Actor;

beforeEach(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  admin = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
});

const EXCERPT = '과기부와 미 국립과학재단은 내년 초에 공동 연구를 시작하고, 3건의 공동 공모를 낸다.';
const base = {
  code: 'CET23-BIO-09',
  dialogueCode: 'KR-US-CET-2023',
  areaCode: 'BIO',
  titleKo: '새 합의',
  titleEn: 'New commitment',
  leadAgencyCode: 'MSIT',
  leadBasisWords: '과기부',
  partners: 'NSF:counterpart:stated:미 국립과학재단; DOE:participant:inferred',
  inferredReasonKo: '에너지 연구는 에너지부 소관',
  inferredReasonEn: 'Energy research falls to DOE',
  due: 'early-2024',
  dueBasisWords: '내년 초',
  targetKo: '공동 공모 3건',
  targetBasisWords: '3건의 공동 공모',
  sourceExcerpt: EXCERPT,
};

function fieldErrors(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors;
    throw e;
  }
  return null;
}

const agencyId = (code: string) => db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)).get()!.id;
const row = (code: string) => db.select().from(commitments).where(eq(commitments.code, code)).get()!;
/** A commitment's partner links by agency code, with their bases. */
function partnerBases(code: string) {
  const rows = db.$client
    .prepare(`select a.code, p.role, p.basis, p.basis_quote as quote, p.basis_reason_ko as reasonKo, p.basis_reason_en as reasonEn, p.confirmed_by as confirmedBy
      from commitment_partners p join agencies a on a.id = p.agency_id join commitments c on c.id = p.commitment_id where c.code = ? order by a.code`)
    .all(code) as { code: string; role: string; basis: string; quote: string | null; reasonKo: string | null; reasonEn: string | null; confirmedBy: string | null }[];
  return Object.fromEntries(rows.map(({ code: agency, ...r }) => [agency, r]));
}

describe('the partners field', () => {
  it('reads CODE:role:basis:words, the words running to the next semicolon, colons and commas included', () => {
    expect(PartnersField.parse('NSF:counterpart:stated:미 국립과학재단(NSF), 그리고: 기타; DOS:counterpart:inferred\nDOE')).toEqual([
      { agencyCode: 'NSF', role: 'counterpart', basis: 'stated', words: '미 국립과학재단(NSF), 그리고: 기타' },
      { agencyCode: 'DOS', role: 'counterpart', basis: 'inferred' },
      { agencyCode: 'DOE', role: 'participant' },
    ]);
  });

  it('still reads the old forms: CODE:role and comma-separated entries', () => {
    expect(PartnersField.parse('NIH:counterpart, DOE; nsf:co-lead')).toEqual([
      { agencyCode: 'NIH', role: 'counterpart' },
      { agencyCode: 'DOE', role: 'participant' },
      { agencyCode: 'NSF', role: 'co_lead' },
    ]);
  });
});

describe('creating a commitment with bases', () => {
  it('stores each fact’s basis: the naming words, or the row’s reason', () => {
    const c = createCommitment(db, admin, base, ctx);
    expect(c).toMatchObject({
      leadBasis: 'stated', leadBasisQuote: '과기부', leadBasisReasonKo: null,
      dueBasis: 'stated', dueBasisQuote: '내년 초',
      targetBasis: 'stated', targetBasisQuote: '3건의 공동 공모',
    });
    expect(partnerBases(c.code)).toEqual({
      DOE: { role: 'participant', basis: 'inferred', quote: null, reasonKo: '에너지 연구는 에너지부 소관', reasonEn: 'Energy research falls to DOE', confirmedBy: null },
      NSF: { role: 'counterpart', basis: 'stated', quote: '미 국립과학재단', reasonKo: null, reasonEn: null, confirmedBy: null },
    });
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.create')).all().at(-1)!;
    expect((audit.after as Record<string, unknown>).partners).toEqual(expect.arrayContaining([expect.objectContaining({ basis: 'stated', basisQuote: '미 국립과학재단' })]));
  });

  it('marks everything given no basis as inferred, with the administrator’s default reason, and an ongoing period as no time stated', () => {
    const c = createCommitment(db, admin, { ...base, leadBasisWords: '', partners: 'NSF:counterpart', inferredReasonKo: '', inferredReasonEn: '', dueBasisWords: '', targetBasisWords: '' }, ctx);
    expect(c).toMatchObject({
      leadBasis: 'inferred', leadBasisReasonKo: ADMIN_REASON.ko, leadBasisReasonEn: ADMIN_REASON.en,
      dueBasis: 'inferred', dueBasisReasonEn: ADMIN_REASON.en,
      targetBasis: 'inferred', targetBasisReasonKo: ADMIN_REASON.ko,
    });
    expect(partnerBases(c.code).NSF).toMatchObject({ basis: 'inferred', reasonKo: ADMIN_REASON.ko, reasonEn: ADMIN_REASON.en });
    const ongoing = createCommitment(db, admin, { ...base, code: 'CET23-BIO-10', due: 'ongoing', dueBasisWords: '', targetKo: '', targetBasisWords: '' }, ctx);
    expect(ongoing).toMatchObject({ dueBasis: 'not_stated', dueBasisQuote: null, dueBasisReasonKo: null, targetBasis: null, targetBasisReasonKo: null });
  });

  it('refuses bad bases with a field error each, naming the partner, and writes nothing', () => {
    const before = snapshotTables(db);
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ partners: 'NSF:counterpart:stated' }, { 'partners.NSF': ['basis_words_required'] }],
      [{ partners: 'NSF:counterpart:stated:미 국립보건원' }, { 'partners.NSF': ['basis_words_not_in_excerpt'] }],
      [{ partners: 'NSF:counterpart:sure' }, { 'partners.NSF': ['invalid_basis'] }],
      [{ partners: 'NSF:counterpart:confirmed' }, { 'partners.NSF': ['basis_confirmed_not_here'] }],
      [{ partners: 'NSF:counterpart:inferred:미 국립과학재단' }, { 'partners.NSF': ['basis_words_only_when_stated'] }],
      [{ leadBasis: 'stated', leadBasisWords: '' }, { leadBasisWords: ['basis_words_required'] }],
      [{ leadBasisWords: '과학기술정보통신부' }, { leadBasisWords: ['basis_words_not_in_excerpt'] }],
      [{ leadBasis: 'inferred' }, { leadBasisWords: ['basis_words_only_when_stated'] }],
      [{ leadBasis: 'maybe' }, { leadBasis: ['invalid_basis'] }],
      [{ leadBasis: 'confirmed', leadBasisWords: '' }, { leadBasis: ['basis_confirmed_not_here'] }],
      [{ inferredReasonEn: '' }, { inferredReasonEn: ['basis_reason_required'] }],
      [{ dueBasisWords: '내년 말' }, { dueBasisWords: ['basis_words_not_in_excerpt'] }],
      [{ targetKo: '', targetBasisWords: '3건의 공동 공모' }, { targetBasisWords: ['basis_words_without_target'] }],
    ];
    for (const [change, errors] of cases) expect(fieldErrors(() => createCommitment(db, admin, { ...base, ...change }, ctx)), JSON.stringify(change)).toEqual(errors);
    expect(snapshotTables(db)).toEqual(before);
  });
});

describe('editing a commitment’s bases', () => {
  const confirm = (code: string, agency: string) =>
    db.$client
      .prepare("update commitment_partners set basis = 'confirmed', confirmed_by = '에너지부 담당관', confirmed_on = '2024-02-01' where agency_id = ? and commitment_id = (select id from commitments where code = ?)")
      .run(agencyId(agency), code);

  it('leaves every basis of every seeded commitment as it was when the edit form is saved unchanged', () => {
    const before = db.select().from(commitments).all();
    const links = () => db.select().from(commitmentPartners).all().sort((a, b) => a.commitmentId - b.commitmentId || a.agencyId - b.agencyId);
    const partnersBefore = links();
    for (const c of before) {
      const form = getCommitmentForEdit(c.code, db)!;
      updateCommitment(db, admin, form.id, form.values, form.version, ctx);
    }
    const strip = <T extends Record<string, unknown>>(r: T) => Object.fromEntries(Object.entries(r).filter(([k]) => !['version', 'updatedAt'].includes(k)));
    expect(db.select().from(commitments).all().map(strip)).toEqual(before.map(strip));
    expect(links()).toEqual(partnersBefore);
  });

  it('keeps a confirmation when the same agency in the same role is saved as inferred, and drops it when the role changes', () => {
    const c = createCommitment(db, admin, base, ctx);
    confirm(c.code, 'DOE');
    const form = getCommitmentForEdit(c.code, db)!;
    expect(form.values.partners).toBe('DOE:participant:confirmed; NSF:counterpart:stated:미 국립과학재단');
    updateCommitment(db, admin, c.id, { ...base, partners: 'NSF:counterpart:stated:미 국립과학재단; DOE:participant:inferred' }, row(c.code).version, ctx);
    expect(partnerBases(c.code).DOE).toMatchObject({ basis: 'confirmed', confirmedBy: '에너지부 담당관', reasonEn: 'Energy research falls to DOE' });
    updateCommitment(db, admin, c.id, { ...base, partners: 'NSF:counterpart:stated:미 국립과학재단; DOE:co_lead:inferred' }, row(c.code).version, ctx);
    expect(partnerBases(c.code).DOE).toMatchObject({ role: 'co_lead', basis: 'inferred', confirmedBy: null, reasonEn: 'Energy research falls to DOE' });
  });

  it('keeps the lead’s confirmation when it is saved as inferred, and records the bases before and after in the audit', () => {
    const c = createCommitment(db, admin, { ...base, leadBasisWords: '' }, ctx);
    db.$client.prepare("update commitments set lead_basis = 'confirmed', lead_confirmed_by = '과기정통부 국제협력과', lead_confirmed_on = '2024-02-01' where id = ?").run(c.id);
    updateCommitment(db, admin, c.id, { ...base, leadBasis: 'inferred', leadBasisWords: '', titleEn: 'Renamed' }, row(c.code).version, ctx);
    expect(row(c.code)).toMatchObject({ titleEn: 'Renamed', leadBasis: 'confirmed', leadConfirmedBy: '과기정통부 국제협력과', leadBasisReasonEn: 'Energy research falls to DOE' });
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.update')).all().at(-1)!;
    expect((audit.before as Record<string, unknown>)).toMatchObject({ leadBasis: 'confirmed', partners: expect.arrayContaining([expect.objectContaining({ basis: 'stated' })]) });
    expect((audit.after as Record<string, unknown>)).toMatchObject({ leadBasis: 'confirmed', titleEn: 'Renamed' });
    // A new lead starts afresh.
    updateCommitment(db, admin, c.id, { ...base, leadAgencyCode: 'MOHW', leadBasis: 'inferred', leadBasisWords: '' }, row(c.code).version, ctx);
    expect(row(c.code)).toMatchObject({ leadBasis: 'inferred', leadConfirmedBy: null });
  });

  it('keeps stored bases an older form leaves out, and each inferred reason unless a reason is given', () => {
    const c = createCommitment(db, admin, { ...base, partners: 'NSF:counterpart:stated:미 국립과학재단; DOE:participant; NIH', inferredReasonKo: '', inferredReasonEn: '' }, ctx);
    db.$client.prepare("update commitment_partners set basis_reason_ko = '보건 연구', basis_reason_en = 'Health research' where agency_id = ?").run(agencyId('NIH'));
    // The fields before bases were kept: no basis, no words, no reason.
    const old = { ...base, leadBasisWords: undefined, dueBasisWords: undefined, targetBasisWords: undefined, inferredReasonKo: undefined, inferredReasonEn: undefined, partners: 'NSF:counterpart; DOE:participant; NIH' };
    updateCommitment(db, admin, c.id, old, row(c.code).version, ctx);
    expect(row(c.code)).toMatchObject({ leadBasis: 'stated', leadBasisQuote: '과기부', dueBasis: 'stated', dueBasisQuote: '내년 초', targetBasis: 'stated' });
    expect(partnerBases(c.code)).toMatchObject({ NSF: { basis: 'stated' }, DOE: { basis: 'inferred', reasonEn: ADMIN_REASON.en }, NIH: { basis: 'inferred', reasonEn: 'Health research' } });
    // A reason given applies to every inferred fact; a changed due period no longer keeps its words.
    updateCommitment(db, admin, c.id, { ...old, due: '2025', inferredReasonKo: '기관 협의 예정', inferredReasonEn: 'To be agreed with the agencies' }, row(c.code).version, ctx);
    expect(row(c.code)).toMatchObject({ leadBasis: 'stated', dueBasis: 'inferred', dueBasisQuote: null, dueBasisReasonEn: 'To be agreed with the agencies' });
    expect(partnerBases(c.code)).toMatchObject({ NSF: { basis: 'stated' }, DOE: { reasonEn: 'To be agreed with the agencies' }, NIH: { reasonEn: 'To be agreed with the agencies' } });
  });

  it('refuses to let the words that named one agency, due period or target stand for a changed one', () => {
    const form = getCommitmentForEdit('CET23-BIO-01', db)!;
    const before = snapshotTables(db);
    // The edit form as it comes prefilled: lead MSIT «과기부», NSF «미 국립과학재단», 2024 «내년에», the target «1000만달러 이상».
    const errors = fieldErrors(() =>
      updateCommitment(db, admin, form.id, { ...form.values, leadAgencyCode: 'MOTIE', partners: String(form.values.partners).replace('NSF:', 'NIH:'), due: '2025', targetKo: '2000만 달러 이상' }, form.version, ctx),
    );
    expect(errors).toEqual({ leadBasisWords: ['basis_words_of_previous_fact'], 'partners.NIH': ['basis_words_of_previous_fact'], dueBasisWords: ['basis_words_of_previous_fact'], targetBasisWords: ['basis_words_of_previous_fact'] });
    expect(snapshotTables(db)).toEqual(before);
    // The same words still serve the same facts, and words shared by two agencies («한미 정부») stay.
    const bio04 = getCommitmentForEdit('CET23-BIO-04', db)!;
    updateCommitment(db, admin, bio04.id, { ...bio04.values, titleEn: 'Renamed' }, bio04.version, ctx);
    updateCommitment(db, admin, form.id, { ...form.values, titleEn: 'Renamed too' }, form.version, ctx);
  });

  it('refuses an edit of the excerpt that drops the words a kept basis quotes', () => {
    const c = createCommitment(db, admin, base, ctx);
    const before = snapshotTables(db);
    const errors = fieldErrors(() => updateCommitment(db, admin, c.id, { ...base, leadBasisWords: undefined, partners: 'NSF:counterpart; DOE:participant', sourceExcerpt: '과기부와 에너지부가 내년 초에 시작한다. 3건의 공동 공모.' }, c.version, ctx));
    expect(errors).toEqual({ 'partners.NSF': ['basis_words_not_in_excerpt'] });
    expect(snapshotTables(db)).toEqual(before);
  });
});

const HEADER = 'code,dialogue,area,title_ko,title_en,lead_agency,lead_basis,lead_basis_words,partners,inferred_reason_ko,inferred_reason_en,due,due_basis_words,target_ko,target_basis_words,source_excerpt';

describe('CSV import with bases', () => {
  it('imports the basis columns and the partners’ CODE:role:basis:words form', () => {
    const csv = `${HEADER}\nCET23-BIO-09,KR-US-CET-2023,BIO,새 합의,New,MSIT,stated,과기부,"NSF:counterpart:stated:미 국립과학재단; DOE:participant:inferred",에너지부 소관,Falls to DOE,early-2024,내년 초,공동 공모 3건,"3건의 공동 공모","${EXCERPT}"`;
    expect(importCommitments(db, admin, csv, ctx)).toEqual({ imported: 1 });
    expect(row('CET23-BIO-09')).toMatchObject({ leadBasis: 'stated', leadBasisQuote: '과기부', dueBasisQuote: '내년 초', targetBasisQuote: '3건의 공동 공모' });
    expect(partnerBases('CET23-BIO-09')).toMatchObject({ NSF: { basis: 'stated', quote: '미 국립과학재단' }, DOE: { basis: 'inferred', reasonKo: '에너지부 소관', reasonEn: 'Falls to DOE' } });
  });

  it('imports a file without basis columns with every fact inferred, saying nobody gave a basis', () => {
    const csv = 'code,dialogue,area,title_ko,title_en,lead_agency,partners,due\nCET23-AI-09,KR-US-CET-2023,AI,제목,Title,MSIT,NIST:counterpart,2025-Q2';
    expect(importCommitments(db, admin, csv, ctx)).toEqual({ imported: 1 });
    expect(row('CET23-AI-09')).toMatchObject({ leadBasis: 'inferred', leadBasisReasonEn: ADMIN_REASON.en, dueBasis: 'inferred', dueBasisReasonKo: ADMIN_REASON.ko });
    expect(partnerBases('CET23-AI-09').NIST).toMatchObject({ basis: 'inferred', reasonEn: ADMIN_REASON.en });
  });

  it('refuses bad basis values with the line and the column, and writes nothing', () => {
    const line = (code: string, cells: Partial<Record<'leadBasis' | 'leadWords' | 'partners' | 'reasonKo' | 'reasonEn' | 'dueWords' | 'target' | 'targetWords', string>>) =>
      [code, 'KR-US-CET-2023', 'BIO', '제목', 'Title', 'MSIT', cells.leadBasis ?? '', cells.leadWords ?? '', `"${cells.partners ?? ''}"`, cells.reasonKo ?? '', cells.reasonEn ?? '', 'early-2024', cells.dueWords ?? '', cells.target ?? '', cells.targetWords ?? '', `"${EXCERPT}"`].join(',');
    const csv = [
      HEADER,
      line('CET23-BIO-11', { leadBasis: 'stated' }),
      line('CET23-BIO-12', { partners: 'NSF:counterpart:stated:미 국립보건원' }),
      line('CET23-BIO-13', { leadBasis: 'likely' }),
      line('CET23-BIO-14', { dueWords: '내후년', targetWords: '3건의 공동 공모' }),
      line('CET23-BIO-15', { partners: 'NSF:counterpart:stated:미 국립과학재단; DOE:participant:guess' }),
      line('CET23-BIO-16', { reasonKo: '추정 사유' }),
    ].join('\n');
    const before = snapshotTables(db);
    const preview = previewCommitmentImport(db, admin, csv, ctx);
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, { lead_basis_words: ['basis_words_required'] }],
      [3, { 'partners.NSF': ['basis_words_not_in_excerpt'] }],
      [4, { lead_basis: ['invalid_basis'] }],
      [5, { due_basis_words: ['basis_words_not_in_excerpt'], target_basis_words: ['basis_words_without_target'] }],
      [6, { 'partners.DOE': ['invalid_basis'] }],
      [7, { inferred_reason_en: ['basis_reason_required'] }],
    ]);
    expect(() => importCommitments(db, admin, csv, ctx)).toThrow();
    expect(snapshotTables(db)).toEqual(before);
  });
});
