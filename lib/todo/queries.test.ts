import { describe, expect, it } from 'vitest';
import { todoAgencyOf } from './access';
import { todoFor, type TodoKind } from './queries';
import { todoFixture } from './test-fixture';

// MSIT (KR) leads CET23-BIO-01 (due 2024-12-31) and CET23-QNT-02 (ongoing) with NSF (US) as counterpart;
// MSIT also leads AI-01, AI-02 (due 2024-12-31), AI-05, ICT-01 and ICT-02 (ongoing). All adopted 2023-12-09.
const kinds = (list: { kind: TodoKind; code: string }[]) => list.map((i) => `${i.kind} ${i.code}`);

describe('todoFor', () => {
  it('lists nothing while nothing is due, stale or asked', () => {
    const f = todoFixture();
    const todo = todoFor(f.db, f.nsf.agencyId!, '2024-01-15');
    expect(todo.agency).toMatchObject({ code: 'NSF', country: 'US' });
    expect(todo.items).toEqual([]);
    expect(todo.counts).toEqual({ disputed: 0, confirm: 0, overdue: 0, due_soon: 0, stale: 0, total: 0 });
  });

  it('lists a commitment as due soon from 30 days before its due date, and overdue from the day after', () => {
    const f = todoFixture();
    f.record(f.msit, 'CET23-BIO-01', 'in_progress', 10, '2024-11-15');
    const on = (today: string) => todoFor(f.db, f.nsf.agencyId!, today).items.filter((i) => i.code === 'CET23-BIO-01').map((i) => i.kind);
    expect(on('2024-11-30')).toEqual([]);
    expect(on('2024-12-01')).toEqual(['due_soon']);
    expect(on('2024-12-31')).toEqual(['due_soon']);
    expect(on('2025-01-01')).toEqual(['overdue']);
    const item = todoFor(f.db, f.nsf.agencyId!, '2025-01-01').items.find((i) => i.code === 'CET23-BIO-01')!;
    expect(item).toMatchObject({ since: '2024-12-31', dueEnd: '2024-12-31', href: '/commitments/CET23-BIO-01#update', claimUpdateId: null });
  });

  it('lists an open commitment without an update for more than 90 days as stale, once', () => {
    const f = todoFixture();
    f.record(f.msit, 'CET23-QNT-02', 'in_progress', 20, '2024-03-01');
    f.record(f.msit, 'CET23-BIO-01', 'in_progress', 10, '2024-05-01');
    const stale = (today: string) => todoFor(f.db, f.nsf.agencyId!, today).items.filter((i) => i.kind === 'stale').map((i) => i.code);
    expect(stale('2024-05-30')).toEqual([]); // exactly 90 days
    expect(stale('2024-05-31')).toEqual(['CET23-QNT-02']);
    expect(todoFor(f.db, f.nsf.agencyId!, '2024-05-31').items.find((i) => i.kind === 'stale')).toMatchObject({ since: '2024-03-01', lastUpdate: '2024-03-01' });
    // BIO-01 has had no update for 90 days either, but it is listed as due soon only: the same update resolves both.
    expect(kinds(todoFor(f.db, f.nsf.agencyId!, '2024-12-15').items)).toEqual(['due_soon CET23-BIO-01', 'stale CET23-QNT-02']);
  });

  it('judges "no update for 90 days" by when entries were recorded, not their effective dates', () => {
    const f = todoFixture();
    // Effective half a year earlier, recorded on 1 August 2024 (10:00 in Seoul).
    f.record(f.msit, 'CET23-QNT-02', 'in_progress', 20, '2024-02-01', '2024-08-01T01:00:00.000Z');
    const stale = (today: string) => todoFor(f.db, f.nsf.agencyId!, today).items.filter((i) => i.kind === 'stale').map((i) => i.code);
    expect(stale('2024-08-02')).not.toContain('CET23-QNT-02');
    expect(stale('2024-10-30')).not.toContain('CET23-QNT-02'); // recorded exactly 90 days before
    expect(stale('2024-10-31')).toContain('CET23-QNT-02');
    expect(todoFor(f.db, f.nsf.agencyId!, '2024-10-31').items.find((i) => i.code === 'CET23-QNT-02')).toMatchObject({ since: '2024-08-01', lastUpdate: '2024-02-01' });
    // Recorded at 23:30 UTC on 31 July, which is 1 August in Seoul: the app's calendar day counts.
    const g = todoFixture();
    g.record(g.msit, 'CET23-QNT-02', 'in_progress', 25, '2024-07-30', '2024-07-31T23:30:00.000Z');
    expect(todoFor(g.db, g.nsf.agencyId!, '2024-10-30').items.filter((i) => i.code === 'CET23-QNT-02')).toEqual([]);
    expect(todoFor(g.db, g.nsf.agencyId!, '2024-10-31').items.find((i) => i.code === 'CET23-QNT-02')).toMatchObject({ kind: 'stale', since: '2024-08-01' });
  });

  it('asks the other side to confirm a claim, and the claimant’s side to resolve a dispute', () => {
    const f = todoFixture();
    f.record(f.msit, 'CET23-BIO-01', 'completed', 100, '2024-06-01');
    const nsf = todoFor(f.db, f.nsf.agencyId!, '2024-06-02');
    expect(kinds(nsf.items)).toContain('confirm CET23-BIO-01');
    const confirm = nsf.items.find((i) => i.kind === 'confirm')!;
    expect(confirm).toMatchObject({ status: 'completed', progress: 100, since: '2024-06-01', href: '/commitments/CET23-BIO-01#confirm' });
    expect(confirm.claimUpdateId).toBeTypeOf('number');
    // The claimant waits; nothing is asked of its side, and the completed commitment is no longer due.
    expect(todoFor(f.db, f.msit.agencyId!, '2024-06-02').items.filter((i) => i.code === 'CET23-BIO-01')).toEqual([]);
    // An agency on neither commitment sees nothing of it.
    expect(todoFor(f.db, f.nih.agencyId!, '2024-06-02').items.filter((i) => i.code === 'CET23-BIO-01')).toEqual([]);

    f.answer(f.nsf, 'CET23-BIO-01', 'dispute', '2024-06-10');
    expect(todoFor(f.db, f.nsf.agencyId!, '2024-06-10').items.filter((i) => i.code === 'CET23-BIO-01')).toEqual([]);
    const msit = todoFor(f.db, f.msit.agencyId!, '2024-06-10');
    expect(msit.items[0]).toMatchObject({ kind: 'disputed', code: 'CET23-BIO-01', since: '2024-06-01', href: '/commitments/CET23-BIO-01#update' });
    expect(msit.counts.disputed).toBe(1);
    // As of the day before the dispute, the claim still waited for NSF.
    expect(kinds(todoFor(f.db, f.nsf.agencyId!, '2024-06-09').items)).toContain('confirm CET23-BIO-01');

    // A new update from the claimant's side supersedes the disputed claim.
    f.record(f.msit, 'CET23-BIO-01', 'in_progress', 90, '2024-06-20');
    expect(todoFor(f.db, f.msit.agencyId!, '2024-06-20').items.filter((i) => i.code === 'CET23-BIO-01')).toEqual([]);
  });

  it('drops a confirmed claim from both sides', () => {
    const f = todoFixture();
    f.record(f.msit, 'CET23-BIO-01', 'completed', 100, '2024-06-01');
    f.answer(f.nsf, 'CET23-BIO-01', 'confirm', '2024-06-05');
    for (const who of [f.msit, f.nsf]) expect(todoFor(f.db, who.agencyId!, '2024-06-05').items.filter((i) => i.code === 'CET23-BIO-01')).toEqual([]);
  });

  it('leaves archived commitments out', () => {
    const f = todoFixture();
    f.record(f.msit, 'CET23-BIO-01', 'completed', 100, '2024-06-01');
    f.archive('CET23-BIO-01');
    f.archive('CET23-QNT-02');
    expect(todoFor(f.db, f.nsf.agencyId!, '2025-06-01').items).toEqual([]);
  });

  it('orders disputes, confirmations, overdue, due soon, then stale, each most urgent first', () => {
    const f = todoFixture();
    f.record(f.msit, 'CET23-BIO-01', 'completed', 100, '2024-06-01');
    f.answer(f.nsf, 'CET23-BIO-01', 'dispute', '2024-06-10');
    f.record(f.nsf, 'CET23-QNT-02', 'completed', 100, '2024-09-01');
    f.record(f.msit, 'CET23-ICT-02', 'in_progress', 10, '2024-08-01');
    f.record(f.msit, 'CET23-AI-02', 'in_progress', 30, '2024-10-01');
    const todo = todoFor(f.db, f.msit.agencyId!, '2025-01-20');
    expect(kinds(todo.items)).toEqual([
      'disputed CET23-BIO-01',
      'confirm CET23-QNT-02',
      'overdue CET23-AI-01',
      'overdue CET23-AI-02',
      // No update since adoption (2023-12-09), then the oldest update first.
      'stale CET23-AI-05',
      'stale CET23-ICT-01',
      'stale CET23-ICT-02',
    ]);
    expect(todo.counts).toEqual({ disputed: 1, confirm: 1, overdue: 2, due_soon: 0, stale: 3, total: 7 });
    expect(todo.items.find((i) => i.code === 'CET23-ICT-02')).toMatchObject({ since: '2024-08-01' });
    expect(todo.items.find((i) => i.code === 'CET23-AI-05')).toMatchObject({ since: '2023-12-09', lastUpdate: null });
  });
});

describe('todoAgencyOf', () => {
  it('gives an official their agency, and administrators, analysts and inactive users none', () => {
    const f = todoFixture();
    expect(todoAgencyOf(f.msit)).toBe(f.msit.agencyId);
    expect(todoAgencyOf({ ...f.msit, active: false })).toBeNull();
    expect(todoAgencyOf(f.adminActor)).toBeNull();
    expect(todoAgencyOf({ ...f.adminActor, role: 'analyst' })).toBeNull();
    expect(todoAgencyOf(null)).toBeNull();
  });
});
