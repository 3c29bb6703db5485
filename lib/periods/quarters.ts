import { isCalendarDate, isoDate, MIN_YEAR, monthEnd } from './dates';

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface DateRange {
  start: string;
  end: string;
}

const QUARTER_SPEC = /^(\d{4})-Q([1-4])$/;

/** "2024-Q1" → { year: 2024, quarter: 1 }; null for anything else, a year before MIN_YEAR included. */
export function parseQuarter(value: string): Quarter | null {
  if (typeof value !== 'string') return null;
  const m = QUARTER_SPEC.exec(value.trim().toUpperCase());
  if (!m || Number(m[1]) < MIN_YEAR) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** The quarter an ISO date falls in. */
export function quarterOf(date: string): Quarter {
  if (!isCalendarDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

export function quarterRange(q: Quarter): DateRange {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  return { start: isoDate(q.year, firstMonth, 1), end: monthEnd(q.year, firstMonth + 2) };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4
    ? { year: q.year + 1, quarter: 1 }
    : { year: q.year, quarter: (q.quarter + 1) as Quarter['quarter'] };
}

/** Quarters from `from` to `to` inclusive, oldest first. */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = from; q.year * 4 + q.quarter <= to.year * 4 + to.quarter; q = nextQuarter(q)) out.push(q);
  return out;
}
