import type { Locale } from '@/lib/i18n/config';

/**
 * The Korean short names officials use for agencies (GLOSSARY.md): 과기정통부, not
 * 과학기술정보통신부. Agencies without one here go by their Korean name.
 */
export const KOREAN_SHORT_NAMES: Readonly<Record<string, string>> = {
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

/** How an agency is named in running text: its Korean short name on Korean screens, its acronym on English ones. */
export function agencyShortName(agency: { code: string; nameKo: string }, locale: Locale): string {
  return locale === 'ko' ? (KOREAN_SHORT_NAMES[agency.code] ?? agency.nameKo) : agency.code;
}
