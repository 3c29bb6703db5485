import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SnapshotDatesModule from './snapshot-dates';

// What the mutation run found unpinned in snapshot-dates.ts (group as-of): the boundaries of the
// cacheable dates (a month end that is today, the first year), the ties and limits of `baseFor`,
// and the bound of the memo. Imported in beforeEach after `vi.resetModules()`, so each test starts
// with a fresh module: the memo is module state.
let mod: typeof SnapshotDatesModule;
/** The live tallies (state.ts's END_OF_TIME), spelled out. */
const END_OF_TIME = '9999-12-31';

beforeEach(async () => {
  vi.resetModules();
  mod = await import('./snapshot-dates');
});

describe('the cacheable dates', () => {
  it('are month ends before today: a month end that is today is not one', () => {
    expect(mod.snapshotDates('2024-03-31').slice(0, 2)).toEqual(['2024-02-29', '2024-01-31']);
    expect(mod.snapshotDates('2024-04-01').slice(0, 2)).toEqual(['2024-03-31', '2024-02-29']);
  });

  it('start in the first year the app accepts, never before', () => {
    expect(mod.snapshotDates('1901-03-15')).toEqual([
      '1901-02-28', '1901-01-31',
      '1900-12-31', '1900-11-30', '1900-10-31', '1900-09-30', '1900-08-31', '1900-07-31',
      '1900-06-30', '1900-05-31', '1900-04-30', '1900-03-31', '1900-02-28', '1900-01-31',
    ]);
    expect(mod.snapshotDates('1900-01-20')).toEqual([]);
  });

  it('are remembered for the last five days asked, and forgotten after', () => {
    const days = ['2030-01-10', '2030-01-11', '2030-01-12', '2030-01-13', '2030-01-14'];
    const first = days.map((d) => mod.snapshotDates(d));
    // Asked again, each of the five is the very list computed before.
    days.forEach((d, i) => expect(mod.snapshotDates(d)).toBe(first[i]));
    // A sixth day makes room: the five are computed afresh (equal, not the same lists).
    mod.snapshotDates('2030-01-15');
    const again = mod.snapshotDates(days[0]!);
    expect(again).not.toBe(first[0]);
    expect(again).toEqual(first[0]);
  });
});

describe('the base a count at a date starts from', () => {
  it('is the live tallies for today and any later date, however far', () => {
    expect(mod.baseFor('2024-06-15', '2024-06-15')).toBe(END_OF_TIME);
    expect(mod.baseFor('2040-01-01', '2024-06-15')).toBe(END_OF_TIME);
  });

  it('is the later of two equally near dates', () => {
    // 2024-04-15 lies 15 days after 2024-03-31 and 15 days before 2024-04-30.
    expect(mod.baseFor('2024-04-15', '2024-06-15')).toBe('2024-04-30');
    expect(mod.baseFor('2024-04-14', '2024-06-15')).toBe('2024-03-31');
    // 2024-06-08 lies 8 days after 2024-05-31 and 8 days before today.
    expect(mod.baseFor('2024-06-08', '2024-06-16')).toBe(END_OF_TIME);
    expect(mod.baseFor('2024-06-07', '2024-06-16')).toBe('2024-05-31');
  });

  it('is a cacheable date itself when asked for one', () => {
    expect(mod.baseFor('2024-04-30', '2024-06-15')).toBe('2024-04-30');
    expect(mod.baseFor('2024-05-31', '2024-06-15')).toBe('2024-05-31');
  });

  it('is found up to 92 days away, and beyond that the count comes from the history', () => {
    // For today 2033-02-15, the oldest cacheable date is 2027-03-31; 2026-12-29 is 92 days before it.
    expect(mod.snapshotDates('2033-02-15').at(-1)).toBe('2027-03-31');
    expect(mod.baseFor('2026-12-29', '2033-02-15')).toBe('2027-03-31');
    expect(mod.baseFor('2026-12-28', '2033-02-15')).toBeNull();
  });
});
