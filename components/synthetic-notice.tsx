import { useTranslations } from 'next-intl';
import { SyntheticBadge } from './synthetic-badge';

/** Says that a page's figures or rows include the synthetic sample dialogue (demo mode). */
export function SyntheticNotice() {
  const t = useTranslations('synthetic');
  return (
    <p className="notice notice--info synthetic-notice">
      {/* The sentence says it all; the badge only repeats it for the eye. */}
      <span aria-hidden="true">
        <SyntheticBadge />
      </span>{' '}
      {t('inScope')}
    </p>
  );
}
