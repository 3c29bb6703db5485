import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AsOfView } from '@/lib/as-of/view';

const PENDING_COLOR = '#0b4f8a';
const DISPUTED_COLOR = '#b3261e';
/** The figure's box without a link of its own: the pending figure holds two links, which cannot nest. */
const plain = { color: 'inherit', textDecoration: 'none', display: 'grid', gap: '0.15rem' } as const;

/**
 * Claims standing at the dashboard's date (its links carry the date and scope): awaiting the other
 * side's confirmation, with those waiting over 30 days as a link of their own, and disputed ones.
 * List items of the headline figures' list.
 */
export async function ClaimFigures({ claims }: { claims: AsOfView['claims'] }) {
  const t = await getTranslations('dashboard.claims');
  return (
    <>
      <li className="figure" style={{ '--figure-color': PENDING_COLOR } as React.CSSProperties}>
        <div className="figure__link">
          <Link href={claims.links.pending} style={plain} data-figure="pending">
            <span className="figure__label">{t('pending')}</span>
            <span className="figure__value">{claims.pending}</span>
          </Link>
          <Link href={claims.links.pendingOverdue} className="figure__note" data-figure="pendingOverdue">
            {t('pendingOverdue', { count: claims.pendingOverdue })}
          </Link>
        </div>
      </li>
      <li className="figure" style={{ '--figure-color': DISPUTED_COLOR } as React.CSSProperties}>
        <Link href={claims.links.disputed} className="figure__link" data-figure="disputed">
          <span className="figure__label">{t('disputed')}</span>
          <span className="figure__value">{claims.disputed}</span>
        </Link>
      </li>
    </>
  );
}
