import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listAsOf } from '@/lib/as-of/list';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { CommitmentFilterInput, filterQueryString, parseFiltersReportingErrors } from './filters';

const TODAY = '2026-01-15';
let db: Db;
const codes = (params: Record<string, string>) => listAsOf(parseFiltersReportingErrors({ pageSize: '100', ...params }).filter, TODAY, db).items.map((c) => c.code);

beforeEach(() => {
  db = useSeededTestDb();
});

describe('the no-deadline and due-by filters', () => {
  it('reads due=none in any case, and keeps refusing what is neither a period nor none', () => {
    expect(CommitmentFilterInput.parse({ due: 'none' }).due).toBe('none');
    expect(CommitmentFilterInput.parse({ due: ' NONE ' }).due).toBe('none');
    expect(CommitmentFilterInput.parse({ due: '2024-q2' }).due).toBe('2024-Q2');
    expect(CommitmentFilterInput.safeParse({ due: 'nothing' }).success).toBe(false);
    expect(CommitmentFilterInput.safeParse({ due: 'ongoing' }).success).toBe(false);
    expect(parseFiltersReportingErrors({ due: 'never' }).invalid).toEqual(['due']);
  });

  it('lists the commitments with no deadline: the 13 ongoing of the seed', () => {
    const none = codes({ due: 'none' });
    expect(none).toHaveLength(13);
    expect(none).not.toContain('CET23-TRI-01');
    expect(codes({ due: 'none', area: 'BIO' })).toEqual(['CET23-BIO-02', 'CET23-BIO-03']);
    expect(filterQueryString({ due: 'none', area: 'BIO' })).toBe('?area=BIO&due=none');
  });

  it('lists the commitments due on or before a date, and refuses a date that is not one', () => {
    expect(codes({ dueBy: '2024-04-29' })).toEqual([]);
    expect(codes({ dueBy: '2024-04-30' })).toEqual(['CET23-TRI-01']);
    expect(codes({ dueBy: '2024-12-31' })).toHaveLength(6);
    expect(parseFiltersReportingErrors({ dueBy: '2024-02-30' }).invalid).toEqual(['dueBy']);
    expect(filterQueryString({ dueBy: '2024-12-31', status: ['completed'] })).toBe('?dueBy=2024-12-31&status=completed');
  });
});
