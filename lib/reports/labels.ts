import { displayName } from '@/lib/users/display-name';
import { agencyShortName, GLOSSARY_SHORT_NAMES } from '@/lib/agencies/short-name';
import { createTranslator } from 'use-intl/core';
import type { Basis, ClaimState, Confidence, DueBasis, State, Verdict } from '@/lib/commitments/vocabulary';
import { formatDateTime } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { parseDuePeriod } from '@/lib/periods/due-period';
import { quarterLabel } from '@/lib/format/quarters';
import type { Named, ReportCommitment, ReportSummary } from './types';

/**
 * The words and the date, number and name styles of a report in one language (../shared/GLOSSARY.md):
 * every writer (screen, CSV, XLSX, PDF) takes its text from here, so the formats say the same.
 */
export function reportLabels(lang: Locale) {
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'reports' });
  const root = createTranslator({ locale: lang, messages: MESSAGES[lang] });
  const ko = lang === 'ko';
  const [y, m, d] = [0, 1, 2];
  const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const date = (iso: string | null): string => {
    if (!iso) return '';
    const parts = iso.slice(0, 10).split('-').map(Number);
    return ko ? `${parts[y]}. ${parts[m]}. ${parts[d]}.` : `${parts[d]} ${enMonths[parts[m]! - 1]} ${parts[y]}`;
  };
  // A 100,000-row export asks for the same few statuses and due periods over and over: word each once.
  const statuses = new Map<State, string>();
  const duePeriods = new Map<string, string>();
  const [yes, no] = [t('columns.yes'), t('columns.no')];
  // The glossary's words for a basis (원문 명시 / 추정 / 기관 확인), worded once per export.
  const basisWords: Record<Basis | DueBasis, string> = {
    stated: t('basisWords.stated'),
    inferred: t('basisWords.inferred'),
    confirmed: t('basisWords.confirmed'),
    not_stated: t('basisWords.not_stated'),
  };
  // The glossary's verdicts (이행 / 부분 이행 / 미이행), confidences and claim states, worded once per export.
  const verdictWords: Record<Verdict, string> = { 1: t('verdicts.full'), 0: t('verdicts.partial'), [-1]: t('verdicts.not') };
  const confidenceWords: Record<Confidence, string> = { high: t('confidences.high'), medium: t('confidences.medium'), low: t('confidences.low') };
  const claimWords: Record<ClaimState, string> = { pending: t('claims.pending'), disputed: t('claims.disputed'), confirmed: '' };
  const signed = (value: number, digits = 0): string => {
    const s = value.toFixed(digits);
    return value > 0 ? `+${s}` : value < 0 ? `−${s.slice(1)}` : s;
  };
  const labels = {
    lang,
    t,
    /** `2024. 6. 30.` / `30 Jun 2024`. */
    date,
    /** `2024년 2분기` / `Q2 2024` (lib/format/quarters.ts, as on every screen); never the `2024-Q2` key. */
    quarter(key: string): string {
      return quarterLabel(key, lang);
    },
    /** An instant as date and 24-hour time in `zone`, the zone named: `2024. 7. 5. 15:06 KST` / `5 Jul 2024, 15:06 KST`. */
    instant(iso: string, zone: string): string {
      return formatDateTime(iso, lang, zone);
    },
    status(s: State): string {
      let word = statuses.get(s);
      if (word === undefined) statuses.set(s, (word = root(`status.${s}`)));
      return word;
    },
    /** A change's author by the display name in the report's language (never an address followed by 님). */
    person(c: { authorName: string; authorNameKo?: string | null }): string {
      return displayName({ name: c.authorName, nameKo: c.authorNameKo ?? null }, lang);
    },
    name(n: Pick<Named, 'nameKo' | 'nameEn'>): string {
      return ko ? n.nameKo : n.nameEn;
    },
    /** An agency by its acronym in English and its Korean short name (GLOSSARY.md) in Korean. */
    agency(n: Named): string {
      // A report issued before agencies had short names carries none (undefined): the glossary's, by code.
      const short = n.shortNameKo === undefined ? (GLOSSARY_SHORT_NAMES[n.code] ?? null) : n.shortNameKo;
      return agencyShortName({ code: n.code, nameKo: n.nameKo, shortNameKo: short }, lang);
    },
    /** A basis in the glossary's words: `원문 명시` / `stated`. */
    basis(b: Basis | DueBasis): string {
      return basisWords[b];
    },
    /** The headers of the basis columns. */
    basisHeader(column: 'assignmentBasis' | 'dueBasis'): string {
      return t(`columns.${column}`);
    },
    /**
     * The basis of each assignment, the lead's first, each agency named as in the lead and partner
     * columns beside it (never a Latin code on a Korean screen): `MSIT inferred; NSF stated` /
     * `과기정통부 추정; NSF 원문 명시`. Empty for a report issued before bases were kept.
     */
    assignmentBases(c: Pick<ReportCommitment, 'lead' | 'partners'>): string {
      return [c.lead, ...c.partners]
        .filter((a) => a.basis)
        .map((a) => `${labels.agency(a)} ${basisWords[a.basis!]}`)
        .join('; ');
    },
    /** Where the due period comes from: `원문 명시: “내년 초”`, `추정`, `기한 명시 없음`. */
    dueBasis(c: Pick<ReportCommitment, 'dueBasis' | 'dueBasisWords'>): string {
      if (!c.dueBasis) return '';
      const word = basisWords[c.dueBasis];
      return c.dueBasis === 'stated' && c.dueBasisWords ? `${word}: “${c.dueBasisWords}”` : word;
    },
    country(code: string): string {
      return root.has(`country.${code}` as "country.KR") ? root(`country.${code}` as "country.KR") : code;
    },
    duePeriod(spec: string): string {
      let label = duePeriods.get(spec);
      if (label === undefined) {
        try {
          label = parseDuePeriod(spec).label[lang];
        } catch {
          label = spec;
        }
        duePeriods.set(spec, label);
      }
      return label;
    },
    /** A share 0–1 as `15.8%`. */
    percent(share: number): string {
      return `${(share * 100).toFixed(1)}%`;
    },
    /** Mean progress with one decimal. */
    progress(value: number): string {
      return value.toFixed(1);
    },
    /** A signed change: `+3`, `−2`, `0`. */
    signed,
    /** A verdict in the glossary's words (`부분 이행` / `Partial`); empty when not assessed. */
    verdict(v: Verdict | null | undefined): string {
      return v === null || v === undefined ? '' : verdictWords[v];
    },
    /** A verdict with its score: `Full (+1)` / `이행(+1)` (Korean puts no space before a parenthesis); empty when not assessed. */
    verdictScored(v: Verdict | null | undefined): string {
      return v === null || v === undefined ? '' : ko ? `${verdictWords[v]}(${signed(v)})` : `${verdictWords[v]} (${signed(v)})`;
    },
    confidence(c: Confidence | null | undefined): string {
      return c ? confidenceWords[c] : '';
    },
    /** A claim's state where it qualifies the status (`상대 기관 확인 대기`, `양측 이견`); empty when none stands or it was confirmed. */
    claim(state: ClaimState | null | undefined): string {
      return state ? claimWords[state] : '';
    },
    /** A mean compliance score, signed with two decimals (`+0.33`); `—` when none is assessed. */
    compliance(mean: number | null): string {
      return mean === null ? '—' : signed(mean, 2);
    },
    yesNo(v: boolean): string {
      return v ? yes : no;
    },
    /** A report's filters, each with its field (`Area: Semiconductors; …`), or "None". */
    filters(f: ReportSummary['filters']): string {
      const parts = [
        f.dialogue && `${t('columns.dialogue')}: ${ko ? f.dialogue.nameKo : f.dialogue.nameEn}`,
        f.area && `${t('columns.area')}: ${ko ? f.area.nameKo : f.area.nameEn}`,
        f.agency && `${t('xlsx.filterAgency')}: ${labels.agency(f.agency)}`,
        f.country && `${t('xlsx.filterCountry')}: ${labels.country(f.country)}`,
      ].filter(Boolean);
      return parts.length ? parts.join('; ') : t('header.noFilters');
    },
    /** Why an empty report is empty. */
    emptyReason(reason: ReportSummary['emptyReason']): string {
      return t(reason === 'before_first_dialogue' ? 'header.emptyBefore' : 'header.emptyNone');
    },
  };
  return labels;
}

export type ReportLabels = ReturnType<typeof reportLabels>;

/** The download's file name: `commitments-2024-Q2-en.xlsx`. */
export const reportFileName = (quarter: string, lang: Locale, ext: string) => `commitments-${quarter}-${lang}.${ext}`;
