import { asc, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { agencyTallySnapshots, commitments, stateSnapshots, tallySnapshotDates, tallySnapshots } from '@/db/schema';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { tempTableNames, useSeededTestDb } from '@/lib/testing/test-db';
import { withTwoConnections } from '@/lib/testing/write-lock';
import { testActor } from '@/lib/testing/refusal';
import { createCommitment } from '@/lib/admin/commitment-service';
import type { AsOfView } from './view';
import { planAsOfView } from './view';
import { listAsOf } from './list';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { END_OF_TIME, stateAtSql } from './state';
import { planSource, prepareSnapshots, scopeOf, statesAt, statesOn } from './sources';
import { saveAgency, saveDialogue } from '@/lib/admin/reference-service';

// What the mutation run found unpinned in sources.ts (npm run test:mutation, group as-of): a
// snapshot is never waited for (another connection's write lock means counting from the history,
// and the connection's busy timeout comes back), and building one drops the dates that have left
// the window.
const TODAY = '2025-06-30';

const datesIn = (db: Db) => ({
  dates: db.select({ d: tallySnapshotDates.asOf }).from(tallySnapshotDates).orderBy(asc(tallySnapshotDates.asOf)).all().map((r) => r.d),
  tallies: [...new Set(db.select({ d: tallySnapshots.asOf }).from(tallySnapshots).all().map((r) => r.d))].sort(),
  states: [...new Set(db.select({ d: stateSnapshots.asOf }).from(stateSnapshots).all().map((r) => r.d))].sort(),
  agencies: [...new Set(db.select({ d: agencyTallySnapshots.asOf }).from(agencyTallySnapshots).all().map((r) => r.d))].sort(),
});

describe('month-end snapshots', () => {
  it('are not waited for: while another connection writes, the view counts from the history, the same figures', () => {
    withTwoConnections((a, b) => {
      const { record } = handMadeHistory(a, TODAY);
      record('CET23-AI-01', 'in_progress', 20, '2024-02-10');
      record('CET23-QNT-01', 'delayed', 40, '2024-03-20');
      record('CET23-QNT-01', 'in_progress', 45, '2024-04-20');
      expect(a.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
      b.$client.prepare('begin immediate').run();
      let during: ReturnType<typeof planAsOfView>;
      try {
        during = planAsOfView({}, '2024-03-31', TODAY, a);
        expect(datesIn(a).dates, 'nothing built while the lock is held').toEqual([]);
      } finally {
        b.$client.prepare('rollback').run();
      }
      expect(a.$client.pragma('busy_timeout', { simple: true }), 'the busy timeout comes back').toBe(5000);
      const after = planAsOfView({}, '2024-03-31', TODAY, a);
      // The view also counts the previous quarter's end.
      expect(datesIn(a).dates, 'built once the lock is free').toEqual(['2023-12-31', '2024-03-31']);
      expect(during.headline).toEqual(after.headline);
      expect(after.headline.counts).toMatchObject({ in_progress: 1, delayed: 1 });
      expect(during.byArea).toEqual(after.byArea);
    });
  });

  it('of dates that have left the window are dropped from every snapshot table when a new one is built', () => {
    const db = useSeededTestDb();
    handMadeHistory(db, TODAY).record('CET23-AI-01', 'in_progress', 20, '2024-02-10');
    planAsOfView({}, '2024-03-31', TODAY, db);
    planAsOfView({ agency: 'MSIT' }, '2024-06-30', TODAY, db);
    const built = datesIn(db);
    // Each view also counts its previous quarter's end.
    const first = ['2023-12-31', '2024-03-31', '2024-06-30'];
    expect(built).toEqual({ dates: first, tallies: first, states: first, agencies: first });
    // Years later, both have left the window (it reaches back to 2027-03-31): the next build drops them.
    const later = '2033-02-15';
    planAsOfView({}, '2030-06-30', later, db);
    const now = ['2030-03-31', '2030-06-30'];
    expect(datesIn(db)).toEqual({ dates: now, tallies: now, states: now, agencies: now });
    // Building at a date inside the window drops nothing that is still in it.
    planAsOfView({}, '2030-09-30', later, db);
    expect(datesIn(db).dates).toEqual(['2030-03-31', '2030-06-30', '2030-09-30']);
  });
});

/** The connection's scratch tables (the projector's id list aside). */
const scratchTables = (db: Db) => tempTableNames(db).filter((n) => n !== 'as_of_ids');

describe('the source of a count', () => {
  it('is planned by scope and date: live tallies, a month end’s snapshot once built, an agency’s tallies, or the history', () => {
    const db = useSeededTestDb();
    // 2024-06-14 is nearest the month end 2024-05-31; 2025-06-29 nearer today than any month end; 2018-05-15 near none.
    const plans = (scope: object) =>
      Object.fromEntries(['2025-07-01', TODAY, '2025-06-29', '2024-06-14', '2024-05-31', '2018-05-15'].map((date) => [date, planSource(db, scope, date, TODAY)]));
    const before = {
      '2025-07-01': { kind: 'tallies' },
      [TODAY]: { kind: 'tallies' },
      '2025-06-29': { kind: 'tallies' },
      '2024-06-14': { kind: 'history' },
      '2024-05-31': { kind: 'history' },
      '2018-05-15': { kind: 'history' },
    };
    for (const scope of [{}, { area: 'BIO' }, { country: 'KR' }]) expect(plans(scope), JSON.stringify(scope)).toEqual(before);
    expect(plans({ agency: 'MSIT' })).toEqual({
      '2025-07-01': { kind: 'agency', agency: 'MSIT' },
      [TODAY]: { kind: 'agency', agency: 'MSIT' },
      '2025-06-29': { kind: 'history' },
      '2024-06-14': { kind: 'history' },
      '2024-05-31': { kind: 'history' },
      '2018-05-15': { kind: 'history' },
    });
    prepareSnapshots(db, {}, ['2024-06-14'], TODAY);
    const built = { ...before, '2024-06-14': { kind: 'snapshot', base: '2024-05-31' }, '2024-05-31': { kind: 'snapshot', base: '2024-05-31' } };
    for (const scope of [{}, { area: 'BIO' }, { country: 'KR' }]) expect(plans(scope), JSON.stringify(scope)).toEqual(built);
    expect(plans({ agency: 'MSIT' })).toMatchObject({
      '2024-06-14': { kind: 'agencySnapshot', agency: 'MSIT', base: '2024-05-31' },
      '2024-05-31': { kind: 'agencySnapshot', agency: 'MSIT', base: '2024-05-31' },
      '2025-06-29': { kind: 'history' },
    });
    // A dialogue's commitments are counted one by one: from the month end's states once it is built.
    expect(plans({ dialogue: 'KR-US-CET-2023' })).toEqual({
      ...Object.fromEntries(Object.keys(before).map((date) => [date, { kind: 'history' }])),
      '2024-06-14': { kind: 'states', base: '2024-05-31' },
      '2024-05-31': { kind: 'states', base: '2024-05-31' },
    });
    // Today and later build nothing; a date near no month end neither: they run no statement. A
    // snapshot already built costs one read, and never the write lock (nor its busy timeout).
    const prepare = vi.spyOn(db.$client, 'prepare');
    const pragma = vi.spyOn(db.$client, 'pragma');
    try {
      prepareSnapshots(db, {}, [TODAY, '2025-07-01', '2025-06-29', '2018-05-15'], TODAY);
      expect(prepare).not.toHaveBeenCalled();
      prepareSnapshots(db, {}, ['2024-06-14'], TODAY);
      expect(prepare.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^select "as_of" from "tally_snapshot_dates"/)]);
      expect(pragma).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
      pragma.mockRestore();
    }
    expect(datesIn(db).dates).toEqual(['2024-05-31']);
  });

  it('gives each commitment’s state on a date from the cheapest source, and drops its scratch table when released', () => {
    const db = useSeededTestDb();
    const { record } = handMadeHistory(db, TODAY);
    record('CET23-AI-01', 'in_progress', 20, '2024-06-10');
    record('CET23-AI-01', 'delayed', 25, '2024-09-10');
    record('CET23-BIO-01', 'at_risk', 30, '2025-06-29');
    prepareSnapshots(db, {}, ['2024-06-14'], TODAY);
    // Each commitment's state as its history gives it, for every source to equal.
    const searched = (date: string) => {
      const at = stateAtSql(date);
      return db.all(sql`select ${commitments.code} as code, ${at.status} as status, ${at.progress} as progress from ${commitments} order by code`);
    };
    const shapes = ['2025-07-01', TODAY, '2025-06-29', '2024-05-31', '2024-06-14', '2024-09-14', '2018-05-15'].map((date) => {
      const s = statesOn(db, date, TODAY, 'zz');
      const shape = { date, tables: scratchTables(db), snapshot: s.snapshot ? { base: s.snapshot.base, fix: s.snapshot.fixTable !== null } : null };
      const states = db.all(sql`select ${commitments.code} as code, ${s.columns.status} as status, ${s.columns.progress} as progress from ${s.from} order by code`);
      expect(states, date).toEqual(searched(date));
      s.release();
      expect(scratchTables(db), `${date} released`).toEqual([]);
      return shape;
    });
    expect(shapes).toEqual([
      { date: '2025-07-01', tables: [], snapshot: null },
      { date: TODAY, tables: [], snapshot: null },
      { date: '2025-06-29', tables: ['zz_since_20250629'], snapshot: null },
      { date: '2024-05-31', tables: [], snapshot: { base: '2024-05-31', fix: false } },
      { date: '2024-06-14', tables: ['fix_20240531_20240614'], snapshot: { base: '2024-05-31', fix: true } },
      // Its month end (2024-08-31) not built: a search of each history.
      { date: '2024-09-14', tables: [], snapshot: null },
      { date: '2018-05-15', tables: [], snapshot: null },
    ]);
  });

  it('leaves no scratch table behind after a view or a list, whichever source it read', () => {
    const db = useSeededTestDb();
    const { record } = handMadeHistory(db, TODAY);
    record('CET23-AI-01', 'in_progress', 20, '2024-06-10');
    record('CET23-BIO-01', 'delayed', 20, '2025-06-29');
    const seen = new Map<string, unknown>();
    for (const scope of [{}, { area: 'AI' }, { agency: 'MSIT' }, { dialogue: 'KR-US-CET-2023' }]) {
      for (const date of ['2025-06-29', '2024-05-31', '2024-06-14', '2018-05-15', TODAY]) {
        const view = planAsOfView(scope, date, TODAY, db);
        expect(scratchTables(db), `${JSON.stringify(scope)} ${date}`).toEqual([]);
        listAsOf(parseFiltersLeniently({ ...scope, asOf: date, sort: 'status' }), TODAY, db);
        expect(scratchTables(db), `list ${JSON.stringify(scope)} ${date}`).toEqual([]);
        // The same figures again: nothing left over from the first reading changes the second.
        expect(planAsOfView(scope, date, TODAY, db).headline, `${JSON.stringify(scope)} ${date} again`).toEqual(view.headline);
        seen.set(`${JSON.stringify(scope)} ${date}`, view.headline.counts);
      }
    }
    expect(seen.get('{} 2024-06-14')).toMatchObject({ in_progress: 1 });
    expect(seen.get('{} 2025-06-29')).toMatchObject({ in_progress: 1, delayed: 1 });
  });

  it('lists a narrow scope’s commitments once into a scratch table, and a broad one not at all', () => {
    const db = useSeededTestDb();
    const listed = (scope: object) => {
      const s = scopeOf(db, scope);
      const rows = scratchTables(db).includes('as_of_scope')
        ? (db.$client.prepare('select c.code from temp.as_of_scope t join commitments c on c.id = t.id order by c.code').all() as { code: string }[]).map((r) => r.code)
        : null;
      s.release();
      expect(scratchTables(db)).toEqual([]);
      return rows;
    };
    expect(listed({})).toBeNull();
    expect(listed({ area: 'QNT', country: 'KR' })).toBeNull();
    expect(listed({ agency: 'NIST' })).toEqual(['CET23-AI-04', 'CET23-QNT-01']);
    expect(listed({ agency: 'NIST', area: 'QNT' })).toEqual(['CET23-QNT-01']);
    expect(listed({ dialogue: 'KR-US-CET-2023', area: 'QNT' })).toEqual(['CET23-QNT-01', 'CET23-QNT-02']);
  });

  it('merges a month end’s counts with the changes since or until the date, commitments adopted and closed in between included', () => {
    withTwoConnections((a, b) => {
      const admin = testActor(a, 'admin2@example.org', 'admin', null);
      const ctx = { origin: 'test' };
      const later = (code: string, heldOn: string, due: string) => {
        saveDialogue(a, admin, null, { code, nameKo: '후속 대화', nameEn: 'Later dialogue', heldOn, placeKo: '서울', placeEn: 'Seoul' }, ctx);
        // Due before its dialogue: the burn-up's early case.
        createCommitment(a, admin, { code: `${code}-AI-01`, dialogueCode: code, areaCode: 'AI', titleKo: '후속', titleEn: 'Later', leadAgencyCode: 'MSIT', partners: '', due }, ctx);
      };
      later('LATER-JUNE', '2024-06-10', '2024-03');
      later('LATER-SEPT', '2024-09-29', '2024-09');
      const { record } = handMadeHistory(a, TODAY);
      record('CET23-AI-01', 'completed', 100, '2024-06-11');
      record('CET23-AI-02', 'discontinued', 0, '2024-06-12');
      record('CET23-AI-03', 'discontinued', 0, '2024-09-28');
      const pick = (v: AsOfView) => ({
        headline: v.headline,
        byArea: v.byArea.map((x) => [x.code, x.total, x.counts]),
        byLead: v.byLeadAgency.map((x) => [x.code, x.led, x.completed, x.overdue]),
        due: v.dueTimeline.map((q) => [q.quarter, q.completed, q.onCourse, q.overdue, q.discontinued]),
        burnup: v.series.map((p) => [p.period, p.dueByThen, p.completedOfDue]),
      });
      // Forward from 2024-06-30, forward from 2024-05-31, back from 2024-09-30: each base not yet built,
      // so the view under another connection's lock counts from the history.
      for (const asOf of ['2024-07-03', '2024-06-14', '2024-09-27']) {
        b.$client.prepare('begin immediate').run();
        let fromHistory: ReturnType<typeof pick>;
        try {
          fromHistory = pick(planAsOfView({}, asOf, TODAY, a));
        } finally {
          b.$client.prepare('rollback').run();
        }
        const fromSnapshot = pick(planAsOfView({}, asOf, TODAY, a));
        expect(fromSnapshot, asOf).toEqual(fromHistory);
      }
      expect(datesIn(a).dates).toEqual(expect.arrayContaining(['2024-05-31', '2024-06-30', '2024-09-30']));
      const june = planAsOfView({}, '2024-06-14', TODAY, a);
      expect(june.headline).toMatchObject({ total: 20, counts: expect.objectContaining({ completed: 1, discontinued: 1 }) });
      expect(june.dueTimeline.find((q) => q.quarter === '2024-Q4')).toMatchObject({ completed: 1, discontinued: 1 });
      const september = planAsOfView({}, '2024-09-27', TODAY, a);
      expect(september.headline.total).toBe(20);
      expect(september.headline.counts.discontinued).toBe(1);
      expect(planAsOfView({}, '2024-09-30', TODAY, a).headline).toMatchObject({ total: 21, counts: expect.objectContaining({ discontinued: 2 }) });
    });
  });
});

/** The tables (and scratch tables, by kind) that the statements run by `read` name. */
const TABLES = ['commitment_tallies', 'tally_snapshots', 'agency_tallies', 'agency_tally_snapshots', 'state_snapshots', 'status_transitions', 'history_tallies', 'tally_delta', 'fix', 'state_at'];
function tablesRead(db: Db, read: () => void): string[] {
  const prepare = vi.spyOn(db.$client, 'prepare');
  try {
    read();
    const statements = prepare.mock.calls.map((c) => String(c[0]));
    return TABLES.filter((name) => statements.some((s) => new RegExp(`(^|[^a-z_])"?${name}(?![a-z])`).test(s)));
  } finally {
    prepare.mockRestore();
  }
}

describe('a count follows its plan', () => {
  it('reading the tables that plan names and no other', () => {
    const db = useSeededTestDb();
    handMadeHistory(db, TODAY).record('CET23-AI-01', 'in_progress', 20, '2024-06-10');
    prepareSnapshots(db, {}, ['2024-06-14'], TODAY);
    const read = (scopeFilter: object, date: string) => {
      const s = scopeOf(db, scopeFilter);
      try {
        return tablesRead(db, () => statesAt(db, scopeFilter, s.scope, date, TODAY));
      } finally {
        s.release();
      }
    };
    const live = ['commitment_tallies', 'status_transitions', 'tally_delta'];
    const history = ['status_transitions', 'history_tallies', 'state_at'];
    const snapshotAndFix = ['state_snapshots', 'status_transitions', 'tally_delta', 'fix'];
    expect(read({}, END_OF_TIME), 'once all history has happened').toEqual(['commitment_tallies']);
    expect(read({}, TODAY)).toEqual(live);
    expect(read({ area: 'AI' }, '2025-06-29')).toEqual(live);
    expect(read({}, '2024-05-31'), 'a month end itself').toEqual(['tally_snapshots']);
    expect(read({ country: 'US' }, '2024-06-14'), 'near a month end').toEqual(['tally_snapshots', ...snapshotAndFix]);
    expect(read({}, '2018-05-15'), 'near no month end').toEqual(history);
    expect(read({ agency: 'MSIT' }, TODAY)).toEqual(['agency_tallies', 'status_transitions', 'tally_delta']);
    expect(read({ agency: 'MSIT' }, '2024-05-31')).toEqual(['agency_tally_snapshots']);
    expect(read({ agency: 'MSIT' }, '2024-06-14')).toEqual(['agency_tally_snapshots', ...snapshotAndFix]);
    expect(read({ agency: 'MSIT' }, '2025-06-29')).toEqual(history);
    expect(read({ dialogue: 'KR-US-CET-2023' }, TODAY)).toEqual(history);
    expect(read({ dialogue: 'KR-US-CET-2023' }, '2024-05-31')).toEqual(['state_snapshots', 'history_tallies']);
    expect(read({ dialogue: 'KR-US-CET-2023' }, '2024-06-14')).toEqual(['state_snapshots', 'status_transitions', 'history_tallies', 'fix']);
  });

  it('leaves out an area, lead agency or due date whose commitments all came after the date', () => {
    const db = useSeededTestDb();
    const admin = testActor(db, 'admin2@example.org', 'admin', null);
    const ctx = { origin: 'test' };
    // An agency leading nothing else, a due date no other commitment has, adopted the day before today.
    const meti = saveAgency(db, admin, null, { code: 'METI', nameKo: '경제산업성', nameEn: 'Ministry of Economy, Trade and Industry', country: 'JP', kind: 'ministry' }, ctx);
    saveDialogue(db, admin, null, { code: 'LATER', nameKo: '후속 대화', nameEn: 'Later dialogue', heldOn: '2025-06-29', placeKo: '서울', placeEn: 'Seoul' }, ctx);
    createCommitment(db, admin, { code: 'LATER-AI-01', dialogueCode: 'LATER', areaCode: 'AI', titleKo: '후속', titleEn: 'Later', leadAgencyCode: 'METI', partners: '', due: '2031-03' }, ctx);
    prepareSnapshots(db, {}, ['2025-06-14'], TODAY);
    const at = (scopeFilter: object, date: string) => {
      const s = scopeOf(db, scopeFilter);
      try {
        const { groups, dues } = statesAt(db, scopeFilter, s.scope, date, TODAY);
        return { led: groups.filter((g) => g.leadAgencyId === meti.id), due: dues.filter((d) => d.dueEnd === '2031-03-31') };
      } finally {
        s.release();
      }
    };
    const adopted = { led: [expect.objectContaining({ total: 1 })], due: [{ dueEnd: '2031-03-31', completed: 0, discontinued: 0, open: 1 }] };
    expect(at({}, TODAY)).toEqual(adopted);
    expect(at({ agency: 'METI' }, TODAY)).toEqual(adopted);
    // From the live tallies (and the agency's), less what came after; from a month end's tallies, plus what came before.
    for (const [scope, date] of [[{}, '2025-06-28'], [{ agency: 'METI' }, '2025-06-28'], [{ area: 'AI' }, '2025-06-28'], [{}, '2025-06-14']] as const) {
      expect(at(scope, date), `${JSON.stringify(scope)} ${date}`).toEqual({ led: [], due: [] });
    }
    expect(at({}, '2025-06-29')).toEqual(adopted);
  });
});

describe('building a month-end snapshot', () => {
  it('throws any error but a busy write lock, puts the busy timeout back and leaves nothing half built', () => {
    const db = useSeededTestDb();
    handMadeHistory(db, TODAY).record('CET23-AI-01', 'in_progress', 20, '2024-06-10');
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.$client.exec(`create temp trigger refuse_snapshot before insert on main.tally_snapshot_dates begin select raise(abort, 'refused by a trigger'); end`);
    expect(() => prepareSnapshots(db, {}, ['2024-06-14'], TODAY)).toThrow('refused by a trigger');
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(datesIn(db)).toEqual({ dates: [], tallies: [], states: [], agencies: [] });
    // An error with no SQLite code at all (here from a function in the statement) is thrown as it is.
    db.$client.function('refuse_in_js', () => {
      throw new RangeError('refused in JavaScript');
    });
    db.$client.exec(`drop trigger refuse_snapshot; create temp trigger refuse_snapshot before insert on main.tally_snapshot_dates begin select refuse_in_js(); end`);
    expect(() => prepareSnapshots(db, {}, ['2024-06-14'], TODAY)).toThrow(new RangeError('refused in JavaScript'));
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.$client.exec('drop trigger refuse_snapshot');
    prepareSnapshots(db, {}, ['2024-06-14'], TODAY);
    expect(datesIn(db).dates).toEqual(['2024-05-31']);
  });

  it('keeps the one another connection built after it looked and before it took the write lock', () => {
    withTwoConnections((a, b) => {
      handMadeHistory(a, TODAY).record('CET23-AI-01', 'in_progress', 20, '2024-06-10');
      const pragma = a.$client.pragma.bind(a.$client);
      // The moment between: `a` has found no snapshot and is about to take the lock.
      const between = vi.spyOn(a.$client, 'pragma').mockImplementation(((source: string, options?: object) => {
        if (source === 'busy_timeout = 0') prepareSnapshots(b, {}, ['2024-06-14'], TODAY);
        return pragma(source, options);
      }) as typeof a.$client.pragma);
      try {
        prepareSnapshots(a, {}, ['2024-06-14'], TODAY);
      } finally {
        between.mockRestore();
      }
      expect(datesIn(a)).toEqual({ dates: ['2024-05-31'], tallies: ['2024-05-31'], states: ['2024-05-31'], agencies: ['2024-05-31'] });
      expect(planAsOfView({}, '2024-06-14', TODAY, a).headline.counts.in_progress).toBe(1);
    });
  });
});
