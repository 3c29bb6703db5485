import type { Role } from './roles';

/** The subject of a policy decision: only what the rules look at. */
export interface PolicyUser {
  role: Role;
  agencyId: number | null;
  active: boolean;
}

/** A commitment as the rules see it: which agencies are involved. */
export interface CommitmentScope {
  leadAgencyId: number;
  partnerAgencyIds: readonly number[];
  /**
   * For answering a claim (`commitment.confirm`): the country of each agency involved, and the
   * countries the claim asks (the sides other than the claimant's).
   */
  claim?: { agencyCountries: Readonly<Record<number, string>>; counterSides: readonly string[] };
}

export type Action =
  | 'commitment.read'
  | 'commitment.updateStatus'
  | 'commitment.reopen'
  | 'commitment.manage'
  | 'commitment.confirm'
  | 'commitment.assess'
  | 'dashboard.view'
  | 'report.export'
  | 'report.issue'
  | 'user.manage'
  | 'agency.manage'
  | 'dialogue.manage'
  | 'audit.read'
  | 'ops.metrics';

type Rule = (user: PolicyUser, resource?: CommitmentScope) => boolean;

const involves = (user: PolicyUser, c?: CommitmentScope): boolean =>
  !!c && user.agencyId !== null && (c.leadAgencyId === user.agencyId || c.partnerAgencyIds.includes(user.agencyId));

/** An official of an agency involved in the commitment on a side the claim asks (not the claimant's own). */
const onOtherSide = (user: PolicyUser, c?: CommitmentScope): boolean =>
  involves(user, c) && !!c?.claim && c.claim.counterSides.includes(c.claim.agencyCountries[user.agencyId!] ?? '');

const RULES: Record<Role, Partial<Record<Action, Rule>>> = {
  admin: {
    'commitment.read': () => true,
    'commitment.updateStatus': () => true,
    'commitment.reopen': () => true,
    'commitment.manage': () => true,
    'commitment.confirm': (_u, c) => !!c?.claim,
    'commitment.assess': () => true,
    'dashboard.view': () => true,
    'report.export': () => true,
    'report.issue': () => true,
    'user.manage': () => true,
    'agency.manage': () => true,
    'dialogue.manage': () => true,
    'audit.read': () => true,
    'ops.metrics': () => true,
  },
  official: {
    'commitment.read': () => true,
    'commitment.updateStatus': involves,
    'commitment.confirm': onOtherSide,
    'dashboard.view': () => true,
    'report.export': () => true,
  },
  analyst: {
    'commitment.read': () => true,
    'commitment.assess': () => true,
    'dashboard.view': () => true,
    'report.export': () => true,
    'report.issue': () => true,
  },
};

/** The single authority on who may do what. Anything not granted here is refused. */
export function can(user: PolicyUser | null | undefined, action: Action, resource?: CommitmentScope): boolean {
  if (!user || !user.active) return false;
  const rule = RULES[user.role]?.[action];
  return rule ? rule(user, resource) : false;
}
