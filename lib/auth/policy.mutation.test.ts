import { describe, expect, it } from 'vitest';
import { can, type Action, type CommitmentScope, type PolicyUser } from './policy';
import { ROLES, type Role } from './roles';

/** MSIT (1, KR) leads; NSF (2, US) and KESCO (3, KR) are partners; 4 is on neither. */
const scope: CommitmentScope = { leadAgencyId: 1, partnerAgencyIds: [2, 3] };
/** A claim by the KR side: the US side is asked to answer it. */
const claimed: CommitmentScope = { ...scope, claim: { agencyCountries: { 1: 'KR', 2: 'US', 3: 'KR' }, counterSides: ['US'] } };
const user = (role: Role, agencyId: number | null = null, active = true): PolicyUser => ({ role, agencyId, active });

const ACTIONS: Action[] = [
  'commitment.read',
  'commitment.updateStatus',
  'commitment.reopen',
  'commitment.manage',
  'commitment.confirm',
  'commitment.assess',
  'dashboard.view',
  'report.export',
  'report.issue',
  'user.manage',
  'agency.manage',
  'dialogue.manage',
  'audit.read',
  'ops.metrics',
];

/** What each role may do on a commitment it is involved in and that carries a claim it may answer. */
const GRANTED: Record<Role, Action[]> = {
  admin: ACTIONS,
  official: ['commitment.read', 'commitment.updateStatus', 'commitment.confirm', 'dashboard.view', 'report.export'],
  analyst: ['commitment.read', 'commitment.assess', 'dashboard.view', 'report.export', 'report.issue'],
};

describe('the policy table, one role and action at a time', () => {
  it('knows every role', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(GRANTED).sort());
  });

  it.each(ROLES)('grants %s exactly its actions, and refuses the rest', (role) => {
    // An official of NSF (2): involved, and on the side the claim asks.
    const subject = user(role, role === 'official' ? 2 : null);
    for (const action of ACTIONS) {
      expect(can(subject, action, claimed), `${role} ${action}`).toBe(GRANTED[role].includes(action));
    }
  });

  it.each(ROLES)('refuses a disabled %s everything', (role) => {
    const subject = user(role, role === 'official' ? 2 : null, false);
    for (const action of ACTIONS) expect(can(subject, action, claimed), `${role} ${action}`).toBe(false);
  });
});

describe('an official acts only where the agency is involved', () => {
  it('updates as lead or as any partner, never from an agency on neither side or without one', () => {
    expect(can(user('official', 1), 'commitment.updateStatus', scope)).toBe(true);
    expect(can(user('official', 2), 'commitment.updateStatus', scope)).toBe(true);
    expect(can(user('official', 3), 'commitment.updateStatus', scope)).toBe(true);
    expect(can(user('official', 4), 'commitment.updateStatus', scope)).toBe(false);
    expect(can(user('official', null), 'commitment.updateStatus', scope)).toBe(false);
    expect(can(user('official', 1), 'commitment.updateStatus', undefined)).toBe(false);
  });

  it('answers a claim only from the side it asks, and only while there is a claim', () => {
    expect(can(user('official', 2), 'commitment.confirm', claimed), 'NSF, the side asked').toBe(true);
    expect(can(user('official', 1), 'commitment.confirm', claimed), 'MSIT, the claimant').toBe(false);
    expect(can(user('official', 3), 'commitment.confirm', claimed), "KESCO, the claimant's side").toBe(false);
    expect(can(user('official', 4), 'commitment.confirm', { ...claimed, claim: { ...claimed.claim!, agencyCountries: { ...claimed.claim!.agencyCountries, 4: 'US' } } }), 'a US agency on neither side').toBe(false);
    expect(can(user('official', 2), 'commitment.confirm', scope), 'no claim').toBe(false);
    expect(can(user('official', 2), 'commitment.confirm', undefined), 'no commitment').toBe(false);
  });

  it('refuses an agency whose country the claim does not list', () => {
    const noCountry: CommitmentScope = { ...scope, claim: { agencyCountries: { 1: 'KR' }, counterSides: ['US'] } };
    expect(can(user('official', 2), 'commitment.confirm', noCountry)).toBe(false);
  });

  it('lets an admin answer a claim, but not where there is none', () => {
    expect(can(user('admin'), 'commitment.confirm', claimed)).toBe(true);
    expect(can(user('admin'), 'commitment.confirm', scope)).toBe(false);
    expect(can(user('admin'), 'commitment.confirm', undefined)).toBe(false);
  });

  it('refuses a user with no role the policy knows', () => {
    expect(can({ role: 'auditor' as Role, agencyId: null, active: true }, 'commitment.read')).toBe(false);
  });
});
