import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import { loadCommitmentScope } from './scope';

export interface UpdatingAgency {
  code: string;
  nameKo: string;
  shortNameKo: string | null;
  nameEn: string;
}

/**
 * The agencies whose officials the policy lets record updates on a commitment, the lead first and
 * then by code: what a viewer who may not is told. Asked of `can()` itself, so it names exactly
 * whom the rules allow.
 */
export function agenciesThatMayUpdate(code: string, db: Db = getDb()): UpdatingAgency[] {
  const scope = loadCommitmentScope(db, code);
  if (!scope) return [];
  const ids = [scope.leadAgencyId, ...scope.partnerAgencyIds];
  const rows = db.select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn }).from(agencies).where(inArray(agencies.id, ids)).all();
  return rows
    .filter((a) => can({ role: 'official', agencyId: a.id, active: true }, 'commitment.updateStatus', scope))
    .sort((a, b) => Number(b.id === scope.leadAgencyId) - Number(a.id === scope.leadAgencyId) || a.code.localeCompare(b.code))
    .map(({ code: c, nameKo, shortNameKo, nameEn }) => ({ code: c, nameKo, shortNameKo, nameEn }));
}
