import { useLocale, useTranslations } from 'next-intl';
import { agencyShortName } from '@/lib/agencies/short-name';
import type { Locale } from '@/lib/i18n/config';
import type { AssignmentBasis, FactBasis } from '@/lib/commitments/basis';
import { highlightSegments, type Highlight } from '@/lib/commitments/highlight';

interface Assigned {
  code: string;
  nameKo: string;
  shortNameKo: string | null;
  /** The role as the page names it: 주관 기관, 공동 주관… */
  roleLabel: string;
  basis: AssignmentBasis;
}

interface Props {
  excerpt: string;
  assignments: Assigned[];
  due: FactBasis<string>;
  target: FactBasis<string> | null;
}

/**
 * The source excerpt, verbatim, with the words that name each stated agency, the due period and the
 * target marked. Each <mark> says what it names to screen readers (aria-describedby, text in the
 * page's language kept outside the Korean quotation) and to the pointer (title); the excerpt's own text is left exactly as the source has it, so copying it or
 * reading it aloud gives the quotation and nothing else. Built as React text nodes: no markup is
 * ever parsed from the excerpt.
 */
export function SourceExcerpt({ excerpt, assignments, due, target }: Props) {
  const t = useTranslations('basis');
  const locale = useLocale();
  const highlights: Highlight<string>[] = [];
  for (const a of assignments) {
    if (a.basis.basis === 'stated' && a.basis.quote) highlights.push({ words: a.basis.quote, label: t('names', { role: a.roleLabel, agency: agencyShortName(a, locale as Locale) }) });
  }
  if (due.basis === 'stated' && due.quote) highlights.push({ words: due.quote, label: t('namesDue') });
  if (target?.basis === 'stated' && target.quote) highlights.push({ words: target.quote, label: t('namesTarget') });

  const segments = highlightSegments(excerpt, highlights);
  const labels = [...new Set(highlights.map((h) => h.label))];
  const idOf = (label: string) => `excerpt-names-${labels.indexOf(label)}`;
  return (
    <>
      <blockquote lang="ko" className="source__excerpt">
        {segments.map((s, i) => {
          if (s.labels.length === 0) return s.text;
          const unique = [...new Set(s.labels)];
          return (
            <mark key={i} className="source__mark" aria-describedby={unique.map(idOf).join(' ')} title={unique.join('; ')}>
              {s.text}
            </mark>
          );
        })}
      </blockquote>
      {labels.length > 0 && (
        <>
          <p className="muted source__key">{t('highlightKey')}</p>
          <div hidden>
            {labels.map((label) => (
              <span key={label} id={idOf(label)}>
                {label}
              </span>
            ))}
          </div>
        </>
      )}
    </>
  );
}
