import { useLocale } from 'next-intl';
import { agencyFullName, agencyShortName, type AgencyNames } from '@/lib/agencies/short-name';
import type { Locale } from '@/lib/i18n/config';

/**
 * An agency as people name it (GLOSSARY.md): the Korean short name on Korean screens (과기정통부),
 * the acronym on English ones (MSIT), with the full name on hover and on keyboard focus.
 */
export function AgencyName({ agency }: { agency: AgencyNames }) {
  const locale = useLocale() as Locale;
  const short = agencyShortName(agency, locale);
  const full = agencyFullName(agency, locale);
  if (short === full) return <span className="agency">{short}</span>;
  return (
    <abbr title={full} className="agency" tabIndex={0} data-full={full}>
      {short}
    </abbr>
  );
}

/**
 * An agency named in full where there is room (a commitment's own page): `과기정통부(과학기술정보통신부)`
 * on Korean screens, `MSIT Ministry of Science and ICT` on English ones.
 */
export function AgencyWithName({ agency }: { agency: AgencyNames }) {
  const locale = useLocale() as Locale;
  const short = agencyShortName(agency, locale);
  const full = agencyFullName(agency, locale);
  if (short === full) return <span className="agency">{short}</span>;
  if (locale === 'ko') return <span className="agency">{`${short}(${full})`}</span>;
  return (
    <>
      <AgencyName agency={agency} /> {full}
    </>
  );
}
