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

  it('records the lead and partner agencies the article names', () => {
    const expectations: Record<string, [string, string[]]> = {
      'CET23-SEMI-01': ['MOTIE', ['DOC:counterpart']],
      'CET23-BIO-01': ['MSIT', ['NSF:counterpart']],
      'CET23-BIO-02': ['MOHW', ['NIH:counterpart']],
      'CET23-BIO-03': ['MOHW', ['NIH:counterpart']],
      'CET23-BAT-01': ['RIST', ['DOE:participant', 'PNNL:counterpart']],
      'CET23-BAT-02': ['KESCO', ['SNL:counterpart']],
      'CET23-QNT-01': ['KRISS', ['NIST:counterpart']],
      'CET23-AI-04': ['KATS', ['NIST:counterpart']],
      'CET23-TRI-01': ['NSO', ['NSC:counterpart', 'NSCS:participant']],
    };
    for (const [code, [lead, partners]] of Object.entries(expectations)) {
      const c = commitmentWithAgencies(db, code);
      expect(c.leadCode, code).toBe(lead);
      expect(c.partners, code).toEqual(partners.sort());
    }
  });

  it('keeps the USD 10 million target and the 2024 due period of the MSIT–NSF collaboration', () => {
    const c = commitmentWithAgencies(db, 'CET23-BIO-01');
    expect(c.targetEn).toBe('≥ USD 10 million');
    expect(c.targetKo).toContain('1000만 달러');
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

  it.skipIf(!fs.existsSync(ARTICLE))('quotes every excerpt verbatim from the source article', () => {
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
