import { afterEach, describe, expect, it } from 'vitest';
import { appTimeZone, dateTimeInZone, isCalendarDate, monthIndex, todayIso } from './dates';
import { dayStartInZone } from './day-start';
import { isValidDueSpec, parseDuePeriod } from './due-period';
import { parseQuarter, previousQuarter, quarterOf } from './quarters';

// Behaviour the mutation run (npm run test:mutation) found unpinned.

describe("the app's clock", () => {
  const saved = process.env.APP_TIME_ZONE;
  afterEach(() => {
    if (saved === undefined) delete process.env.APP_TIME_ZONE;
    else process.env.APP_TIME_ZONE = saved;
  });

  it('runs on Seoul time unless APP_TIME_ZONE names another zone', () => {
    delete process.env.APP_TIME_ZONE;
    expect(appTimeZone()).toBe('Asia/Seoul');
    // 15:04 UTC on 29 June is already 30 June in Seoul.
    expect(todayIso(new Date('2024-06-29T15:04:00Z'))).toBe('2024-06-30');
    expect(dateTimeInZone(new Date('2024-06-29T15:04:59Z'))).toBe('2024-06-30 00:04');
    process.env.APP_TIME_ZONE = 'UTC';
    expect(appTimeZone()).toBe('UTC');
    expect(todayIso(new Date('2024-06-29T15:04:00Z'))).toBe('2024-06-29');
    expect(dateTimeInZone(new Date('2024-06-29T15:04:59Z'))).toBe('2024-06-29 15:04');
  });

  it('keys months by year * 12 + month - 1', () => {
    expect(monthIndex('2024-01-31')).toBe(2024 * 12);
    expect(monthIndex('2024-12-01')).toBe(2024 * 12 + 11);
    expect(monthIndex('2025-01-01') - monthIndex('2024-12-31')).toBe(1);
  });
});

describe('calendar dates', () => {
  it('refuses a value that only reads as a date once turned into a string', () => {
    expect(isCalendarDate(['2024-06-01'] as never)).toBe(false);
  });

  it('refuses a derived date with anything before or after it', () => {
    for (const v of [' 2024-06-01', 'x2024-06-01', '2024-06-01x', '12024-06-01']) expect(isCalendarDate(v), v).toBe(false);
  });

  it('takes the offset at the day start itself when the zone changes clocks that day', () => {
    // Auckland leaves summer time at 03:00 on 7 April 2024: the day began at +13, not at +12.
    expect(dayStartInZone('2024-04-07', 'Pacific/Auckland')).toBe('2024-04-06T11:00:00.000Z');
  });
});

describe('quarters', () => {
  it('steps back within a year', () => {
    expect(previousQuarter({ year: 2024, quarter: 3 })).toEqual({ year: 2024, quarter: 2 });
    expect(previousQuarter({ year: 2024, quarter: 2 })).toEqual({ year: 2024, quarter: 1 });
  });

  it('refuses a quarter key with anything before or after it', () => {
    for (const v of ['x2024-Q1', '2024-Q12', '2024-Q1x']) expect(parseQuarter(v), v).toBeNull();
  });

  it('names the value it refuses', () => {
    expect(() => quarterOf('2023-02-29')).toThrow('Not an ISO date: 2023-02-29');
  });
});

describe('due periods', () => {
  it('writes a half year as 2024-H2, whatever the case it was typed in', () => {
    expect(parseDuePeriod('2024-h2').spec).toBe('2024-H2');
  });

  it('reads an empty spec as ongoing', () => {
    expect(parseDuePeriod('')).toMatchObject({ spec: 'ongoing', precision: 'none', end: null });
    expect(parseDuePeriod('  ')).toMatchObject({ spec: 'ongoing', precision: 'none', end: null });
  });

  it('reads January and December as months', () => {
    expect(parseDuePeriod('2024-01')).toMatchObject({ precision: 'month', start: '2024-01-01', end: '2024-01-31', label: { en: 'January 2024' } });
    expect(parseDuePeriod('2024-12')).toMatchObject({ precision: 'month', start: '2024-12-01', end: '2024-12-31', label: { ko: '2024년 12월', en: 'December 2024' } });
  });

  it('names every month and part of the year in both languages', () => {
    const en = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    en.forEach((name, i) => expect(parseDuePeriod(`2024-${String(i + 1).padStart(2, '0')}`).label.en).toBe(`${name} 2024`));
    expect(parseDuePeriod('2024-03-05').label).toEqual({ ko: '2024년 3월 5일', en: '5 March 2024' });
    expect(parseDuePeriod('early-2024').label).toEqual({ ko: '2024년 초', en: 'Early 2024' });
    expect(parseDuePeriod('mid-2024').label).toEqual({ ko: '2024년 중반', en: 'Mid-2024' });
    expect(parseDuePeriod('late-2024').label).toEqual({ ko: '2024년 말', en: 'Late 2024' });
    expect(parseDuePeriod('2024-h2').label).toEqual({ ko: '2024년 하반기', en: 'H2 2024' });
  });

  it('refuses a spec with anything before or after it', () => {
    for (const v of ['x2024', '2024x', 'x2024-h1', '2024-h1x', 'x2024-q1', '2024-q1x', 'xearly-2024', 'early-2024x', 'x2024-05', '2024-05x', 'x2024-05-31', '2024-05-31x']) {
      expect(isValidDueSpec(v), v).toBe(false);
    }
  });

  it('says why a year before 1900 is refused', () => {
    expect(() => parseDuePeriod('1899-Q4')).toThrow('Due period before 1900: "1899-Q4"');
  });
});
