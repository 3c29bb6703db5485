import { useLocale, useTranslations } from 'next-intl';
import type { AssignmentBasis } from '@/lib/commitments/basis';
import { localized, type Locale } from '@/lib/i18n/config';
import { BasisMarker } from './basis-marker';
import { formatDate } from '@/lib/format/datetime';

/**
 * The marker after an agency on the commitment page: stated (its tip quotes the naming words),
 * inferred (its tip gives the reason, in the page's language) or confirmed (who and when, shown
 * beside it with the evidence link, and its description).
 */
export function AssignmentBasisMarker({ basis, agencyCode, context }: { basis: AssignmentBasis; agencyCode: string; context: string }) {
  const t = useTranslations('basis');
  const locale = useLocale();
    const label = t(basis.basis);

  if (basis.basis === 'confirmed' && basis.confirmation) {
    const { by, on, evidenceUrl } = basis.confirmation;
    const id = `basis-confirmation-${agencyCode}`;
    const date = formatDate(on, locale as Locale);
    return (
      <>
        <BasisMarker basis="confirmed" label={label} context={context} describedBy={id} />{' '}
        <span id={id} className="basis__confirmation">
          {t('confirmedBy', { by, date })}
          {evidenceUrl && (
            <>
              {' · '}
              <a href={evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                {t('evidence')}
              </a>
            </>
          )}
        </span>
      </>
    );
  }
  const tip =
    basis.basis === 'stated'
      ? basis.quote
        ? t('statedTip', { words: basis.quote })
        : t('statedNoWords')
      : basis.reason
        ? t('inferredTip', { reason: localized(locale, basis.reason) })
        : t('noReason');
  return <BasisMarker basis={basis.basis} label={label} context={context} tip={tip} />;
}
