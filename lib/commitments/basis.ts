import type { Basis, DueBasis, TargetBasis } from './vocabulary';

/**
 * The basis of each fact about a commitment: who said an agency leads it or partners on it, where
 * its due period and target come from. A monitoring tool must never blur what the source states
 * with what someone inferred:
 * - `stated`: the source names it; `quote` holds the words of the commitment's excerpt that do;
 * - `inferred`: someone inferred it; `reason` says why, in both languages;
 * - `confirmed` (assignments only): an administrator recorded that the agency itself confirmed it,
 *   with who, when and an optional evidence link; the inferred reason is kept for an un-confirm;
 * - `not_stated` (due periods only): the source gives no time, so the due period is `ongoing`.
 */
export interface Reason {
  ko: string;
  en: string;
}

export interface Confirmation {
  /** Who at the agency confirmed it (free text: a name, a title, an office). */
  by: string;
  /** The day the agency confirmed it (ISO date). */
  on: string;
  evidenceUrl: string | null;
}

export interface AssignmentBasis {
  basis: Basis;
  quote: string | null;
  reason: Reason | null;
  confirmation: Confirmation | null;
}

export interface FactBasis<B extends string> {
  basis: B;
  quote: string | null;
  reason: Reason | null;
}

/** The stored columns of one assignment's basis (a partner row's names; the lead's carry `lead_`). */
export interface BasisColumns {
  basis: Basis;
  basisQuote: string | null;
  basisReasonKo: string | null;
  basisReasonEn: string | null;
  confirmedBy: string | null;
  confirmedOn: string | null;
  confirmedEvidenceUrl: string | null;
}

export function assignmentBasis(c: BasisColumns): AssignmentBasis {
  return {
    basis: c.basis,
    quote: c.basisQuote,
    reason: c.basisReasonKo !== null && c.basisReasonEn !== null ? { ko: c.basisReasonKo, en: c.basisReasonEn } : null,
    confirmation: c.basis === 'confirmed' && c.confirmedBy !== null && c.confirmedOn !== null ? { by: c.confirmedBy, on: c.confirmedOn, evidenceUrl: c.confirmedEvidenceUrl } : null,
  };
}

export interface LeadBasisColumns {
  leadBasis: Basis;
  leadBasisQuote: string | null;
  leadBasisReasonKo: string | null;
  leadBasisReasonEn: string | null;
  leadConfirmedBy: string | null;
  leadConfirmedOn: string | null;
  leadConfirmedEvidenceUrl: string | null;
}

export function leadBasis(c: LeadBasisColumns): AssignmentBasis {
  return assignmentBasis({
    basis: c.leadBasis,
    basisQuote: c.leadBasisQuote,
    basisReasonKo: c.leadBasisReasonKo,
    basisReasonEn: c.leadBasisReasonEn,
    confirmedBy: c.leadConfirmedBy,
    confirmedOn: c.leadConfirmedOn,
    confirmedEvidenceUrl: c.leadConfirmedEvidenceUrl,
  });
}

export function factBasis<B extends string>(basis: B, quote: string | null, reasonKo: string | null, reasonEn: string | null): FactBasis<B> {
  return { basis, quote, reason: reasonKo !== null && reasonEn !== null ? { ko: reasonKo, en: reasonEn } : null };
}

/** A basis as written in seed data and imports: the naming words, or a reason. */
export type BasisSpec = { stated: string } | { inferred: Reason };

/** A partner row's basis columns for a new assignment (never confirmed: that is recorded later). */
export function basisColumns(spec: BasisSpec): BasisColumns {
  return 'stated' in spec
    ? { basis: 'stated', basisQuote: spec.stated, basisReasonKo: null, basisReasonEn: null, confirmedBy: null, confirmedOn: null, confirmedEvidenceUrl: null }
    : { basis: 'inferred', basisQuote: null, basisReasonKo: spec.inferred.ko, basisReasonEn: spec.inferred.en, confirmedBy: null, confirmedOn: null, confirmedEvidenceUrl: null };
}

/** The same, as the commitment's lead columns. */
export function leadBasisColumns(spec: BasisSpec): LeadBasisColumns {
  const c = basisColumns(spec);
  return {
    leadBasis: c.basis,
    leadBasisQuote: c.basisQuote,
    leadBasisReasonKo: c.basisReasonKo,
    leadBasisReasonEn: c.basisReasonEn,
    leadConfirmedBy: null,
    leadConfirmedOn: null,
    leadConfirmedEvidenceUrl: null,
  };
}

export type DueBasisSpec = BasisSpec | { notStated: true };

export function dueBasisColumns(spec: DueBasisSpec): { dueBasis: DueBasis; dueBasisQuote: string | null; dueBasisReasonKo: string | null; dueBasisReasonEn: string | null } {
  if ('notStated' in spec) return { dueBasis: 'not_stated', dueBasisQuote: null, dueBasisReasonKo: null, dueBasisReasonEn: null };
  const c = basisColumns(spec);
  return { dueBasis: c.basis as DueBasis, dueBasisQuote: c.basisQuote, dueBasisReasonKo: c.basisReasonKo, dueBasisReasonEn: c.basisReasonEn };
}

export function targetBasisColumns(spec: BasisSpec | undefined): { targetBasis: TargetBasis | null; targetBasisQuote: string | null; targetBasisReasonKo: string | null; targetBasisReasonEn: string | null } {
  if (!spec) return { targetBasis: null, targetBasisQuote: null, targetBasisReasonKo: null, targetBasisReasonEn: null };
  const c = basisColumns(spec);
  return { targetBasis: c.basis as TargetBasis, targetBasisQuote: c.basisQuote, targetBasisReasonKo: c.basisReasonKo, targetBasisReasonEn: c.basisReasonEn };
}

/**
 * Problems with a commitment's bases, as field keys and message keys: stated words must be words
 * of the excerpt; an inferred basis needs its reason in both languages; a target needs a basis,
 * and a due period with no time stated must be `ongoing`.
 */
export function basisProblems(c: {
  sourceExcerpt: string;
  dueSpec: string;
  hasTarget: boolean;
  /** null: a confirmed assignment, which has nothing here to check. */
  lead: BasisSpec | null;
  partners: { agencyCode: string; basis: BasisSpec | null }[];
  due: DueBasisSpec;
  target: BasisSpec | undefined;
}): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const check = (field: string, spec: BasisSpec | null) => {
    if (spec === null) return;
    if ('stated' in spec) {
      if (spec.stated.trim() === '') errors[field] = ['basis_words_required'];
      else if (!c.sourceExcerpt.includes(spec.stated)) errors[field] = ['basis_words_not_in_excerpt'];
    } else if (spec.inferred.ko.trim() === '' || spec.inferred.en.trim() === '') errors[field] = ['basis_reason_required'];
  };
  check('leadBasis', c.lead);
  c.partners.forEach((p) => check(`partners.${p.agencyCode}`, p.basis));
  if ('notStated' in c.due) {
    if (c.dueSpec !== 'ongoing') errors.dueBasis = ['due_not_stated_must_be_ongoing'];
  } else check('dueBasis', c.due);
  if (c.hasTarget && !c.target) errors.targetBasis = ['basis_required'];
  else if (c.target) check('targetBasis', c.target);
  return errors;
}
