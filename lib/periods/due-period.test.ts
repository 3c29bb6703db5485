import { describe, expect, it } from 'vitest';
import { fallsDueIn, isOverdue, isValidDueSpec, parseDuePeriod } from './due-period';
import { quarterRange } from './quarters';

describe('parseDuePeriod', () => {
  it.each([
    ['2024', 'year', '2024-01-01', '2024-12-31', '2024년', '2024'],
    ['2024-H1', 'half', '2024-01-01', '2024-06-30', '2024년 상반기', 'H1 2024'],
    ['2024-h2', 'half', '2024-07-01', '2024-12-31', '2024년 하반기', 'H2 2024'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31', '2024년 1분기', 'Q1 2024'],
    ['2024-Q3', 'quarter', '2024-07-01', '2024-09-30', '2024년 3분기', 'Q3 2024'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', '2024년 2월', 'February 2024'],
    ['2023-02', 'month', '2023-02-01', '2023-02-28', '2023년 2월', 'February 2023'],
    ['2024-05-31', 'day', '2024-05-31', '2024-05-31', '2024년 5월 31일', '31 May 2024'],
    ['early-2024', 'part', '2024-01-01', '2024-04-30', '2024년 초', 'Early 2024'],
    ['mid-2024', 'part', '2024-05-01', '2024-08-31', '2024년 중반', 'Mid-2024'],
    ['late-2024', 'part', '2024-09-01', '2024-12-31', '2024년 말', 'Late 2024'],
  ])('reads %s as a %s from %s to %s', (spec, precision, start, end, ko, en) => {
    expect(parseDuePeriod(spec)).toMatchObject({ precision, start, end, label: { ko, en } });
  });

  it('normalises the spec so equal periods compare equal', () => {
    expect(parseDuePeriod(' 2024-q3 ').spec).toBe('2024-Q3');
    expect(parseDuePeriod('EARLY-2024').spec).toBe('early-2024');
  });

  it('treats ongoing as a period without an end', () => {
    expect(parseDuePeriod('ongoing')).toEqual({
      spec: 'ongoing',
      precision: 'none',
      start: null,
      end: null,
      label: { ko: '상시', en: 'Ongoing' },
    });
  });

  it('ends early 2024 on 30 April, so it falls due in the second quarter', () => {
    const early = parseDuePeriod('early-2024');
    expect(early.end).toBe('2024-04-30');
    expect(fallsDueIn(early, quarterRange({ year: 2024, quarter: 1 }))).toBe(false);
    expect(fallsDueIn(early, quarterRange({ year: 2024, quarter: 2 }))).toBe(true);
  });

  it.each(['2024-13', '2024-02-30', '2024-Q5', '2024-H3', 'soon', 'early 2024', '24', '2024-1'])(
    'rejects the malformed spec %s',
    (spec) => {
      expect(isValidDueSpec(spec)).toBe(false);
      expect(() => parseDuePeriod(spec)).toThrow(/Unknown due period/);
    },
  );
});

describe('isOverdue', () => {
  // A literal, not parseDuePeriod('2024') while collecting: a parse that throws there fails the
  // file before any test runs, and the mutation runner then counts the mutant as survived.
  const due2024 = { end: '2024-12-31' };

  it('is overdue only after the last day of the period', () => {
    expect(isOverdue(due2024, 'in_progress', '2024-12-31')).toBe(false);
    expect(isOverdue(due2024, 'in_progress', '2025-01-01')).toBe(true);
  });

  it('never counts completed or discontinued commitments', () => {
    expect(isOverdue(due2024, 'completed', '2026-01-01')).toBe(false);
    expect(isOverdue(due2024, 'discontinued', '2026-01-01')).toBe(false);
    expect(isOverdue(due2024, 'at_risk', '2026-01-01')).toBe(true);
  });

  it('never counts ongoing commitments', () => {
    expect(isOverdue(parseDuePeriod('ongoing'), 'not_started', '2099-01-01')).toBe(false);
  });
});

describe('fallsDueIn', () => {
  it('places each precision in the quarter of its last day', () => {
    const q4 = quarterRange({ year: 2024, quarter: 4 });
    expect(fallsDueIn(parseDuePeriod('2024'), q4)).toBe(true);
    expect(fallsDueIn(parseDuePeriod('2024-H2'), q4)).toBe(true);
    expect(fallsDueIn(parseDuePeriod('late-2024'), q4)).toBe(true);
    expect(fallsDueIn(parseDuePeriod('2024-10-01'), q4)).toBe(true);
    expect(fallsDueIn(parseDuePeriod('2024-H1'), q4)).toBe(false);
    expect(fallsDueIn(parseDuePeriod('ongoing'), q4)).toBe(false);
  });
});

describe('due periods on odd input', () => {
  it('refuses years before 1900 and dates that do not exist', () => {
    for (const v of ['0100', '1899', '1899-Q4', '0099-H1', 'early-0100', '0100-01', '0100-01-31', '2024-02-30', '2024-Q5', '10000', '%00', '../', 'x'.repeat(5000)]) {
      expect(isValidDueSpec(v), v).toBe(false);
    }
    expect(isValidDueSpec('1900')).toBe(true);
    expect(isValidDueSpec('1900-02-28')).toBe(true);
  });
});
