import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listAsOf } from '@/lib/as-of/list';
import { planAsOfView } from '@/lib/as-of/view';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { commitmentCodeParam } from './code-param';
import { CommitmentFilterInput, filterParams, parseFiltersReportingErrors } from './filters';

const TODAY = '2026-01-15';

describe('commitmentCodeParam', () => {
  it('takes a code as it is, without decoding it again', () => {
    expect(commitmentCodeParam('CET23-BIO-01')).toBe('CET23-BIO-01');
    expect(commitmentCodeParam('cet23-bio-01')).toBe('cet23-bio-01');
  });

  it('answers null (a 404) for anything that cannot be a code, never throwing', () => {
    for (const v of ['%E0%A4%A', '%', '%00', '\u0000', '../etc', 'A/B', 'A%2FB', '', ' ', 'CET23 BIO', '합의', 'x'.repeat(41), -1, undefined, ['A']]) {
      expect(() => commitmentCodeParam(v)).not.toThrow();
      expect(commitmentCodeParam(v), String(v)).toBeNull();
    }
  });
});

describe('list filters on odd input', () => {
  const invalid = (params: Record<string, string | string[]>) => {
    const r = CommitmentFilterInput.safeParse(filterParams(params));
    return r.success ? [] : [...new Set(r.error.issues.map((i) => String(i.path[0])))];
  };

  it('refuses dates before 1900 and dates that do not exist', () => {
    for (const asOf of ['0000-01-01', '0100-01-31', '1899-12-31', '2024-02-30', '10000-01-01', '%E0%A4%A', '../', 'x'.repeat(5000)]) expect(invalid({ asOf }), asOf).toEqual(['asOf']);
    expect(invalid({ asOf: '1900-01-01' })).toEqual([]);
  });

  it('refuses due periods before 1900 and quarters outside 1–4', () => {
    for (const due of ['0100', '1899', '1899-Q1', '2024-Q0', '2024-Q5', '-1-Q1', '10000']) expect(invalid({ due }), due).toEqual(['due']);
    expect(invalid({ due: '1900-Q1' })).toEqual([]);
  });

  it('names the parameters a page leaves out', () => {
    const r = parseFiltersReportingErrors({ asOf: '0100-01-31', area: 'BIO', due: '2024-Q5', page: ['1', '2'] });
    expect(r.invalid.sort()).toEqual(['asOf', 'due']);
    expect(r.filter).toMatchObject({ area: 'BIO', page: 2 });
  });
});

describe('the as-of view and list at the edges of the accepted dates', () => {
  let db: Db;
  beforeEach(() => {
    db = useSeededTestDb();
  });

  it('counts nothing on 1 January 1900 (the previous quarter end, 1899-12-31, included) without throwing', () => {
    for (const asOf of ['1900-01-01', '1900-03-31', '1900-02-28']) {
      const d = planAsOfView({}, asOf, TODAY, db);
      expect(d.headline.total).toBe(0);
      expect(d.previousQuarterEnd < asOf).toBe(true);
      expect(planAsOfView({ agency: 'MSIT' }, asOf, TODAY, db).headline.total).toBe(0);
      expect(planAsOfView({ dialogue: 'KR-US-CET-2023' }, asOf, TODAY, db).headline.total).toBe(0);
      expect(listAsOf({ ...CommitmentFilterInput.parse({ asOf, sort: 'status' }) }, TODAY, db).total).toBe(0);
    }
  });

  it('reads a date far in the future as today in the list', () => {
    expect(listAsOf(CommitmentFilterInput.parse({ asOf: '9999-12-31' }), TODAY, db).asOf).toBe(TODAY);
  });
});
