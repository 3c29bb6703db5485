import { filterQueryString, type CommitmentFilter } from '@/lib/commitments/filters';
import type { DashboardScope } from './queries';

/**
 * The commitments list filtered to exactly what a dashboard figure counts: the same scope, the
 * same as-of date (left out when it is today), plus the figure's own condition.
 */
export function drillDownHref(scope: DashboardScope, asOf: string, today: string, extra: Partial<CommitmentFilter>): string {
  return `/commitments${filterQueryString({ ...scope, ...(asOf < today ? { asOf } : {}), ...extra })}`;
}
