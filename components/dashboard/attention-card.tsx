import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClaimMark } from '@/components/commitments/claim-verdict-marks';
import { StatusBadge } from '@/components/status-badge';
import type { AsOfView } from '@/lib/as-of/view';
import { localized, type Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/format/datetime';

/**
 * What needs attention (claims the sides disagree on or still awaiting confirmation marked; "no
 * entry recorded for 90 days" with the day the latest entry was recorded, and the rule said), and
 * what falls due in the next 90 days.
 */
export async function AttentionCard({ d }: { d: Pick<AsOfView, 'attention' | 'upcoming'> }) {
  const [t, locale] = [await getTranslations(), await getLocale()];
  const date = (iso: string) => formatDate(iso, locale as Locale);
  return (
    <section className="card" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('dashboard.attention.title')}</h2>
      <p className="muted card__caption">{t('dashboard.claims.attentionCaption')}</p>
      <p className="muted card__caption">{t('dashboard.attention.staleRule')}</p>
      {d.attention.length === 0 ? (
        <p>{t('dashboard.attention.none')}</p>
      ) : (
        <ul className="mini-list">
          {d.attention.map((c) => (
            <li key={c.code}>
              <Link href={`/commitments/${encodeURIComponent(c.code)}`}>
                <span className="mono">{c.code}</span> {localized(locale, { ko: c.titleKo, en: c.titleEn })}
              </Link>
              <span className="mini-list__meta">
                <StatusBadge status={c.status} overdue={c.overdue} />
                <ClaimMark claim={c.claim ? { state: c.claim } : null} />
                {c.stale && <span className="badge badge--stale">{t('dashboard.attention.stale')}</span>}
                <span className="muted">
                  {t('dashboard.attention.lastUpdate')}: {c.lastUpdate ? date(c.lastUpdate) : t('dashboard.attention.never')}
                </span>
                {c.stale && c.lastRecorded && (
                  <span className="muted">
                    {t('dashboard.attention.lastRecorded')}: {date(c.lastRecorded)}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('dashboard.due.upcomingTitle')}</h3>
      <p className="muted card__caption">{t('dashboard.due.upcomingCaption')}</p>
      {d.upcoming.length === 0 ? (
        <p>{t('dashboard.due.none')}</p>
      ) : (
        <ul className="mini-list">
          {d.upcoming.map((c) => (
            <li key={c.code}>
              <Link href={`/commitments/${encodeURIComponent(c.code)}`}>
                <span className="mono">{c.code}</span> {localized(locale, { ko: c.titleKo, en: c.titleEn })}
              </Link>
              <span className="mini-list__meta">
                <StatusBadge status={c.status} /> <span className="muted">{c.dueEnd ? date(c.dueEnd) : ''}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
