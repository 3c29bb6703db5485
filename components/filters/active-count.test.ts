import { describe, expect, it } from 'vitest';
import { CommitmentFilterInput } from '@/lib/commitments/filters';
import { dashboardFilterCount, listFilterCount } from './active-count';

const TODAY = '2026-11-27';
const list = (raw: Record<string, unknown>) => listFilterCount(CommitmentFilterInput.parse(raw), TODAY);

describe('the number on the phone\'s "Filters (n active)" button', () => {
  it('counts nothing for the default list, sorted or not', () => {
    expect(list({})).toBe(0);
    expect(list({ sort: 'due', dir: 'desc', page: 3, pageSize: 50 })).toBe(0);
  });

  it('counts each list parameter once, however many statuses it names', () => {
    expect(list({ area: 'BIO', status: ['completed', 'delayed', 'at_risk'] })).toBe(2);
    expect(list({ q: 'grid', dialogue: 'D', agency: 'MSIT', lead: 'DOC', country: 'KR', due: '2024', confirmation: 'pending', verdict: '1' })).toBe(8);
    expect(list({ overdue: '0', archived: '1', inferred: '1' })).toBe(3);
  });

  it('counts an as-of date only when it is in the past', () => {
    expect(list({ asOf: '2024-06-30' })).toBe(1);
    expect(list({ asOf: TODAY })).toBe(0);
    expect(list({ asOf: '2027-01-01' })).toBe(0);
  });

  it('counts the dashboard scope and a past as-of date', () => {
    expect(dashboardFilterCount({}, TODAY, TODAY)).toBe(0);
    expect(dashboardFilterCount({ area: 'BIO', country: 'US' }, TODAY, TODAY)).toBe(2);
    expect(dashboardFilterCount({ dialogue: 'X' }, '2024-06-30', TODAY)).toBe(2);
  });
});
