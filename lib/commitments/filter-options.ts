import 'server-only';
import { asc, isNotNull, isNull } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitments, dialogues } from '@/db/schema';
import { quarterLabel } from '@/lib/format/quarters';
import type { Locale } from '@/lib/i18n/config';
import { formatQuarter, quarterOf } from '@/lib/periods/quarters';
import { NO_DEADLINE } from './filters';

/** Choices for the filter controls, read once per page. */
export function getFilterOptions({ duePeriods: withDuePeriods = true }: { duePeriods?: boolean } = {}, db: Db = getDb()) {
  const dialogueList = db
    .select({ code: dialogues.code, nameKo: dialogues.nameKo, nameEn: dialogues.nameEn })
    .from(dialogues)
    .orderBy(asc(dialogues.heldOn))
    .all();
  const areaList = db.select({ code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).orderBy(asc(areas.sortOrder)).all();
  const agencyList = db
    .select({ code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country })
    .from(agencies)
    .orderBy(asc(agencies.code))
    .all();
  const countries = [...new Set(agencyList.map((a) => a.country))].sort();
  // Distinct due dates straight from their index (period ends are few), then quarters in JS.
  if (!withDuePeriods) return { dialogues: dialogueList, areas: areaList, agencies: agencyList, countries, duePeriods: [] as string[] };
  const dueEnds = db.selectDistinct({ d: commitments.dueEnd }).from(commitments).where(isNotNull(commitments.dueEnd)).all();
  const quarters = [...new Set(dueEnds.map((r) => formatQuarter(quarterOf(r.d!))))].sort();
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
  // Then "no deadline", when any commitment has none.
  const undated = db.select({ id: commitments.id }).from(commitments).where(isNull(commitments.dueEnd)).limit(1).get() !== undefined;
  const duePeriods = [...years.flatMap((y) => [y, ...quarters.filter((q) => q.startsWith(y))]), ...(undated ? [NO_DEADLINE] : [])];
  return { dialogues: dialogueList, areas: areaList, agencies: agencyList, countries, duePeriods };
}

/**
 * A due-period choice as people read it: a quarter "2024년 2분기" / "Q2 2024", a year "2024년" /
 * "2024", and `none` as `noDeadline` (the caller's word for it). The value stays the URL's.
 */
export function duePeriodLabel(value: string, locale: Locale | string, noDeadline: string): string {
  if (value === NO_DEADLINE) return noDeadline;
  if (/^\d{4}$/.test(value)) return locale === 'ko' ? `${value}년` : value;
  return quarterLabel(value, locale === 'ko' ? 'ko' : 'en');
}

export type FilterOptions = ReturnType<typeof getFilterOptions>;
