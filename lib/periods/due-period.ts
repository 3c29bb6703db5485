import { isClosed, type Status } from '@/lib/commitments/vocabulary';
import { isIsoDate, isoDate, MIN_YEAR, monthEnd } from './dates';
import { quarterRange, type DateRange } from './quarters';

/**
 * A due period is stored as a canonical spec string; start and end are derived from it.
 *
 * Specs: `2024` (year), `2024-H1` (half), `2024-Q3` (quarter), `2024-05` (month),
 * `2024-05-31` (exact date), `early-2024` / `mid-2024` / `late-2024` (a third of the year:
 * early = January–April, mid = May–August, late = September–December; so "early 2024",
 * the article's 내년 초, ends on 30 April 2024), and `ongoing` (no deadline, never overdue).
 */
export const DUE_PRECISIONS = ['day', 'month', 'quarter', 'part', 'half', 'year', 'none'] as const;
export type DuePrecision = (typeof DUE_PRECISIONS)[number];

export const YEAR_PARTS = ['early', 'mid', 'late'] as const;
export type YearPart = (typeof YEAR_PARTS)[number];

const PART_MONTHS: Record<YearPart, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };

export interface DuePeriod {
  spec: string;
  precision: DuePrecision;
  /** First day of the period (ISO), null when ongoing. */
  start: string | null;
  /** Last day of the period (ISO), null when ongoing: the commitment is overdue after this day. */
  end: string | null;
  label: { ko: string; en: string };
}

export class DuePeriodError extends Error {}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PART_LABELS: Record<YearPart, { ko: string; en: string }> = {
  early: { ko: '초', en: 'Early' },
  mid: { ko: '중반', en: 'Mid-' },
  late: { ko: '말', en: 'Late' },
};

function period(spec: string, precision: DuePrecision, range: DateRange | null, ko: string, en: string): DuePeriod {
  return { spec, precision, start: range?.start ?? null, end: range?.end ?? null, label: { ko, en } };
}

function monthRange(year: number, first: number, last: number): DateRange {
  return { start: isoDate(year, first, 1), end: monthEnd(year, last) };
}

/** Parses a due-period spec (case-insensitive, surrounding spaces ignored). */
export function parseDuePeriod(input: string): DuePeriod {
  const spec = input.trim().toLowerCase();
  let m: RegExpExecArray | null;
  if (spec === 'ongoing' || spec === '') {
    return period('ongoing', 'none', null, '상시', 'Ongoing');
  }
  const year = /\d{4}/.exec(spec);
  if (year && Number(year[0]) < MIN_YEAR) throw new DuePeriodError(`Due period before ${MIN_YEAR}: "${input}"`);
  if ((m = /^(\d{4})$/.exec(spec))) {
    const y = Number(m[1]);
    return period(spec, 'year', monthRange(y, 1, 12), `${y}년`, `${y}`);
  }
  if ((m = /^(\d{4})-h([12])$/.exec(spec))) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return period(`${y}-H${h}`, 'half', monthRange(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12), `${y}년 ${h === 1 ? '상' : '하'}반기`, `H${h} ${y}`);
  }
  if ((m = /^(\d{4})-q([1-4])$/.exec(spec))) {
    const [y, q] = [Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4];
    return period(`${y}-Q${q}`, 'quarter', quarterRange({ year: y, quarter: q }), `${y}년 ${q}분기`, `Q${q} ${y}`);
  }
  if ((m = /^(early|mid|late)-(\d{4})$/.exec(spec))) {
    const [part, y] = [m[1] as YearPart, Number(m[2])];
    const [first, last] = PART_MONTHS[part];
    const en = part === 'mid' ? `Mid-${y}` : `${PART_LABELS[part].en} ${y}`;
    return period(spec, 'part', monthRange(y, first, last), `${y}년 ${PART_LABELS[part].ko}`, en);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(spec)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return period(spec, 'month', monthRange(y, mo, mo), `${y}년 ${mo}월`, `${EN_MONTHS[mo - 1]} ${y}`);
  }
  if (isIsoDate(spec)) {
    const [y, mo, d] = spec.split('-').map(Number) as [number, number, number];
    return period(spec, 'day', { start: spec, end: spec }, `${y}년 ${mo}월 ${d}일`, `${d} ${EN_MONTHS[mo - 1]} ${y}`);
  }
  throw new DuePeriodError(`Unknown due period: "${input}"`);
}

export function isValidDueSpec(input: string): boolean {
  try {
    parseDuePeriod(input);
    return true;
  } catch {
    return false;
  }
}

/** Derived, never stored: the period has ended before `asOf` and the commitment is still open. */
export function isOverdue(due: Pick<DuePeriod, 'end'>, status: Status, asOf: string): boolean {
  return due.end !== null && due.end < asOf && !isClosed(status);
}

/** True when the period's last day lies within the range: the commitment falls due then. */
export function fallsDueIn(due: Pick<DuePeriod, 'end'>, range: DateRange): boolean {
  return due.end !== null && due.end >= range.start && due.end <= range.end;
}
