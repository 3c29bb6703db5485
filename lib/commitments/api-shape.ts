import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { commitments, dialogues } from '@/db/schema';
import type { CommitmentListItem } from '@/lib/as-of/list';
import { factBasis, leadBasis, type AssignmentBasis, type Confirmation, type FactBasis, type Reason } from './basis';
import type { AgencyRef, CommitmentDetail, PartnerRef } from './queries';
import type { Basis } from './vocabulary';
import { answersOf, claimAt, sideViewsAt } from '@/lib/claims/queries';
import { assessmentAt, assessmentsOf } from '@/lib/assessments/queries';

/**
 * The JSON API's commitments: every assignment (lead and partner) carries its basis in the same
 * flat shape, `{ basis, words, reason, confirmation }`, and the due period and target theirs
 * (`{ basis, words, reason }`): `words` are the source excerpt's naming words of a stated basis,
 * `reason` ({ ko, en }) why an inferred one was inferred (kept on a confirmed one), and
 * `confirmation` ({ by, on, evidenceUrl }) who at the agency confirmed it.
 */
export interface ApiAssignmentBasis {
  basis: Basis;
  words: string | null;
  reason: Reason | null;
  confirmation: Confirmation | null;
}

export interface ApiFactBasis<B extends string> {
  basis: B;
  words: string | null;
  reason: Reason | null;
}

export const apiAssignmentBasis = (b: AssignmentBasis): ApiAssignmentBasis => ({ basis: b.basis, words: b.quote, reason: b.reason, confirmation: b.confirmation });
export const apiFactBasis = <B extends string>(b: FactBasis<B>): ApiFactBasis<B> => ({ basis: b.basis, words: b.quote, reason: b.reason });

export const apiPartner = ({ basis, ...p }: PartnerRef) => ({ ...p, ...apiAssignmentBasis(basis) });
const apiLead = (agency: AgencyRef, basis: AssignmentBasis) => ({ ...agency, ...apiAssignmentBasis(basis) });

/** The stored basis columns, which the API shows only as the shapes above. */
const BASIS_KEYS = [
  'leadBasis', 'leadBasisQuote', 'leadBasisReasonKo', 'leadBasisReasonEn', 'leadConfirmedBy', 'leadConfirmedOn', 'leadConfirmedEvidenceUrl',
  'dueBasis', 'dueBasisQuote', 'dueBasisReasonKo', 'dueBasisReasonEn',
  'targetBasis', 'targetBasisQuote', 'targetBasisReasonKo', 'targetBasisReasonEn',
] as const;

/** `GET /api/v1/commitments/{code}`: the commitment's fields, its dialogue, area, lead and partners with their bases, and its history. */
export function apiCommitmentDetail(detail: CommitmentDetail) {
  const { commitment, lead, leadBasis: leadBasisOf, dueBasis, targetBasis, partners, ...rest } = detail;
  const fields = Object.fromEntries(Object.entries(commitment).filter(([k]) => !(BASIS_KEYS as readonly string[]).includes(k)));
  return {
    ...fields,
    ...rest,
    lead: apiLead(lead, leadBasisOf),
    partners: partners.map(apiPartner),
    dueBasis: apiFactBasis(dueBasis),
    targetBasis: targetBasis && apiFactBasis(targetBasis),
  };
}

/**
 * `GET /api/v1/commitments`: a page of the list, each item with its lead's, partners', due period's
 * and target's bases; the page's basis columns are read in one query by code.
 */
export function apiCommitmentItems(items: CommitmentListItem[], db: Db = getDb()) {
  const codes = items.map((i) => i.code);
  const c = commitments;
  const rows = codes.length
    ? db
        .select({
          code: c.code,
          leadBasis: c.leadBasis,
          leadBasisQuote: c.leadBasisQuote,
          leadBasisReasonKo: c.leadBasisReasonKo,
          leadBasisReasonEn: c.leadBasisReasonEn,
          leadConfirmedBy: c.leadConfirmedBy,
          leadConfirmedOn: c.leadConfirmedOn,
          leadConfirmedEvidenceUrl: c.leadConfirmedEvidenceUrl,
          dueBasis: c.dueBasis,
          dueBasisQuote: c.dueBasisQuote,
          dueBasisReasonKo: c.dueBasisReasonKo,
          dueBasisReasonEn: c.dueBasisReasonEn,
          targetBasis: c.targetBasis,
          targetBasisQuote: c.targetBasisQuote,
          targetBasisReasonKo: c.targetBasisReasonKo,
          targetBasisReasonEn: c.targetBasisReasonEn,
          synthetic: dialogues.synthetic,
        })
        .from(c)
        .innerJoin(dialogues, eq(dialogues.id, c.dialogueId))
        .where(inArray(c.code, codes))
        .all()
    : [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return items.map(({ lead: { basis: listedLeadBasis, ...agency }, partners, ...item }) => {
    const b = byCode.get(item.code);
    // Renamed since the page was read (an admin edit in between): its bases are read again next time.
    if (!b) return { ...item, synthetic: null, lead: apiLead(agency, { basis: listedLeadBasis, quote: null, reason: null, confirmation: null }), partners: partners.map(apiPartner), dueBasis: null, targetBasis: null };
    return {
      ...item,
      // Invented demo data (the sample dialogue): marked on every item.
      synthetic: b.synthetic,
      lead: apiLead(agency, leadBasis(b)),
      partners: partners.map(apiPartner),
      dueBasis: apiFactBasis(factBasis(b.dueBasis, b.dueBasisQuote, b.dueBasisReasonKo, b.dueBasisReasonEn)),
      targetBasis: b.targetBasis === null ? null : apiFactBasis(factBasis(b.targetBasis, b.targetBasisQuote, b.targetBasisReasonKo, b.targetBasisReasonEn)),
    };
  });
}

/**
 * What both sides say and what analysts judge, at `date`: the standing claim (null when none),
 * each country side's latest update, every answer to its claims, the assessments (all entries,
 * newest quarter first; `standing` marks each quarter's latest) and the one standing at `date`.
 */
export function apiCounterpartsAndAssessments(commitmentId: number, date: string, db: Db = getDb()) {
  const entries = assessmentsOf(db, commitmentId);
  return {
    claim: claimAt(db, commitmentId, date),
    sides: sideViewsAt(db, commitmentId, date),
    confirmations: answersOf(db, commitmentId),
    assessment: assessmentAt(entries, date),
    assessments: entries,
  };
}
