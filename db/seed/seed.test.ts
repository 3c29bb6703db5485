import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, areas, commitmentPartners, commitments, dialogueParticipants, dialogues } from '@/db/schema';
import { createTestDb, snapshotTables } from '@/lib/testing/test-db';
import { krUsCet2023 } from './data/kr-us-cet-2023';
import { seedReferenceData } from '.';

const ARTICLE = path.resolve(process.cwd(), '../shared/sources', krUsCet2023.sourceFile ?? '');

function commitmentWithAgencies(db: Db, code: string) {
  const c = db
    .select({ id: commitments.id, leadCode: agencies.code, dueSpec: commitments.dueSpec, dueEnd: commitments.dueEnd, targetEn: commitments.targetEn, targetKo: commitments.targetKo })
    .from(commitments)
    .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
    .where(eq(commitments.code, code))
    .get();
  if (!c) throw new Error(`missing ${code}`);
  const partners = db
    .select({ code: agencies.code, role: commitmentPartners.role })
    .from(commitmentPartners)
    .innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId))
    .where(eq(commitmentPartners.commitmentId, c.id))
    .all()
    .map((p) => `${p.code}:${p.role}`)
    .sort();
  return { ...c, partners };
}


describe('seed of the 2023 Korea–U.S. CET dialogue', () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
    seedReferenceData(db);
  });

  it('imports at least 19 commitments across the seven areas', () => {
    const perArea = db
      .select({ area: areas.code, n: sql<number>`count(${commitments.id})` })
      .from(areas)
      .leftJoin(commitments, eq(commitments.areaId, areas.id))
      .groupBy(areas.code)
      .all();
    expect(perArea.map((r) => r.area).sort()).toEqual(['AI', 'BAT', 'BIO', 'ICT', 'QNT', 'SEMI', 'TRI']);
    expect(perArea.every((r) => r.n >= 1)).toBe(true);
    expect(perArea.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThanOrEqual(19);
  });

  /** Every assignment with its basis: `lead` or the partner role, stated words or inferred reason. */
  function assignments() {
    const leads = db
      .select({ commitment: commitments.code, agency: agencies.code, role: sql<string>`'lead'`, basis: commitments.leadBasis, quote: commitments.leadBasisQuote, reasonKo: commitments.leadBasisReasonKo, reasonEn: commitments.leadBasisReasonEn, excerpt: commitments.sourceExcerpt })
      .from(commitments)
      .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
      .all();
    const partners = db
      .select({ commitment: commitments.code, agency: agencies.code, role: commitmentPartners.role, basis: commitmentPartners.basis, quote: commitmentPartners.basisQuote, reasonKo: commitmentPartners.basisReasonKo, reasonEn: commitmentPartners.basisReasonEn, excerpt: commitments.sourceExcerpt })
      .from(commitmentPartners)
      .innerJoin(commitments, eq(commitments.id, commitmentPartners.commitmentId))
      .innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId))
      .all();
    return [...leads, ...partners] as { commitment: string; agency: string; role: string; basis: string; quote: string | null; reasonKo: string | null; reasonEn: string | null; excerpt: string }[];
  }

  /** The words by which the article names each agency, and nothing else: a stated quote must be one of them. */
  const NAMED_AS: Record<string, string[]> = {
    MOTIE: ['산업부'],
    DOC: ['미 상무부'],
    NSTC: ['미 국립반도체기술센터(NSTC)'],
    ASTC: ['첨단반도체기술센터(ASTC)'],
    MSIT: ['과기부'],
    NSF: ['미 국립과학재단'],
    MOHW: ['복지부'],
    NIH: ['미 국립보건원(NIH)'],
    RIST: ['포항산업과학연구원(RIST)'],
    PNNL: ['북서태평양국립연구소(PNNL)'],
    KESCO: ['한국전기안전공사(KESCO)'],
    SNL: ['미 산디아 국립연구소'],
    KRISS: ['한국표준과학연구원'],
    NIST: ['미 국립표준기술연구소(NIST)', 'NIST'],
    KATS: ['국가기술표준원(KATS)'],
    KRGOV: ['우리 정부', '한미 정부', '우리나라'],
    USGOV: ['미 정부', '한미 정부', '미국'],
    INGOV: ['인도'],
  };

  it('records as stated exactly the assignments the article names, each by its own words in the excerpt', () => {
    const article = fs.readFileSync(ARTICLE, 'utf8');
    const stated = assignments().filter((a) => a.basis === 'stated');
    expect(stated.map((a) => `${a.commitment} ${a.role} ${a.agency} «${a.quote}»`).sort()).toEqual(
      [
        'CET23-SEMI-01 lead MOTIE «산업부»',
        'CET23-SEMI-01 counterpart DOC «미 상무부»',
        'CET23-SEMI-01 participant NSTC «미 국립반도체기술센터(NSTC)»',
        'CET23-SEMI-01 participant ASTC «첨단반도체기술센터(ASTC)»',
        'CET23-SEMI-02 lead MOTIE «산업부»',
        'CET23-SEMI-02 counterpart DOC «미 상무부»',
        'CET23-SEMI-02 participant NSTC «미 국립반도체기술센터(NSTC)»',
        'CET23-SEMI-02 participant ASTC «첨단반도체기술센터(ASTC)»',
        'CET23-BIO-01 lead MSIT «과기부»',
        'CET23-BIO-01 counterpart NSF «미 국립과학재단»',
        'CET23-BIO-02 lead MOHW «복지부»',
        'CET23-BIO-02 counterpart NIH «미 국립보건원(NIH)»',
        'CET23-BIO-03 lead MOHW «복지부»',
        'CET23-BIO-03 counterpart NIH «미 국립보건원(NIH)»',
        'CET23-BIO-04 co_lead KRGOV «한미 정부»',
        'CET23-BIO-04 counterpart USGOV «한미 정부»',
        'CET23-BAT-01 lead RIST «포항산업과학연구원(RIST)»',
        'CET23-BAT-01 counterpart PNNL «북서태평양국립연구소(PNNL)»',
        'CET23-BAT-02 lead KESCO «한국전기안전공사(KESCO)»',
        'CET23-BAT-02 counterpart SNL «미 산디아 국립연구소»',
        'CET23-QNT-01 lead KRISS «한국표준과학연구원»',
        'CET23-QNT-01 counterpart NIST «미 국립표준기술연구소(NIST)»',
        'CET23-AI-01 co_lead KRGOV «우리 정부»',
        'CET23-AI-01 counterpart USGOV «미 정부»',
        'CET23-AI-02 co_lead KRGOV «우리 정부»',
        'CET23-AI-02 counterpart USGOV «미 정부»',
        'CET23-AI-03 co_lead KRGOV «우리 정부»',
        'CET23-AI-03 counterpart USGOV «미 정부»',
        'CET23-AI-04 lead KATS «국가기술표준원(KATS)»',
        'CET23-AI-04 counterpart NIST «NIST»',
        'CET23-TRI-01 co_lead KRGOV «우리나라»',
        'CET23-TRI-01 counterpart USGOV «미국»',
        'CET23-TRI-01 participant INGOV «인도»',
      ].sort(),
    );
    for (const a of stated) {
      const where = `${a.commitment} ${a.agency}`;
      expect(NAMED_AS[a.agency], where).toContain(a.quote);
      expect(a.excerpt.includes(a.quote!), `${where}: the words are in the excerpt`).toBe(true);
      expect(article.includes(a.quote!), `${where}: the words are in the article`).toBe(true);
      expect([a.reasonKo, a.reasonEn], where).toEqual([null, null]);
    }
  });

  it('gives every inferred assignment a reason in both languages, and holds no agency nothing accounts for', () => {
    const all = assignments();
    const inferred = all.filter((a) => a.basis === 'inferred');
    // 10 of the 19 leads and 13 partner links are not in the article (BIO-04's MOHW lead among them;
    // India's NSCS, the 14th, is gone: the article names no Indian body).
    expect(inferred.filter((a) => a.role === 'lead').map((a) => a.commitment).sort()).toEqual(
      ['CET23-BIO-04', 'CET23-BAT-03', 'CET23-QNT-02', 'CET23-AI-01', 'CET23-AI-02', 'CET23-AI-03', 'CET23-AI-05', 'CET23-ICT-01', 'CET23-ICT-02', 'CET23-TRI-01'].sort(),
    );
    expect(inferred.filter((a) => a.role !== 'lead')).toHaveLength(13);
    for (const a of inferred) {
      const where = `${a.commitment} ${a.role} ${a.agency}`;
      expect(a.reasonKo?.trim(), where).toMatch(/[가-힣]/);
      expect(a.reasonEn?.trim(), where).toMatch(/[a-z]/);
      expect(a.quote, where).toBeNull();
    }
    expect(all.every((a) => a.basis === 'stated' || a.basis === 'inferred')).toBe(true);

    // Each agency of the seed is a dialogue participant the article names, or is assigned (stated or with a reason).
    const article = fs.readFileSync(ARTICLE, 'utf8');
    const assigned = new Set(all.map((a) => a.agency));
    const participants = new Set(krUsCet2023.participantAgencyCodes);
    for (const agency of krUsCet2023.agencies) {
      const named = article.includes(agency.nameKo.replace(/^미 /, '')) || (NAMED_AS[agency.code] ?? []).some((w) => article.includes(w));
      expect(assigned.has(agency.code) || (participants.has(agency.code) && named), agency.code).toBe(true);
    }
    expect(krUsCet2023.agencies.map((a) => a.code)).not.toContain('NSCS');
  });

  it('reads each due period from the phrase the article uses, and says where it gives no time', () => {
    const rows = db.select({ code: commitments.code, due: commitments.dueSpec, basis: commitments.dueBasis, quote: commitments.dueBasisQuote, excerpt: commitments.sourceExcerpt }).from(commitments).all();
    const dated = rows.filter((r) => r.basis === 'stated').map((r) => `${r.code} ${r.due} «${r.quote}»`);
    expect(dated.sort()).toEqual(
      ['CET23-BIO-01 2024 «내년에»', 'CET23-BIO-04 2024 «내년 중»', 'CET23-AI-01 2024 «내년에»', 'CET23-AI-02 2024 «내년에»', 'CET23-AI-03 2024 «내년에»', 'CET23-TRI-01 early-2024 «내년 초»'].sort(),
    );
    for (const r of rows) {
      if (r.basis === 'stated') expect(r.excerpt.includes(r.quote!), r.code).toBe(true);
      else expect([r.basis, r.due, r.quote], r.code).toEqual(['not_stated', 'ongoing', null]);
    }
    const target = db.select({ basis: commitments.targetBasis, quote: commitments.targetBasisQuote }).from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get();
    expect(target).toEqual({ basis: 'stated', quote: '1000만달러 이상' });
    expect(db.select().from(commitments).all().filter((c) => c.targetKo === null).every((c) => c.targetBasis === null)).toBe(true);
  });

  it('uses no words the article does not have', () => {
    const byCode = new Map(db.select().from(commitments).all().map((c) => [c.code, c]));
    expect(byCode.get('CET23-SEMI-02')!.titleKo).not.toContain('공동');
    expect(byCode.get('CET23-SEMI-02')!.titleEn.toLowerCase()).not.toContain('joint');
    const semi1 = byCode.get('CET23-SEMI-01')!;
    expect(semi1.titleKo + semi1.descriptionKo).not.toContain('양국');
    expect(byCode.get('CET23-BAT-02')!.descriptionKo).not.toContain('데이터베이스 구축');
    expect(byCode.get('CET23-BAT-02')!.descriptionKo).toContain('배터리 안전 데이터베이스(DB)와 국제표준 개발');
    expect(byCode.get('CET23-BAT-03')!.descriptionEn).toContain('other clean-energy next-generation secondary batteries');
    expect(byCode.get('CET23-BAT-03')!.descriptionEn).not.toContain('other clean-energy technologies');
    // A search for the article's spelling of Sandia finds it.
    expect(db.select({ code: agencies.code }).from(agencies).where(sql`${agencies.nameKo} like '%산디아%'`).all()).toEqual([{ code: 'SNL' }]);
  });

  it('keeps the USD 10 million target and the 2024 due period of the MSIT–NSF collaboration', () => {
    const c = commitmentWithAgencies(db, 'CET23-BIO-01');
    expect(c.targetEn).toBe('≥ USD 10 million');
    expect(c.targetKo).toContain('1,000만 달러');
    expect([c.dueSpec, c.dueEnd]).toEqual(['2024', '2024-12-31']);
  });

  it('gives the India trilateral the early-2024 due period', () => {
    const c = commitmentWithAgencies(db, 'CET23-TRI-01');
    expect([c.dueSpec, c.dueEnd]).toEqual(['early-2024', '2024-04-30']);
  });

  it('starts every commitment not started, at 0 %, version 1, with a Korean excerpt', () => {
    const rows = db.select().from(commitments).all();
    for (const c of rows) {
      expect([c.status, c.progress, c.version], c.code).toEqual(['not_started', 0, 1]);
      expect(c.sourceExcerpt, c.code).toMatch(/[가-힣]/);
      expect(c.titleKo && c.titleEn && c.descriptionKo && c.descriptionEn, c.code).toBeTruthy();
    }
  });

  it('quotes every excerpt verbatim from the source article', () => {
    // Fails, not skips, without ../shared/sources: the seed's claims are checked against it or not at all.
    expect(fs.existsSync(ARTICLE), `${ARTICLE} is missing`).toBe(true);
    const article = fs.readFileSync(ARTICLE, 'utf8');
    for (const c of db.select().from(commitments).all()) {
      expect(article.includes(c.sourceExcerpt), c.code).toBe(true);
    }
  });

  it('records the ministries and offices that took part in the dialogue', () => {
    const participants = db
      .select({ code: agencies.code, country: agencies.country })
      .from(dialogueParticipants)
      .innerJoin(agencies, eq(agencies.id, dialogueParticipants.agencyId))
      .innerJoin(dialogues, eq(dialogues.id, dialogueParticipants.dialogueId))
      .where(eq(dialogues.code, 'KR-US-CET-2023'))
      .all();
    expect(participants.map((p) => p.code).sort()).toEqual(
      ['DOE', 'DOS', 'MOFA', 'MOHW', 'MOTIE', 'MSIT', 'NSC', 'NSF', 'NSO', 'OPPR', 'OSTP'].sort(),
    );
    expect(new Set(participants.map((p) => p.country))).toEqual(new Set(['KR', 'US']));
  });

  it('changes nothing when run a second time', () => {
    const before = snapshotTables(db);
    const counts = seedReferenceData(db);
    expect(counts).toEqual([{ agencies: 0, areas: 0, dialogues: 0, commitments: 0 }]);
    expect(snapshotTables(db)).toEqual(before);
  });

  it('leaves progress recorded since the first run untouched', () => {
    db.update(commitments).set({ status: 'in_progress', progress: 40, version: 2 }).where(eq(commitments.code, 'CET23-AI-01')).run();
    seedReferenceData(db);
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-AI-01')).get();
    expect([c?.status, c?.progress, c?.version]).toEqual(['in_progress', 40, 2]);
  });
});
