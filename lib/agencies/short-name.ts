import type { Locale } from '@/lib/i18n/config';

/** What it takes to name an agency in either language (GLOSSARY.md). */
export interface AgencyNames {
  code: string;
  nameKo: string;
  nameEn: string;
  /** The Korean short name officials use (과기정통부 for 과학기술정보통신부); null when the Korean name is short already. */
  shortNameKo: string | null;
}

/** How an agency is named in running text: its Korean short name on Korean screens, its acronym on English ones. */
export function agencyShortName(agency: Pick<AgencyNames, 'code' | 'nameKo' | 'shortNameKo'>, locale: Locale): string {
  return locale === 'ko' ? (agency.shortNameKo ?? agency.nameKo) : agency.code;
}

/** The agency's full name in the reader's language. */
export function agencyFullName(agency: Pick<AgencyNames, 'nameKo' | 'nameEn'>, locale: Locale): string {
  return locale === 'ko' ? agency.nameKo : agency.nameEn;
}

/** A choice in a list of agencies: `과기정통부 (과학기술정보통신부)` / `MSIT — Ministry of Science and ICT`; the short name alone when it is the full one. */
export function agencyChoiceLabel(agency: AgencyNames, locale: Locale): string {
  const short = agencyShortName(agency, locale);
  const full = agencyFullName(agency, locale);
  if (short === full) return short;
  return locale === 'ko' ? `${short}(${full})` : `${short} — ${full}`;
}

/** Agencies as the choices of a select: `[code, label]`, in the reader's alphabetical order of what they read (가나다 / A–Z). */
export function agencyChoices(agencies: readonly AgencyNames[], locale: Locale): [string, string][] {
  const collator = new Intl.Collator(locale);
  return agencies.map((a) => [a.code, agencyChoiceLabel(a, locale)] as [string, string]).sort((x, y) => collator.compare(x[1], y[1]));
}

/**
 * The glossary's short names by code, as migration 0020 backfilled them: for reports issued before
 * agencies carried a short name (their frozen data has none), so old and new reports name agencies alike.
 */
export const GLOSSARY_SHORT_NAMES: Readonly<Record<string, string>> = {
  MSIT: '과기정통부',
  MOTIE: '산업부',
  MOHW: '복지부',
  MOFA: '외교부',
  NSO: '안보실',
  KATS: '국표원',
  KRISS: '표준연',
  KESCO: '한국전기안전공사',
  DOS: '미 국무부',
  DOC: '미 상무부',
  DOE: '미 에너지부',
  NSF: 'NSF',
  NIH: 'NIH',
  NIST: 'NIST',
  PNNL: 'PNNL',
};
