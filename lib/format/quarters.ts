import type { Locale } from '@/lib/i18n/config';
import { parseQuarter } from '@/lib/periods/quarters';

/**
 * A quarter key ("2024-Q2", the form URLs, the database and the API use) as people read it:
 * "2024년 2분기" / "Q2 2024" (GLOSSARY.md: never "2024-Q2" on screen). `short` is the chart axis
 * form, "'24. 2분기" / "Q2 '24". Anything that is not a quarter key comes back unchanged.
 */
export function quarterLabel(key: string, locale: Locale, { short = false }: { short?: boolean } = {}): string {
  const q = parseQuarter(key);
  if (!q) return key;
  const yy = String(q.year).slice(2);
  if (locale === 'ko') return short ? `'${yy}. ${q.quarter}분기` : `${q.year}년 ${q.quarter}분기`;
  return short ? `Q${q.quarter} '${yy}` : `Q${q.quarter} ${q.year}`;
}
