import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, commitmentPartners, commitments } from '@/db/schema';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { tempTableNames, useSeededTestDb } from '@/lib/testing/test-db';
import { listAsOf } from './list';

// What the mutation run found unpinned in list.ts (npm run test:mutation, group as-of): the list's
// date, the due-year and due-by bounds, the "inferred" filter alone, wildcards in the search, the
// sorts other than status, the row's overdue flag and count of inferred facts, and paging to the
// end. The seeded dialogue: 19 commitments; six fall due in 2024 (TRI-01 on 2024-04-30, the
// others on 2024-12-31), the rest have no deadline.

const TODAY = '2025-06-30';
let db: Db;
let record: ReturnType<typeof handMadeHistory>['record'];

const list = (params: Record<string, string | string[]>) => listAsOf(parseFiltersLeniently({ pageSize: '100', ...params }), TODAY, db);
const codes = (params: Record<string, string | string[]>) => list(params).items.map((c) => c.code.replace('CET23-', ''));
const setCommitment = (code: string, values: Partial<typeof commitments.$inferInsert>) =>
  db.update(commitments).set(values).where(eq(commitments.code, code)).run();

const ALL = ['AI-01', 'AI-02', 'AI-03', 'AI-04', 'AI-05', 'BAT-01', 'BAT-02', 'BAT-03', 'BIO-01', 'BIO-02', 'BIO-03', 'BIO-04', 'ICT-01', 'ICT-02', 'QNT-01', 'QNT-02', 'SEMI-01', 'SEMI-02', 'TRI-01'];
const DUE_2024 = ['AI-01', 'AI-02', 'AI-03', 'BIO-01', 'BIO-04', 'TRI-01'];
const NO_DUE = ALL.filter((c) => !DUE_2024.includes(c));

beforeEach(() => {
  db = useSeededTestDb();
  record = handMadeHistory(db, TODAY).record;
});

describe('the date a list shows', () => {
  it('is the filter’s date when that is past, and today when it is absent, today or ahead', () => {
    expect(list({})).toMatchObject({ asOf: TODAY, past: false });
    expect(list({ asOf: TODAY })).toMatchObject({ asOf: TODAY, past: false });
    expect(list({ asOf: '2025-07-01' })).toMatchObject({ asOf: TODAY, past: false });
    expect(list({ asOf: '2025-06-29' })).toMatchObject({ asOf: '2025-06-29', past: true });
  });

  it('shows only the commitments adopted by then', () => {
    expect(list({ asOf: '2023-12-08' })).toMatchObject({ total: 0, items: [] });
    expect(list({ asOf: '2023-12-09' }).total).toBe(19);
  });
});

describe('due filters', () => {
  it('keep a year’s due dates from its first to its last day, and no other year’s', () => {
    setCommitment('CET23-AI-04', { dueSpec: '2023', dueEnd: '2023-12-31' });
    setCommitment('CET23-AI-05', { dueSpec: '2025', dueEnd: '2025-01-01' });
    setCommitment('CET23-BAT-01', { dueSpec: '2025', dueEnd: '2025-12-31' });
    expect(codes({ due: '2024' })).toEqual(DUE_2024);
    expect(codes({ due: '2025' })).toEqual(['AI-05', 'BAT-01']);
    expect(codes({ due: '2023' })).toEqual(['AI-04']);
    expect(codes({ due: '2025-Q1' })).toEqual(['AI-05']);
    expect(codes({ due: '2024-Q2' })).toEqual(['TRI-01']);
    expect(codes({ due: 'none' })).toEqual(NO_DUE.filter((c) => !['AI-04', 'AI-05', 'BAT-01'].includes(c)));
  });

  it('keep the commitments due on or before a date, that date included', () => {
    expect(codes({ dueBy: '2024-04-30' })).toEqual(['TRI-01']);
    expect(codes({ dueBy: '2024-04-29' })).toEqual([]);
    expect(codes({ dueBy: '2024-12-31' })).toEqual(DUE_2024);
  });
});

describe('the inferred filter', () => {
  it('keeps a commitment with an inferred lead or an inferred partner, and only when asked', () => {
    const inferred = ['AI-01', 'AI-02', 'AI-03', 'AI-05', 'BAT-01', 'BAT-03', 'BIO-04', 'ICT-01', 'ICT-02', 'QNT-02', 'TRI-01'];
    expect(codes({ inferred: '1' })).toEqual(inferred);
    expect(codes({ inferred: '0' })).toEqual(ALL);
    // QNT-02: its partner confirmed, its lead still inferred. BAT-01: a stated lead, its one inferred partner confirmed.
    const partnerOf = (code: string, agency: string) =>
      and(
        eq(commitmentPartners.commitmentId, db.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, code))),
        eq(commitmentPartners.agencyId, db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agency))),
      );
    db.update(commitmentPartners).set({ basis: 'stated' }).where(partnerOf('CET23-QNT-02', 'NSF')).run();
    db.update(commitmentPartners).set({ basis: 'stated' }).where(partnerOf('CET23-BAT-01', 'DOE')).run();
    expect(codes({ inferred: '1' })).toEqual(inferred.filter((c) => c !== 'BAT-01'));
    const row = (code: string) => list({}).items.find((c) => c.code === `CET23-${code}`)!;
    expect(row('QNT-02').inferredAssignments).toBe(1);
    expect(row('BAT-01').inferredAssignments).toBe(0);
  });
});

describe('overdue', () => {
  it('starts the day after the due date, and never for a closed commitment', () => {
    record('CET23-TRI-01', 'completed', 100, '2024-04-01');
    record('CET23-BIO-01', 'in_progress', 40, '2024-06-01');
    const overdue = (asOf: string) => codes({ asOf, overdue: '1' });
    const flagged = (asOf: string) => list({ asOf }).items.filter((c) => c.overdue).map((c) => c.code.replace('CET23-', ''));
    expect(overdue('2024-12-31')).toEqual([]);
    expect(flagged('2024-12-31')).toEqual([]);
    expect(overdue('2025-01-01')).toEqual(['AI-01', 'AI-02', 'AI-03', 'BIO-01', 'BIO-04']);
    expect(flagged('2025-01-01')).toEqual(['AI-01', 'AI-02', 'AI-03', 'BIO-01', 'BIO-04']);
    expect(codes({ asOf: '2025-01-01', overdue: '0' })).toEqual(ALL.filter((c) => !['AI-01', 'AI-02', 'AI-03', 'BIO-01', 'BIO-04'].includes(c)));
    // TRI-01, due 2024-04-30, was completed before it.
    expect(overdue('2024-05-01')).toEqual([]);
    record('CET23-BIO-04', 'discontinued', 0, '2024-12-01');
    expect(flagged('2025-01-01')).toEqual(['AI-01', 'AI-02', 'AI-03', 'BIO-01']);
    expect(list({}).items.find((c) => c.code === 'CET23-TRI-01')).toMatchObject({ status: 'completed', overdue: false });
  });
});

describe('the search', () => {
  it('takes %, _ and \\ in the text literally, in code and both titles', () => {
    setCommitment('CET23-AI-04', { titleEn: 'A 50% share of x_y under C:\\labs' });
    setCommitment('CET23-AI-05', { titleEn: 'A 500-fold share of xzy under C:dlabs' });
    setCommitment('CET23-BIO-02', { titleKo: '지분 30% 확대' });
    setCommitment('CET23-BIO-03', { titleKo: '지분 300 확대' });
    expect(codes({ q: '50%' })).toEqual(['AI-04']);
    expect(codes({ q: 'x_y' })).toEqual(['AI-04']);
    expect(codes({ q: 'C:\\l' })).toEqual(['AI-04']);
    expect(codes({ q: '\\' })).toEqual(['AI-04']);
    expect(codes({ q: '30%' })).toEqual(['BIO-02']);
    expect(codes({ q: 'xzy' })).toEqual(['AI-05']);
    expect(codes({ q: 'semi-0' })).toEqual(['SEMI-01', 'SEMI-02']);
  });
});

describe('sorting', () => {
  it('by due date, earliest or latest first, no deadline last, ties in code order', () => {
    const byCode = ['AI-01', 'AI-02', 'AI-03', 'BIO-01', 'BIO-04'];
    expect(codes({ sort: 'due' })).toEqual(['TRI-01', ...byCode, ...NO_DUE]);
    expect(codes({ sort: 'due', dir: 'desc' })).toEqual([...byCode, 'TRI-01', ...NO_DUE]);
  });

  it('by progress and by last update as of the date, ties in code order', () => {
    record('CET23-QNT-01', 'in_progress', 50, '2024-03-01');
    record('CET23-AI-01', 'in_progress', 50, '2024-05-01');
    record('CET23-BIO-01', 'in_progress', 20, '2024-04-01');
    record('CET23-BIO-01', 'in_progress', 80, '2024-07-01');
    const rest = ALL.filter((c) => !['QNT-01', 'AI-01', 'BIO-01'].includes(c));
    expect(codes({ sort: 'progress', dir: 'desc' })).toEqual(['BIO-01', 'AI-01', 'QNT-01', ...rest]);
    expect(codes({ sort: 'progress' })).toEqual([...rest, 'AI-01', 'QNT-01', 'BIO-01']);
    expect(codes({ sort: 'progress', dir: 'desc', asOf: '2024-06-15' })).toEqual(['AI-01', 'QNT-01', 'BIO-01', ...rest]);
    // Never updated (no date) first when earliest first, last when latest first.
    expect(codes({ sort: 'updated' })).toEqual([...rest, 'QNT-01', 'AI-01', 'BIO-01']);
    expect(codes({ sort: 'updated', dir: 'desc' })).toEqual(['BIO-01', 'AI-01', 'QNT-01', ...rest]);
    expect(codes({ sort: 'updated', dir: 'desc', asOf: '2024-04-15' })).toEqual(['BIO-01', 'QNT-01', ...ALL.filter((c) => !['QNT-01', 'BIO-01'].includes(c))]);
    expect(list({ asOf: '2024-04-15' }).items.find((c) => c.code === 'CET23-BIO-01')).toMatchObject({ lastUpdate: '2024-04-01', progress: 20 });
  });

  it('by code, either way; by status today, in the vocabulary’s order', () => {
    expect(codes({ dir: 'desc' })).toEqual([...ALL].reverse());
    record('CET23-SEMI-02', 'delayed', 10, '2024-03-01');
    record('CET23-AI-05', 'in_progress', 10, '2024-03-01');
    expect(codes({ sort: 'status' })).toEqual([...ALL.filter((c) => !['SEMI-02', 'AI-05'].includes(c)), 'AI-05', 'SEMI-02']);
    // A month end has a snapshot; sorting by code there still sorts by code.
    expect(codes({ asOf: '2024-03-31', dir: 'desc' })).toEqual([...ALL].reverse());
  });
});

describe('paging', () => {
  it('reaches the end exactly, and past it gives no rows but the same total', () => {
    expect(list({ pageSize: '10', page: '2' })).toMatchObject({ total: 19 });
    expect(codes({ pageSize: '10', page: '2' })).toEqual(ALL.slice(10));
    expect(list({ pageSize: '10', page: '3' })).toMatchObject({ total: 19, items: [] });
  });

  it('sorted by status from a month end’s snapshot, when a page starts exactly at a status', () => {
    // Ten commitments in progress, nine not started, at the month end 2024-03-31 and the day after.
    for (const c of ALL.slice(0, 10)) record(`CET23-${c}`, 'in_progress', 10, '2024-03-01');
    for (const asOf of ['2024-03-31', '2024-04-01']) {
      for (const dir of ['asc', 'desc']) {
        const order = dir === 'asc' ? [...ALL.slice(10), ...ALL.slice(0, 10)] : [...ALL.slice(0, 10), ...ALL.slice(10)];
        const pages = [1, 2, 3].map((page) => codes({ asOf, sort: 'status', dir, pageSize: '10', page: String(page) }));
        expect(pages, `${asOf} ${dir}`).toEqual([order.slice(0, 10), order.slice(10), []]);
      }
    }
  });
});

describe('the scratch tables', () => {
  it('are dropped once the list is read, so the next list on the connection sees later writes', () => {
    const scratch = () => tempTableNames(db).filter((n) => /^(fix|state_at|ls)_/.test(n));
    const ai01 = () => list({ asOf: '2024-06-14', q: 'AI-01' }).items[0];
    record('CET23-AI-01', 'in_progress', 10, '2024-05-01');
    // 2024-06-14 reads the month end 2024-05-31's snapshot, corrected by the changes since.
    expect(ai01()).toMatchObject({ status: 'in_progress', progress: 10 });
    expect(scratch()).toEqual([]);
    record('CET23-AI-01', 'delayed', 15, '2024-06-10');
    expect(ai01()).toMatchObject({ status: 'delayed', progress: 15 });
    expect(scratch()).toEqual([]);
  });
});

describe('a row', () => {
  it('carries its area, its lead with the lead’s basis, its partners and its count of inferred facts', () => {
    const ai01 = list({ q: 'AI-01' }).items[0]!;
    expect(ai01.area).toEqual({ code: 'AI', nameKo: expect.any(String), nameEn: expect.any(String) });
    expect(ai01.area.nameEn).not.toBe('');
    expect(ai01.lead).toMatchObject({ code: 'MSIT', country: 'KR', basis: 'inferred' });
    expect(Object.keys(ai01.lead).sort()).toEqual(['basis', 'code', 'country', 'nameEn', 'nameKo', 'shortNameKo']);
    expect(ai01.partners.map((p) => p.code).sort()).toEqual(['DOS', 'KRGOV', 'MOFA', 'USGOV']);
    expect(ai01.inferredAssignments).toBe(3);
    expect(ai01).toMatchObject({ dueSpec: '2024', dueEnd: '2024-12-31', adoptedOn: '2023-12-09', archivedAt: null, claim: null, status: 'not_started', progress: 0 });
    const ai04 = list({ q: 'AI-04' }).items[0]!;
    expect(ai04).toMatchObject({ inferredAssignments: 0, lead: { code: 'KATS', basis: 'stated' } });
  });
});
