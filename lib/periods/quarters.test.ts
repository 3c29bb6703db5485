import { describe, expect, it } from 'vitest';
import {
  formatQuarter,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterOf,
  quarterRange,
  quartersBetween,
} from './quarters';

describe('quarters', () => {
  it('finds the quarter of a date at each boundary', () => {
    expect(quarterOf('2024-01-01')).toEqual({ year: 2024, quarter: 1 });
    expect(quarterOf('2024-03-31')).toEqual({ year: 2024, quarter: 1 });
    expect(quarterOf('2024-04-01')).toEqual({ year: 2024, quarter: 2 });
    expect(quarterOf('2024-12-31')).toEqual({ year: 2024, quarter: 4 });
  });

  it('rejects a date that does not exist', () => {
    expect(() => quarterOf('2023-02-29')).toThrow(RangeError);
  });

  it('gives each quarter its first and last day', () => {
    expect(quarterRange({ year: 2024, quarter: 1 })).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterRange({ year: 2024, quarter: 2 })).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(quarterRange({ year: 2023, quarter: 4 })).toEqual({ start: '2023-10-01', end: '2023-12-31' });
  });

  it('parses and formats quarter keys such as 2024-Q1', () => {
    expect(parseQuarter('2024-Q1')).toEqual({ year: 2024, quarter: 1 });
    expect(parseQuarter('2024-q4')).toEqual({ year: 2024, quarter: 4 });
    expect(parseQuarter('2024-Q0')).toBeNull();
    expect(parseQuarter('2024')).toBeNull();
    expect(formatQuarter({ year: 2025, quarter: 3 })).toBe('2025-Q3');
  });

  it('steps across year boundaries', () => {
    expect(previousQuarter({ year: 2024, quarter: 1 })).toEqual({ year: 2023, quarter: 4 });
    expect(nextQuarter({ year: 2023, quarter: 4 })).toEqual({ year: 2024, quarter: 1 });
    expect(quartersBetween({ year: 2023, quarter: 4 }, { year: 2024, quarter: 2 }).map(formatQuarter)).toEqual([
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
    ]);
  });
});

describe('parseQuarter on odd input', () => {
  it('refuses quarters outside 1–4, years before 1900 and anything else', () => {
    for (const v of ['2024-Q0', '2024-Q5', '1899-Q1', '0000-Q1', '0100-Q1', '-1-Q1', '10000-Q1', '2024Q1', '2024-Q', 'Q1-2024', '', '%00', '../', '２０２４-Q1', 'x'.repeat(5000)]) {
      expect(parseQuarter(v), v).toBeNull();
    }
    expect(parseQuarter(['2024-Q1'] as never)).toBeNull();
  });

  it('accepts 1900-Q1 onwards and reaches back to the quarter before it', () => {
    expect(parseQuarter('1900-Q1')).toEqual({ year: 1900, quarter: 1 });
    expect(parseQuarter(' 2024-q2 ')).toEqual({ year: 2024, quarter: 2 });
    expect(quarterRange(previousQuarter({ year: 1900, quarter: 1 }))).toEqual({ start: '1899-10-01', end: '1899-12-31' });
    expect(quarterOf('1899-12-31')).toEqual({ year: 1899, quarter: 4 });
  });
});
