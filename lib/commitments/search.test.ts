import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { CommitmentFilterInput, filterParams, filterQueryString, parseFiltersLeniently } from './filters';
import { listAsOf as searchCommitments } from '@/lib/as-of/list';

const TODAY = '2026-01-15';
let db: Db;
const search = (params: Record<string, string | string[]>) => searchCommitments(parseFiltersLeniently(params), TODAY, db);
const codes = (params: Record<string, string | string[]>) => search({ pageSize: '100', ...params }).items.map((c) => c.code);

beforeEach(() => {
  db = useSeededTestDb();
});

describe('searchCommitments', () => {
  it('filters by area, dialogue and lead-or-partner agency', () => {
    expect(codes({ area: 'QNT' })).toEqual(['CET23-QNT-01', 'CET23-QNT-02']);
    expect(codes({ dialogue: 'KR-US-CET-2023' })).toHaveLength(19);
    expect(codes({ agency: 'NIST' })).toEqual(['CET23-AI-04', 'CET23-QNT-01']);
    expect(codes({ agency: 'nsf' })).toEqual(['CET23-BIO-01', 'CET23-QNT-02']);
  });

  it('filters by the lead agency’s country', () => {
    expect(codes({ country: 'US' })).toEqual([]);
    expect(codes({ country: 'KR' })).toHaveLength(19);
  });

  it('filters by the year or quarter a commitment falls due in, and by overdue', () => {
    expect(codes({ due: '2024' })).toHaveLength(6);
    expect(codes({ due: '2024-Q2' })).toEqual(['CET23-TRI-01']);
    expect(codes({ due: '2024-Q1' })).toEqual([]);
    expect(codes({ overdue: '1' })).toHaveLength(6);
    db.update(commitments).set({ status: 'completed', progress: 100 }).where(eq(commitments.code, 'CET23-TRI-01')).run();
    expect(codes({ overdue: '1' })).toHaveLength(5);
  });

  it('filters by one or several statuses', () => {
    db.update(commitments).set({ status: 'delayed' }).where(eq(commitments.code, 'CET23-AI-01')).run();
    db.update(commitments).set({ status: 'at_risk' }).where(eq(commitments.code, 'CET23-AI-02')).run();
    expect(codes({ status: 'delayed' })).toEqual(['CET23-AI-01']);
    expect(codes({ status: ['delayed', 'at_risk'] })).toEqual(['CET23-AI-01', 'CET23-AI-02']);
    expect(codes({ status: 'delayed,at_risk' })).toEqual(['CET23-AI-01', 'CET23-AI-02']);
  });

  it('searches code and both languages’ titles, treating wildcards literally', () => {
    expect(codes({ q: 'bio-0' })).toHaveLength(4);
    expect(codes({ q: '양자' })).toEqual(expect.arrayContaining(['CET23-QNT-01']));
    expect(codes({ q: 'quantum' })).toEqual(expect.arrayContaining(['CET23-QNT-01', 'CET23-QNT-02']));
    expect(codes({ q: '%' })).toEqual([]);
    expect(codes({ q: '_' })).toEqual([]);
  });

  it('sorts by due date (no deadline last), progress and status, and paginates with a total', () => {
    expect(codes({ sort: 'due' })[0]).toBe('CET23-TRI-01');
    db.update(commitments).set({ progress: 70, status: 'in_progress' }).where(eq(commitments.code, 'CET23-ICT-02')).run();
    expect(codes({ sort: 'progress', dir: 'desc' })[0]).toBe('CET23-ICT-02');
    expect(codes({ sort: 'status', dir: 'desc' })[0]).toBe('CET23-ICT-02');
    const page2 = search({ pageSize: '10', page: '2' });
    expect(page2.total).toBe(19);
    expect(page2.items).toHaveLength(9);
  });

  it('hides archived commitments unless asked', () => {
    db.update(commitments).set({ archivedAt: '2025-01-01T00:00:00Z' }).where(eq(commitments.code, 'CET23-ICT-01')).run();
    expect(codes({})).not.toContain('CET23-ICT-01');
    expect(codes({ archived: '1' })).toContain('CET23-ICT-01');
  });
});

describe('filters', () => {
  it('round-trip through the URL', () => {
    const f = parseFiltersLeniently({ area: 'bio', status: ['delayed', 'at_risk'], due: '2024-q1', overdue: '1', sort: 'due', page: '3' });
    expect(filterQueryString(f)).toBe('?area=BIO&due=2024-Q1&status=delayed&status=at_risk&overdue=1&sort=due&page=3');
    expect(parseFiltersLeniently(new URLSearchParams(filterQueryString(f)))).toEqual(f);
  });

  it('are refused strictly for the API and dropped leniently for pages', () => {
    const raw = filterParams(new URLSearchParams('status=bogus&due=2024-Q9&pageSize=7&area=SEMI'));
    expect(CommitmentFilterInput.safeParse(raw).success).toBe(false);
    const lenient = parseFiltersLeniently(new URLSearchParams('status=bogus&due=2024-Q9&pageSize=7&area=SEMI'));
    expect(lenient).toMatchObject({ area: 'SEMI', pageSize: 25 });
    expect([lenient.status, lenient.due]).toEqual([undefined, undefined]);
  });
});
