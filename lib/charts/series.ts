import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { DUE_CATEGORIES, DUE_COLORS, type DueCategory } from '@/lib/dashboard/due-categories';

export interface SeriesSpec<K extends string> {
  key: K;
  label: string;
  color: string;
}

/** The status series in STATUSES order, for stacking and legend alike, whatever the language. */
export function statusSeries(labels: Record<Status, string>): SeriesSpec<Status>[] {
  return STATUSES.map((s) => ({ key: s, label: labels[s], color: STATUS_COLORS[s] }));
}

/** The due timeline's series in DUE_CATEGORIES order. */
export function dueSeries(labels: Record<DueCategory, string>): SeriesSpec<DueCategory>[] {
  return DUE_CATEGORIES.map((c) => ({ key: c, label: labels[c], color: DUE_COLORS[c] }));
}

/** Burn-up colours (Okabe–Ito): vermillion for what has fallen due, bluish green for what of it is completed. */
export const BURNUP_COLORS = { due: '#d55e00', completedOfDue: '#009e73' } as const;
/** Mean progress (Okabe–Ito reddish purple); charts darken it to an edge that stands 3:1. */
export const MEAN_PROGRESS_COLOR = '#cc79a7';
