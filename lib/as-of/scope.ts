import 'server-only';
import { eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { agencies, areas, commitmentPartners, commitments, dialogues } from '@/db/schema';
import type { CommitmentFilter } from '@/lib/commitments/filters';

/** Who and what a view covers: a dialogue, an area, an agency (lead or partner), the lead's country. */
export type AsOfScope = Pick<CommitmentFilter, 'dialogue' | 'area' | 'agency' | 'country'>;

const idOf = (table: typeof dialogues | typeof areas | typeof agencies, code: string) => sql`(select ${table.id} from ${table} where ${table.code} = ${code})`;

/** Conditions on who/what a commitment is (not its state): shared by the list and the counts. */
export function scopeConditions(f: Partial<CommitmentFilter>): SQL[] {
  const where: SQL[] = [];
  if (!f.archived) where.push(isNull(commitments.archivedAt));
  if (f.dialogue) where.push(eq(commitments.dialogueId, idOf(dialogues, f.dialogue)));
  if (f.area) where.push(eq(commitments.areaId, idOf(areas, f.area)));
  if (f.agency) {
    const agencyId = idOf(agencies, f.agency);
    const partner = sql`select 1 from ${commitmentPartners} where ${commitmentPartners.commitmentId} = ${commitments.id} and ${commitmentPartners.agencyId} = ${agencyId}`;
    where.push(or(eq(commitments.leadAgencyId, agencyId), sql`exists (${partner})`)!);
  }
  if (f.lead) where.push(eq(commitments.leadAgencyId, idOf(agencies, f.lead)));
  if (f.country) where.push(sql`${commitments.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.country} = ${f.country})`);
  return where;
}

/** A commitment exists on a date from its adoption (its dialogue's date) on; before, it is in no figure or list. */
export const existsOn = (date: string): SQL => sql`${commitments.adoptedOn} <= ${date}`;
