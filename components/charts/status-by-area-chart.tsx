'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';

export interface AreaBar {
  label: string;
  counts: Record<Status, number>;
  hrefs: Record<Status, string>;
}

/** One stacked bar per area, one segment per status; a click opens the list behind the segment. */
export function StatusByAreaChart({ data }: { data: AreaBar[] }) {
  const t = useTranslations('status');
  const router = useRouter();
  const rows = data.map((d) => ({ label: d.label, ...d.counts, hrefs: d.hrefs }));
  return (
    <BarChart data={rows} layout="vertical" responsive style={{ width: '100%', height: '100%' }} margin={{ left: 8, right: 16 }}>
      <CartesianGrid horizontal={false} />
      <XAxis type="number" allowDecimals={false} />
      <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
      <Tooltip />
      <Legend />
      {STATUSES.map((s) => (
        <Bar
          key={s}
          dataKey={s}
          name={t(s)}
          stackId="status"
          className={`bar-${s}`}
          fill={STATUS_COLORS[s]}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(entry: { payload?: { hrefs?: Record<Status, string> } }) => {
            const href = entry.payload?.hrefs?.[s];
            if (href) router.push(href);
          }}
        />
      ))}
    </BarChart>
  );
}
