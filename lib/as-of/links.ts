import { filterQueryString, type CommitmentFilter } from '@/lib/commitments/filters';
import type { AsOfScope } from './scope';

/**
 * The commitments list filtered to exactly what a figure of the as-of view counts: the same scope, the
 * same as-of date (left out when it is today), plus the figure's own condition.
 */
export function drillDownHref(scope: AsOfScope, asOf: string, today: string, extra: Partial<CommitmentFilter>): string {
  return `/commitments${filterQueryString({ ...scope, ...(asOf < today ? { asOf } : {}), ...extra })}`;
}
