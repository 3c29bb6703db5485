import { getTranslations } from 'next-intl/server';

interface Props {
  id: string;
  title: string;
  caption: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  /** Said under the chart, outside the hidden drawing: what the chart leaves out, for example. */
  note?: React.ReactNode;
}

/**
 * A chart with its title, a one-line caption, and the same numbers as a table for everyone. The
 * chart, drawn on the server, is for the eye only: hidden from assistive technology and never
 * focused; the table (with the same links) is the route for keyboards and screen readers.
 */
export async function ChartCard({ id, title, caption, chart, table, note }: Props) {
  const t = await getTranslations('dashboard');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted card__caption">{caption}</p>
      <div className="chart-card__chart" aria-hidden="true">
        {chart}
      </div>
      {note}
      <details className="card__table">
        <summary>{t('showTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}
