import { describe, expect, it } from 'vitest';
import { dateInZone } from './dates';
import { dayStartInZone } from './day-start';

describe('dayStartInZone', () => {
  it('gives the instant a date begins in the zone', () => {
    expect(dayStartInZone('2024-06-30', 'Asia/Seoul')).toBe('2024-06-29T15:00:00.000Z');
    expect(dayStartInZone('2024-06-30', 'UTC')).toBe('2024-06-30T00:00:00.000Z');
    expect(dayStartInZone('2024-01-15', 'America/New_York')).toBe('2024-01-15T05:00:00.000Z');
    expect(dayStartInZone('2024-07-15', 'America/New_York')).toBe('2024-07-15T04:00:00.000Z');
  });

  it('follows a daylight-saving change on the day itself', () => {
    // New York springs forward at 02:00 on 10 March 2024 and falls back on 3 November.
    expect(dayStartInZone('2024-03-10', 'America/New_York')).toBe('2024-03-10T05:00:00.000Z');
    expect(dayStartInZone('2024-03-11', 'America/New_York')).toBe('2024-03-11T04:00:00.000Z');
    expect(dayStartInZone('2024-11-04', 'America/New_York')).toBe('2024-11-04T05:00:00.000Z');
  });

  it('is the first instant whose date in the zone is that date', () => {
    for (const zone of ['Asia/Seoul', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (const date of ['2024-01-01', '2024-03-31', '2024-10-27', '2025-12-31']) {
        const start = Date.parse(dayStartInZone(date, zone));
        expect(dateInZone(new Date(start), zone), `${zone} ${date}`).toBe(date);
        expect(dateInZone(new Date(start - 1), zone), `${zone} ${date}`).not.toBe(date);
      }
    }
  });
});
