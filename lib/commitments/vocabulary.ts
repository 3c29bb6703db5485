/** Shared enumerations: the single source for DB columns, zod schemas and UI labels. */

export const STATUSES = [
  'not_started',
  'in_progress',
  'at_risk',
  'delayed',
  'completed',
  'discontinued',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses after which a commitment no longer counts as overdue. */
export const CLOSED_STATUSES = ['completed', 'discontinued'] as const satisfies readonly Status[];
/** Statuses of a commitment still under way: the ones that can be overdue. */
export const OPEN_STATUSES = STATUSES.filter((s) => !(CLOSED_STATUSES as readonly Status[]).includes(s)) as readonly Status[];
/** Statuses that put a commitment on the attention list by themselves. */
export const WARNING_STATUSES = ['at_risk', 'delayed'] as const satisfies readonly Status[];
export const isClosed = (s: Status): boolean => (CLOSED_STATUSES as readonly Status[]).includes(s);

/**
 * The state of a commitment before it exists (before its adoption date): a pseudo-status that the
 * read model's history starts from, never stored on a commitment and never counted.
 */
export const ABSENT = 'absent' as const;
export const STATES = [ABSENT, ...STATUSES] as const;
export type State = (typeof STATES)[number];

export const PARTNER_ROLES = ['co_lead', 'counterpart', 'participant'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/**
 * Why an agency is assigned to a commitment (lead or partner): the source names it (`stated`, with
 * the naming words), someone inferred it (`inferred`, with a reason in both languages), or an
 * administrator recorded that the agency itself confirmed it (`confirmed`, with who and when; the
 * inferred reason is kept, for an un-confirm).
 */
export const BASES = ['stated', 'inferred', 'confirmed'] as const;
export type Basis = (typeof BASES)[number];

/** Why a due period or a target reads as it does: the source's phrase, a reason, or (due only) no time stated. */
export const DUE_BASES = ['stated', 'inferred', 'not_stated'] as const;
export type DueBasis = (typeof DUE_BASES)[number];
export const TARGET_BASES = ['stated', 'inferred'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export const AGENCY_KINDS = [
  'government',
  'ministry',
  'agency',
  'office',
  'national_lab',
  'institute',
  'public_corporation',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** ISO 3166-1 alpha-2 codes; extend as new dialogues bring new countries. */
export const COUNTRIES = ['KR', 'US', 'IN', 'JP'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Statuses that close a commitment: recorded on a commitment with parties on another country's side, they are claims that side confirms or disputes. */
export const CLAIM_STATUSES = CLOSED_STATUSES;
/** The other side's answer to a claim. */
export const CLAIM_DECISIONS = ['confirm', 'dispute'] as const;
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number];
/** Where a claim stands at a date: no answer yet, confirmed, or disputed (the sides disagree). */
export const CLAIM_STATES = ['pending', 'confirmed', 'disputed'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
/** A claim without an answer for longer than this many days is on the attention list. */
export const CLAIM_OVERDUE_DAYS = 30;

/** The G7 Research Group's compliance scale: -1 not complying, 0 partial, +1 full. */
export const VERDICTS = [1, 0, -1] as const;
export type Verdict = (typeof VERDICTS)[number];
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
