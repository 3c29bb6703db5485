import type { AsOfScope } from '@/lib/as-of/scope';
import type { CommitmentFilter } from '@/lib/commitments/filters';

/**
 * Filters in force on the list, for the phone's "Filters (n active)" button: each parameter counts
 * once (three statuses are one filter); sorting is no filter; an as-of date counts when it is past.
 */
export function listFilterCount(f: CommitmentFilter, today: string): number {
  const set = [f.q, f.dialogue, f.area, f.agency, f.lead, f.country, f.due, f.confirmation, f.verdict, f.status?.length, f.overdue !== undefined, f.archived, f.inferred, f.asOf && f.asOf < today];
  return set.filter(Boolean).length;
}

/** The same for the dashboard: its scope and a past as-of date. */
export function dashboardFilterCount(scope: AsOfScope, asOf: string, today: string): number {
  return [scope.dialogue, scope.area, scope.agency, scope.country, asOf < today].filter(Boolean).length;
}
