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
