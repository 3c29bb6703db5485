import { z } from 'zod';
import { normalizeDateInput } from '@/lib/format/date-input';
import { isIsoDate, MIN_YEAR } from '@/lib/periods/dates';
import { parseQuarter } from '@/lib/periods/quarters';
import { STATUSES } from './vocabulary';

/** Claims at the list's date: awaiting the other side, awaiting it for over 30 days, or disputed (lib/claims/state.ts). */
export const CONFIRMATION_FILTERS = ['pending', 'pending_overdue', 'disputed'] as const;
/** Analysts' verdict for the list date's quarter (lib/assessments): +1, 0, -1, or not assessed that quarter. */
export const VERDICT_FILTERS = ['1', '0', '-1', 'none'] as const;

export const SORT_KEYS = ['code', 'due', 'status', 'progress', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

const code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid_code' });
const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

/** `due=none`: the commitments with no deadline (ongoing, or a due period with no end). */
export const NO_DEADLINE = 'none';

/** A year ("2024") or a quarter ("2024-Q1"): the period a commitment falls due in; or `none`, no deadline. */
const duePeriod = z
  .string()
  .trim()
  .transform((v) => (v.toLowerCase() === NO_DEADLINE ? NO_DEADLINE : v.toUpperCase()))
  .refine((v) => v === NO_DEADLINE || (/^\d{4}$/.test(v) && Number(v) >= MIN_YEAR) || parseQuarter(v) !== null, { message: 'invalid_period' });

/** Filters shared by the commitments page, the JSON API and (later) the dashboard. */
export const CommitmentFilterInput = z.object({
  dialogue: code.toUpperCase().optional(),
  area: code.toUpperCase().optional(),
  agency: code.toUpperCase().optional(),
  /** Lead agency only (the dashboard's per-agency counts drill down with this). */
  lead: code.toUpperCase().optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: 'invalid_country' }).optional(),
  status: z.array(z.enum(STATUSES, { message: 'invalid_status' })).optional(),
  due: duePeriod.optional(),
  /** Only commitments due on or before this date (the burn-up's drill-down). */
  dueBy: z.string().trim().refine(isIsoDate, { message: 'invalid_date' }).optional(),
  /** true: only overdue; false: only not overdue. */
  overdue: flag.optional(),
  /** Status and overdue are judged as they stood at the end of this date (history by effective date). */
  asOf: z.preprocess(normalizeDateInput, z.string().trim().refine(isIsoDate, { message: 'invalid_date' })).optional(),
  archived: flag.optional(),
  /** true: only commitments with at least one inferred assignment (lead or partner; a confirmed one is no longer inferred). */
  inferred: flag.optional(),
  confirmation: z.enum(CONFIRMATION_FILTERS, { message: 'invalid_confirmation' }).optional(),
  /** `+1` is read as `1`. */
  verdict: z
    .string()
    .trim()
    .transform((v) => (v === '+1' ? '1' : v.toLowerCase()))
    .pipe(z.enum(VERDICT_FILTERS, { message: 'invalid_verdict' }))
    .optional(),
  q: z.string().trim().max(200, { message: 'too_long' }).optional(),
  sort: z.enum(SORT_KEYS, { message: 'invalid_sort' }).default('code'),
  dir: z.enum(['asc', 'desc'], { message: 'invalid_dir' }).default('asc'),
  page: z.coerce.number({ message: 'not_a_number' }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number({ message: 'not_a_number' })
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { message: 'invalid_page_size' })
    .default(DEFAULT_PAGE_SIZE),
});
export type CommitmentFilter = z.infer<typeof CommitmentFilterInput>;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** Query parameters → raw object for the schema: empty values dropped, `status` may repeat or be comma-separated. */
export function filterParams(params: Params): Record<string, unknown> {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : v === undefined ? [] : [[k, v] as [string, string]]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (v.trim() === '') continue;
    if (k === 'status') out.status = [...((out.status as string[]) ?? []), ...v.split(',').map((s) => s.trim()).filter(Boolean)];
    else out[k] = v;
  }
  return out;
}

/** Lenient parse for pages: invalid parameters are dropped rather than failing the page. */
export function parseFiltersLeniently(params: Params): CommitmentFilter {
  return parseFiltersReportingErrors(params).filter;
}

/** The lenient parse, with the names of the parameters it dropped, so a page can say so. */
export function parseFiltersReportingErrors(params: Params): { filter: CommitmentFilter; invalid: string[] } {
  const raw = filterParams(params);
  const result = CommitmentFilterInput.safeParse(raw);
  if (result.success) return { filter: result.data, invalid: [] };
  const bad = new Set(result.error.issues.map((i) => String(i.path[0])));
  return { filter: CommitmentFilterInput.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)))), invalid: [...bad] };
}

/** The filter back to a query string, leaving out defaults, so URLs stay short and shareable. */
export function filterQueryString(f: Partial<CommitmentFilter>, overrides: Partial<CommitmentFilter> = {}): string {
  const merged = { ...f, ...overrides };
  const p = new URLSearchParams();
  for (const key of ['dialogue', 'area', 'agency', 'lead', 'country', 'due', 'dueBy', 'confirmation', 'verdict', 'q', 'asOf'] as const) {
    const v = merged[key];
    if (v) p.set(key, v);
  }
  for (const s of merged.status ?? []) p.append('status', s);
  if (merged.overdue !== undefined) p.set('overdue', merged.overdue ? '1' : '0');
  if (merged.archived) p.set('archived', '1');
  if (merged.inferred) p.set('inferred', '1');
  if (merged.sort && merged.sort !== 'code') p.set('sort', merged.sort);
  if (merged.dir && merged.dir !== 'asc') p.set('dir', merged.dir);
  if (merged.page && merged.page > 1) p.set('page', String(merged.page));
  if (merged.pageSize && merged.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(merged.pageSize));
  const s = p.toString();
  return s ? `?${s}` : '';
}
