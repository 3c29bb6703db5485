import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, isIsoDate, lastDayOfMonth, monthEnd, MIN_YEAR } from './dates';

describe('isIsoDate (every date the app takes as input)', () => {
  it('accepts real dates from 1900 to 9999', () => {
    for (const d of ['1900-01-01', '1999-12-31', '2000-02-29', '2024-02-29', '2024-06-30', '9999-12-31']) expect(isIsoDate(d), d).toBe(true);
  });

  it('refuses years before 1900, which Date.UTC would read as 19xx', () => {
    expect(MIN_YEAR).toBe(1900);
    for (const d of ['0000-01-01', '0001-01-01', '0099-12-31', '0100-01-31', '1000-06-15', '1899-12-31']) expect(isIsoDate(d), d).toBe(false);
  });

  it('refuses dates that do not exist and anything not written YYYY-MM-DD', () => {
    const odd = ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-06-00', '2024-06-31', '10000-01-01', '+02024-01-01', '-0001-01-01',
      '2024-6-1', '2024/06/01', ' 2024-06-01', '2024-06-01 ', '2024-06-01T00:00', '', '%00', '２０２４-０６-０１', '../', 'x'.repeat(10_000)];
    for (const d of odd) expect(isIsoDate(d), d).toBe(false);
  });

  it('refuses values that are not strings at all', () => {
    for (const v of [undefined, null, 20240601, ['2024-06-01'], {}]) expect(isIsoDate(v as never)).toBe(false);
  });
});

describe('isCalendarDate (dates the app derives itself)', () => {
  it('takes any real date, years before 1900 included, exactly', () => {
    expect(isCalendarDate('1899-12-31')).toBe(true);
    expect(isCalendarDate('0100-01-31')).toBe(true);
    expect(isCalendarDate('0004-02-29')).toBe(true);
    expect(isCalendarDate('0100-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-30')).toBe(false);
  });
});

describe('month arithmetic', () => {
  it('knows the last day of every month, century years included', () => {
    expect(lastDayOfMonth(1900, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(99, 2)).toBe(28); // not 1999's, not 2000's
    expect(lastDayOfMonth(4, 2)).toBe(29);
    expect(monthEnd(1899, 12)).toBe('1899-12-31');
    expect(addDays('1900-01-01', -1)).toBe('1899-12-31');
  });
});
