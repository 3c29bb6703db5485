import { describe, expect, it } from 'vitest';
import { can, type PolicyUser } from './policy';

const scope = { leadAgencyId: 1, partnerAgencyIds: [2, 3] };
const user = (role: PolicyUser['role'], agencyId: number | null = null, active = true): PolicyUser => ({ role, agencyId, active });

describe('can', () => {
  it('lets officials update commitments their agency leads or partners on, and no other', () => {
    expect(can(user('official', 1), 'commitment.updateStatus', scope)).toBe(true);
    expect(can(user('official', 3), 'commitment.updateStatus', scope)).toBe(true);
    expect(can(user('official', 4), 'commitment.updateStatus', scope)).toBe(false);
    expect(can(user('official', 1), 'commitment.updateStatus')).toBe(false);
  });

  it('keeps analysts read-only', () => {
    expect(can(user('analyst'), 'commitment.read')).toBe(true);
    expect(can(user('analyst'), 'report.export')).toBe(true);
    expect(can(user('analyst'), 'commitment.updateStatus', scope)).toBe(false);
    expect(can(user('analyst'), 'user.manage')).toBe(false);
  });

  it('reserves reopening and administration to admins', () => {
    expect(can(user('admin'), 'commitment.reopen', scope)).toBe(true);
    expect(can(user('official', 1), 'commitment.reopen', scope)).toBe(false);
    expect(can(user('official', 1), 'user.manage')).toBe(false);
    expect(can(user('admin'), 'user.manage')).toBe(true);
  });

  it('refuses everything to nobody and to disabled users', () => {
    expect(can(null, 'commitment.read')).toBe(false);
    expect(can(user('admin', null, false), 'commitment.read')).toBe(false);
  });
});
