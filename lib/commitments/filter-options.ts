import 'server-only';
import { asc, isNotNull } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitments, dialogues } from '@/db/schema';
import { formatQuarter, quarterOf } from '@/lib/periods/quarters';

/** Choices for the filter controls, read once per page. */
export function getFilterOptions({ duePeriods: withDuePeriods = true }: { duePeriods?: boolean } = {}, db: Db = getDb()) {
  const dialogueList = db
    .select({ code: dialogues.code, nameKo: dialogues.nameKo, nameEn: dialogues.nameEn })
    .from(dialogues)
    .orderBy(asc(dialogues.heldOn))
    .all();
  const areaList = db.select({ code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).orderBy(asc(areas.sortOrder)).all();
  const agencyList = db
    .select({ code: agencies.code, nameKo: agencies.nameKo, nameEn: agencies.nameEn, country: agencies.country })
    .from(agencies)
    .orderBy(asc(agencies.code))
    .all();
  const countries = [...new Set(agencyList.map((a) => a.country))].sort();
  // Distinct due dates straight from their index (period ends are few), then quarters in JS.
  if (!withDuePeriods) return { dialogues: dialogueList, areas: areaList, agencies: agencyList, countries, duePeriods: [] as string[] };
  const dueEnds = db.selectDistinct({ d: commitments.dueEnd }).from(commitments).where(isNotNull(commitments.dueEnd)).all();
  const quarters = [...new Set(dueEnds.map((r) => formatQuarter(quarterOf(r.d!))))].sort();
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
  const duePeriods = years.flatMap((y) => [y, ...quarters.filter((q) => q.startsWith(y))]);
  return { dialogues: dialogueList, areas: areaList, agencies: agencyList, countries, duePeriods };
}

export type FilterOptions = ReturnType<typeof getFilterOptions>;
