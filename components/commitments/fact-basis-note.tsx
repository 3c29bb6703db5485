import { useLocale, useTranslations } from 'next-intl';
import type { FactBasis } from '@/lib/commitments/basis';
import { localized } from '@/lib/i18n/config';

/**
 * Where a due period or a target was read from, beside it: the source's phrase (in Korean, as the
 * source has it), "no time stated", or the reason it was inferred.
 */
export function FactBasisNote({ basis }: { basis: FactBasis<'stated' | 'inferred' | 'not_stated'> }) {
  const t = useTranslations('basis');
  const locale = useLocale();
  if (basis.basis === 'not_stated') return <span className="fact-basis">({t('notStated')})</span>;
  if (basis.basis === 'inferred') {
    return (
      <span className="fact-basis">
        ({t('factInferred', { reason: basis.reason ? localized(locale, basis.reason) : t('noReason') })})
      </span>
    );
  }
  if (!basis.quote) return null;
  return (
    <span className="fact-basis">
      ({t('sourceLabel')}: “<span lang="ko">{basis.quote}</span>”)
    </span>
  );
}
