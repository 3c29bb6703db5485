import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './datetime';

const RECORDED = '2026-11-27T03:06:00Z';

afterEach(() => {
  delete process.env.APP_TIME_ZONE;
});

describe('formatDate', () => {
  it('writes calendar dates as each language reads them, never shifted by a zone', () => {
    expect(formatDate('2024-06-30', 'ko')).toBe('2024. 6. 30.');
    expect(formatDate('2024-06-30', 'en')).toBe('30 Jun 2024');
    expect(formatDate('2024-06-30', 'ko', { long: true })).toBe('2024년 6월 30일');
    expect(formatDate('2024-06-30', 'en', { long: true })).toBe('30 June 2024');
    expect(formatDate('2024-01-01T23:59:00Z', 'en')).toBe('1 Jan 2024');
  });

  it('leaves anything that is not a date as it is', () => {
    expect(formatDate('soon', 'ko')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('shows a time recorded at 12:06 in Seoul as 12:06 KST in both languages (the default zone)', () => {
    expect(formatDateTime(RECORDED, 'ko')).toBe('2026. 11. 27. 12:06 KST');
    expect(formatDateTime(RECORDED, 'en')).toBe('27 Nov 2026, 12:06 KST');
    expect(formatDateTime(new Date(RECORDED), 'en')).toBe('27 Nov 2026, 12:06 KST');
  });

  it('follows APP_TIME_ZONE, naming the zone: 22:06 of the previous day in New York', () => {
    process.env.APP_TIME_ZONE = 'America/New_York';
    expect(formatDateTime(RECORDED, 'ko')).toBe('2026. 11. 26. 22:06 EST');
    expect(formatDateTime(RECORDED, 'en')).toBe('26 Nov 2026, 22:06 EST');
    // Summer time is named as such.
    expect(formatDateTime('2026-07-01T03:06:00Z', 'en')).toBe('30 Jun 2026, 23:06 EDT');
  });

  it('takes an explicit zone over the app’s', () => {
    expect(formatDateTime(RECORDED, 'en', 'UTC')).toBe('27 Nov 2026, 03:06 UTC');
  });

  it('writes 24-hour time, never AM/PM or 오전/오후, at every hour of the day', () => {
    for (let hour = 0; hour < 24; hour++) {
      const instant = new Date(Date.UTC(2026, 10, 27, hour, 6));
      for (const locale of ['ko', 'en'] as const) {
        const text = formatDateTime(instant, locale);
        expect(text).not.toMatch(/AM|PM|오전|오후/i);
        expect(text).toContain(`${String((hour + 9) % 24).padStart(2, '0')}:06 KST`);
      }
    }
  });

  it('leaves an unreadable instant as it is', () => {
    expect(formatDateTime('not a time', 'ko')).toBe('not a time');
  });
});
