import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitmentPartners, commitments } from '@/db/schema';
import type { FieldErrors } from '@/lib/errors';
import { basisProblems, type BasisColumns, type BasisSpec, type DueBasisSpec, type Reason } from '@/lib/commitments/basis';
import type { Basis, DueBasis, PartnerRole, TargetBasis } from '@/lib/commitments/vocabulary';
import type { CommitmentInput } from './inputs';

/**
 * The reason an inferred assignment, due period or target gets when the administrator gave none:
 * old CSV files still import, and say honestly that nobody recorded why.
 */
export const ADMIN_REASON: Reason = { ko: '관리자 입력(원문 근거 미기재)', en: 'Entered by an administrator; no source basis given' };

export interface DueColumns {
  dueBasis: DueBasis;
  dueBasisQuote: string | null;
  dueBasisReasonKo: string | null;
  dueBasisReasonEn: string | null;
}

export interface TargetColumns {
  targetBasis: TargetBasis | null;
  targetBasisQuote: string | null;
  targetBasisReasonKo: string | null;
  targetBasisReasonEn: string | null;
}

/** What a commitment stores now, for an edit: each basis an unchanged fact keeps. */
export interface StoredBases {
  leadAgencyId: number;
  lead: BasisColumns;
  /** Partner links by agency id. */
  partners: Map<number, { role: PartnerRole } & BasisColumns>;
  dueSpec: string;
  due: DueColumns;
  targetKo: string | null;
  targetEn: string | null;
  target: TargetColumns;
}

type Reader = Pick<Db, 'select'>;

export function storedBases(db: Reader, id: number): StoredBases | undefined {
  const c = db.select().from(commitments).where(eq(commitments.id, id)).get();
  if (!c) return undefined;
  const partners = db.select().from(commitmentPartners).where(eq(commitmentPartners.commitmentId, id)).all();
  return {
    leadAgencyId: c.leadAgencyId,
    lead: { basis: c.leadBasis, basisQuote: c.leadBasisQuote, basisReasonKo: c.leadBasisReasonKo, basisReasonEn: c.leadBasisReasonEn, confirmedBy: c.leadConfirmedBy, confirmedOn: c.leadConfirmedOn, confirmedEvidenceUrl: c.leadConfirmedEvidenceUrl },
    partners: new Map(partners.map(({ commitmentId: _, agencyId, ...p }) => [agencyId, p])),
    dueSpec: c.dueSpec,
    due: { dueBasis: c.dueBasis, dueBasisQuote: c.dueBasisQuote, dueBasisReasonKo: c.dueBasisReasonKo, dueBasisReasonEn: c.dueBasisReasonEn },
    targetKo: c.targetKo,
    targetEn: c.targetEn,
    target: { targetBasis: c.targetBasis, targetBasisQuote: c.targetBasisQuote, targetBasisReasonKo: c.targetBasisReasonKo, targetBasisReasonEn: c.targetBasisReasonEn },
  };
}

const NO_CONFIRMATION = { confirmedBy: null, confirmedOn: null, confirmedEvidenceUrl: null };
const stated = (words: string): BasisColumns => ({ basis: 'stated', basisQuote: words, basisReasonKo: null, basisReasonEn: null, ...NO_CONFIRMATION });
const inferred = (r: Reason): BasisColumns => ({ basis: 'inferred', basisQuote: null, basisReasonKo: r.ko, basisReasonEn: r.en, ...NO_CONFIRMATION });
const reasonOf = (ko: string | null, en: string | null): Reason | null => (ko !== null && en !== null ? { ko, en } : null);

/**
 * One assignment's basis. `kept` is the stored basis of the same assignment (same agency, and same
 * role for a partner), if any. Explicit words make it stated; an explicit `inferred` or `stated`
 * replaces what is stored, except that a confirmed assignment set to `inferred` stays confirmed
 * (confirming and un-confirming are the confirmation service's to record); no basis keeps what is
 * stored, or infers a new assignment. `confirmed` only keeps a confirmation, never makes one.
 */
function resolveAssignment(input: { basis?: Basis; words?: string }, kept: BasisColumns | undefined, reason: Reason | null): BasisColumns | string {
  const words = input.words?.trim() ?? '';
  const basis = input.basis ?? (words ? 'stated' : undefined);
  if (basis === 'stated') return words ? stated(words) : 'basis_words_required';
  if (words) return 'basis_words_only_when_stated';
  if (basis === 'confirmed') return kept?.basis === 'confirmed' ? kept : 'basis_confirmed_not_here';
  if (kept?.basis === 'confirmed') return kept;
  if (basis === undefined && kept?.basis === 'stated') return kept;
  const keptReason = kept?.basis === 'inferred' ? reasonOf(kept.basisReasonKo, kept.basisReasonEn) : null;
  return inferred(reason ?? keptReason ?? ADMIN_REASON);
}

/**
 * The due period's basis: its words make it stated; words left out (not blank) keep the stored
 * basis of an unchanged due period; otherwise `ongoing` is "no time stated" and any other period
 * inferred.
 */
function resolveDue(words: string | undefined, spec: string, kept: StoredBases | undefined, reason: Reason | null): DueColumns {
  const w = words?.trim() ?? '';
  if (w) return { dueBasis: 'stated', dueBasisQuote: w, dueBasisReasonKo: null, dueBasisReasonEn: null };
  const same = kept?.dueSpec === spec ? kept.due : undefined;
  if (words === undefined && same && !(same.dueBasis === 'inferred' && reason)) return same;
  if (spec === 'ongoing') return { dueBasis: 'not_stated', dueBasisQuote: null, dueBasisReasonKo: null, dueBasisReasonEn: null };
  const r = reason ?? (same?.dueBasis === 'inferred' ? reasonOf(same.dueBasisReasonKo, same.dueBasisReasonEn) : null) ?? ADMIN_REASON;
  return { dueBasis: 'inferred', dueBasisQuote: null, dueBasisReasonKo: r.ko, dueBasisReasonEn: r.en };
}

/** The target's basis, as the due period's; none without a target. */
function resolveTarget(words: string | undefined, target: { ko: string | null; en: string | null }, kept: StoredBases | undefined, reason: Reason | null): TargetColumns | string {
  const w = words?.trim() ?? '';
  if (target.ko === null && target.en === null) return w ? 'basis_words_without_target' : { targetBasis: null, targetBasisQuote: null, targetBasisReasonKo: null, targetBasisReasonEn: null };
  if (w) return { targetBasis: 'stated', targetBasisQuote: w, targetBasisReasonKo: null, targetBasisReasonEn: null };
  const same = kept && kept.targetKo === target.ko && kept.targetEn === target.en && kept.target.targetBasis !== null ? kept.target : undefined;
  if (words === undefined && same && !(same.targetBasis === 'inferred' && reason)) return same;
  const r = reason ?? (same?.targetBasis === 'inferred' ? reasonOf(same.targetBasisReasonKo, same.targetBasisReasonEn) : null) ?? ADMIN_REASON;
  return { targetBasis: 'inferred', targetBasisQuote: null, targetBasisReasonKo: r.ko, targetBasisReasonEn: r.en };
}

/** A resolved basis as basisProblems reads it; null (nothing to check) for a confirmed one or an error. */
const specOf = (c: BasisColumns | string): BasisSpec | null =>
  typeof c === 'string' ? null
  : c.basis === 'stated' ? { stated: c.basisQuote ?? '' } : c.basis === 'inferred' ? { inferred: { ko: c.basisReasonKo ?? '', en: c.basisReasonEn ?? '' } } : null;

/** basisProblems' fields → the input's: a basis' words are what the administrator fixes. */
const FIELD_OF: Record<string, string> = { leadBasis: 'leadBasisWords', dueBasis: 'dueBasisWords', targetBasis: 'targetBasisWords' };

export interface ResolvedBases {
  lead: BasisColumns;
  /** In the input's order. */
  partners: BasisColumns[];
  due: DueColumns;
  target: TargetColumns;
}

/**
 * Every basis of a commitment's input, against what it stores now (`kept`, for an edit), checked
 * with `basisProblems`: stated words must be words of the source excerpt, an inferred basis needs
 * its reason in both languages. Problems are field errors (`partners.<CODE>` for a partner link).
 */
export function resolveBases(input: CommitmentInput, ids: { lead: number; partners: number[] }, kept: StoredBases | undefined): { errors: FieldErrors } | { errors: null; bases: ResolvedBases } {
  const errors: FieldErrors = {};
  const reason = reasonOf(input.inferredReasonKo, input.inferredReasonEn);
  const fail = (field: string, result: BasisColumns | TargetColumns | string) => {
    if (typeof result === 'string') errors[field] = [result];
  };
  const lead = resolveAssignment({ basis: input.leadBasis, words: input.leadBasisWords }, kept?.leadAgencyId === ids.lead ? kept.lead : undefined, reason);
  fail(lead === 'basis_confirmed_not_here' ? 'leadBasis' : 'leadBasisWords', lead);
  const partners = input.partners.map((p, i) => {
    const stored = kept?.partners.get(ids.partners[i]!);
    const result = resolveAssignment(p, stored?.role === p.role ? stored : undefined, reason);
    fail(`partners.${p.agencyCode}`, result);
    return result;
  });
  // Words that named one agency, due period or target cannot name another: an edit that changes
  // the fact and leaves its old words in place would claim the source says what it does not.
  if (kept) {
    const quoteOf = (b: BasisColumns) => (b.basis === 'stated' ? b.basisQuote : null);
    const assigned = new Set([ids.lead, ...ids.partners]);
    // Quotes of agencies the input no longer assigns, and of a lead that is no longer lead.
    const formerQuotes = new Set<string>();
    if (kept.leadAgencyId !== ids.lead && quoteOf(kept.lead) !== null) formerQuotes.add(quoteOf(kept.lead)!);
    for (const [agencyId, p] of kept.partners) if (!assigned.has(agencyId) && quoteOf(p) !== null) formerQuotes.add(quoteOf(p)!);
    const ownQuotes = (agencyId: number) => [agencyId === kept.leadAgencyId ? quoteOf(kept.lead) : null, quoteOf(kept.partners.get(agencyId) ?? stated(''))].filter((q) => q);
    const reused = (agencyId: number, words: string | undefined) => {
      const w = words?.trim() ?? '';
      return w !== '' && formerQuotes.has(w) && !ownQuotes(agencyId).includes(w);
    };
    if (typeof lead !== 'string' && lead.basis === 'stated' && reused(ids.lead, lead.basisQuote ?? '')) errors.leadBasisWords = ['basis_words_of_previous_fact'];
    input.partners.forEach((p, i) => {
      const r = partners[i]!;
      if (typeof r !== 'string' && r.basis === 'stated' && reused(ids.partners[i]!, r.basisQuote ?? '')) errors[`partners.${p.agencyCode}`] = ['basis_words_of_previous_fact'];
    });
    const w = (x: string | undefined) => x?.trim() ?? '';
    if (kept.dueSpec !== input.due && kept.due.dueBasis === 'stated' && w(input.dueBasisWords) === kept.due.dueBasisQuote) errors.dueBasisWords = ['basis_words_of_previous_fact'];
    const targetChanged = kept.targetKo !== input.targetKo || kept.targetEn !== input.targetEn;
    if (targetChanged && kept.target.targetBasis === 'stated' && w(input.targetBasisWords) === kept.target.targetBasisQuote) errors.targetBasisWords = ['basis_words_of_previous_fact'];
  }
  const due = resolveDue(input.dueBasisWords, input.due, kept, reason);
  const target = resolveTarget(input.targetBasisWords, { ko: input.targetKo, en: input.targetEn }, kept, reason);
  fail('targetBasisWords', target);
  // What resolved is checked against the excerpt too, so every problem is reported at once.
  const dueSpec: DueBasisSpec =
    due.dueBasis === 'not_stated' ? { notStated: true } : due.dueBasis === 'stated' ? { stated: due.dueBasisQuote ?? '' } : { inferred: { ko: due.dueBasisReasonKo ?? '', en: due.dueBasisReasonEn ?? '' } };
  const targetSpec: BasisSpec | undefined =
    typeof target === 'string' || target.targetBasis === null
      ? undefined
      : target.targetBasis === 'stated'
        ? { stated: target.targetBasisQuote ?? '' }
        : { inferred: { ko: target.targetBasisReasonKo ?? '', en: target.targetBasisReasonEn ?? '' } };
  const problems = basisProblems({
    sourceExcerpt: input.sourceExcerpt,
    dueSpec: input.due,
    hasTarget: targetSpec !== undefined,
    lead: specOf(lead),
    partners: input.partners.map((p, i) => ({ agencyCode: p.agencyCode, basis: specOf(partners[i]!) })),
    due: dueSpec,
    target: targetSpec,
  });
  for (const [field, list] of Object.entries(problems)) errors[FIELD_OF[field] ?? field] ??= list;
  if (typeof lead === 'string' || typeof target === 'string' || Object.keys(errors).length) return { errors };
  return { errors: null, bases: { lead, partners: partners as BasisColumns[], due, target } };
}
