import { describe, expect, it } from 'vitest';
import { isoDateString } from '@/lib/validation/common';
import { dateInputValue, parseDateInput } from './date-input';

describe('dates as people type them (GLOSSARY.md: the Korean order)', () => {
  it.each([
    ['2024. 6. 30.', '2024-06-30'],
    ['2024. 6. 30', '2024-06-30'],
    ['2024.6.30', '2024-06-30'],
    ['2024.06.30.', '2024-06-30'],
    [' 2024. 06. 30. ', '2024-06-30'],
    ['2024년 6월 30일', '2024-06-30'],
    ['2024년6월30일', '2024-06-30'],
    ['2024/6/30', '2024-06-30'],
    ['2024-06-30', '2024-06-30'],
    ['2024-6-3', '2024-06-03'],
    ['20240630', '2024-06-30'],
  ])('reads %j as %s', (typed, iso) => {
    expect(parseDateInput(typed)).toBe(iso);
  });

  it.each(['2024. 2. 30.', '2023-02-29', '30. 6. 2024.', '6/30/2024', '2024. 13. 1.', '24. 6. 30.', '2024. 6.', 'today', '', '1899. 12. 31.'])('refuses %j', (typed) => {
    expect(parseDateInput(typed)).toBeNull();
  });

  it('shows a date in the Korean order on Korean screens and as YYYY-MM-DD on English ones; what is no date, as typed', () => {
    expect(dateInputValue('2024-06-03', 'ko')).toBe('2024. 6. 3.');
    expect(dateInputValue('2024. 6. 3.', 'en')).toBe('2024-06-03');
    expect(dateInputValue('2024-02-30', 'ko')).toBe('2024-02-30');
    expect(dateInputValue('', 'ko')).toBe('');
  });

  it('is what every date field accepts: stored as YYYY-MM-DD, refused with invalid_date', () => {
    expect(isoDateString.parse('2024. 6. 30.')).toBe('2024-06-30');
    expect(isoDateString.parse('2024-06-30')).toBe('2024-06-30');
    const bad = isoDateString.safeParse('2024. 2. 30.');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('invalid_date');
    expect(isoDateString.safeParse(20240630).error?.issues[0]?.message).toBe('invalid_date');
  });
});
