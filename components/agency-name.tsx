import { useLocale } from 'next-intl';
import { localized } from '@/lib/i18n/config';

interface AgencyLike {
  code: string;
  nameKo: string;
  nameEn: string;
}

/** The acronym, with the full name in the reader's language as its accessible expansion. */
export function AgencyName({ agency }: { agency: AgencyLike }) {
  const locale = useLocale();
  const name = localized(locale, { ko: agency.nameKo, en: agency.nameEn });
  return (
    <abbr title={name} className="agency">
      {agency.code}
    </abbr>
  );
}
