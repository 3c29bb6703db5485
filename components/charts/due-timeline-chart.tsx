'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { DUE_CATEGORIES, DUE_COLORS, type DueCategory } from '@/lib/dashboard/due-categories';


export interface DueBar {
  quarter: string;
  values: Record<DueCategory, number>;
  hrefs: Record<DueCategory, string>;
}

/** Commitments falling due per quarter, split by where they stand. */
export function DueTimelineChart({ data }: { data: DueBar[] }) {
  const t = useTranslations('dashboard.due');
  const router = useRouter();
  const rows = data.map((d) => ({ quarter: d.quarter, ...d.values, hrefs: d.hrefs }));
  return (
    <BarChart data={rows} responsive style={{ width: '100%', height: '100%' }}>
      <CartesianGrid vertical={false} />
      <XAxis dataKey="quarter" tick={{ fontSize: 12 }} />
      <YAxis allowDecimals={false} width={40} />
      <Tooltip />
      <Legend />
      {DUE_CATEGORIES.map((c) => (
        <Bar
          key={c}
          dataKey={c}
          name={t(c)}
          stackId="due"
          className={`bar-${c}`}
          fill={DUE_COLORS[c]}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(entry: { payload?: { hrefs?: Record<DueCategory, string> } }) => {
            const href = entry.payload?.hrefs?.[c];
            if (href) router.push(href);
          }}
        />
      ))}
    </BarChart>
  );
}
