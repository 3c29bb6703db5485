import { getTranslations } from 'next-intl/server';
import { ChartFrame } from '@/components/charts/chart-frame';

interface Props {
  id: string;
  title: string;
  caption: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  height?: number;
}

/** A chart with its title, a one-line caption, and the same numbers as a table for everyone. */
export async function ChartCard({ id, title, caption, chart, table, height }: Props) {
  const t = await getTranslations('dashboard');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted card__caption">{caption}</p>
      <div aria-hidden="true">
        <ChartFrame height={height}>{chart}</ChartFrame>
      </div>
      <details className="card__table">
        <summary>{t('showTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}
