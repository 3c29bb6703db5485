import { statusSeries } from '@/lib/charts/series';
import type { Status } from '@/lib/commitments/vocabulary';
import { HorizontalBars } from './horizontal-bars';

export interface AreaBar {
  key: string;
  label: string;
  counts: Record<Status, number>;
  hrefs: Record<Status, string>;
}

/** One stacked bar per area, one segment per status; a click opens the list behind the segment. */
export function StatusByAreaChart({ data, statusLabels }: { data: AreaBar[]; statusLabels: Record<Status, string> }) {
  return <HorizontalBars series={statusSeries(statusLabels)} rows={data.map((d) => ({ key: d.key, label: d.label, values: d.counts, hrefs: d.hrefs }))} />;
}
