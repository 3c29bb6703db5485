import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AsOfView } from '@/lib/as-of/view';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { ClaimFigures } from './claim-figures';
import { formatDate } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/config';

interface Props {
  view: Pick<AsOfView, 'headline' | 'previous' | 'previousQuarterEnd' | 'links' | 'claims'>;
}

/** Headline counts, each linking to its list, with the change since the previous quarter's end; then the claims standing at the date. */
export async function HeadlineFigures({ view: d }: Props) {
  const [t, locale] = [await getTranslations(), await getLocale()];
  const since = formatDate(d.previousQuarterEnd, locale as Locale);
  const change = (now: number, before: number) => {
    const diff = now - before;
    return diff === 0 ? t('dashboard.figures.noChange', { date: since }) : t('dashboard.figures.change', { sign: diff > 0 ? 'up' : 'down', count: Math.abs(diff), date: since });
  };
  const share = d.headline.total ? Math.round((d.headline.counts.completed / d.headline.total) * 1000) / 10 : 0;
  const figures = [
    { key: 'total', label: t('dashboard.figures.total'), value: d.headline.total, before: d.previous.total, link: d.links.total, color: '#0b4f8a' },
    // The statuses in the glossary's order (STATUSES), as in every table, legend and export; then what is overdue.
    ...STATUSES.map((s) => ({ key: s, label: t(`status.${s}`), value: d.headline.counts[s], before: d.previous.counts[s], link: d.links[s], color: STATUS_COLORS[s] })),
    { key: 'overdue', label: t('dashboard.figures.overdue'), value: d.headline.overdue, before: d.previous.overdue, link: d.links.overdue, color: '#b3261e' },
  ];
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title" className="visually-hidden">
        {t('dashboard.figures.title')}
      </h2>
      <ul className="figures">
        {figures.map((f) => (
          <li key={f.key} className="figure" style={{ '--figure-color': f.color } as React.CSSProperties}>
            <Link href={f.link} className="figure__link" data-figure={f.key}>
              <span className="figure__label">{f.label}</span>
              <span className="figure__value">{f.value}</span>
              {f.key === 'completed' && <span className="figure__note">{t('dashboard.figures.completedShare', { share })}</span>}
              <span className="figure__change">{change(f.value, f.before)}</span>
            </Link>
          </li>
        ))}
        <ClaimFigures claims={d.claims} />
      </ul>
    </section>
  );
}
