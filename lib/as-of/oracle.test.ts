import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import { agencies, areas, commitmentPartners, commitments, dialogues, statusFlowTotals, statusFlows, statusFlowsByAgency, statusUpdates, tallySnapshotDates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { isClosed, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { addDays } from '@/lib/periods/dates';
import { formatQuarter, quarterOf } from '@/lib/periods/quarters';
import { recordRandomHistory, rng } from '@/lib/testing/random-history';
import { testSeed } from '@/lib/testing/seed';
import { insertTestUser, projectedEdit, useSeededTestDb, useTestDbCopy } from '@/lib/testing/test-db';
import { createCommitment } from '@/lib/admin/commitment-service';
import { saveDialogue } from '@/lib/admin/reference-service';
import { planAsOfView as getDashboard } from './view';
import type { AsOfScope as DashboardScope } from './scope';
import { baseFor } from './snapshot-dates';
import { END_OF_TIME } from './state';

const TODAY = '2025-06-30';
let db: Db;
let admin: Actor;

/** 150 entries on the commitments, recorded out of world order (many back-dated). */
const randomHistory = (seed: number) => recordRandomHistory(db, admin, seed, TODAY);

/**
 * The figures worked out from the raw history alone, without the tallies, snapshots or rollups: each
 * commitment stands where its latest entry effective by then (ties by recording order) put it, or
 * where it started.
 */
type Who = { areaCode: string; country: string; agencies: string[]; code: string };

function independently(date: string, keep: (c: Who) => boolean) {
  const rows = db
    .select({ id: commitments.id, dueEnd: commitments.dueEnd, areaCode: areas.code, lead: agencies.code, country: agencies.country, dialogueId: commitments.dialogueId, code: commitments.code })
    .from(commitments)
    .innerJoin(areas, eq(areas.id, commitments.areaId))
    .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
    .where(sql`${commitments.archivedAt} is null`)
    .all()
    // A commitment exists from its dialogue's date on.
    .filter((c) => db.select().from(dialogues).where(eq(dialogues.id, c.dialogueId)).get()!.heldOn <= date)
    .map((c) => ({ ...c, agencies: [c.lead, ...partnersOf(c.id)] }))
    .filter(keep);
  const history = db.select().from(statusUpdates).orderBy(asc(statusUpdates.id)).all();
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byLead = new Map<string, { led: number; completed: number; overdue: number }>();
  const byQuarter = new Map<string, { completed: number; overdue: number; open: number }>();
  let overdue = 0;
  let progress = 0;
  for (const c of rows) {
    const own = history.filter((u) => u.commitmentId === c.id);
    const upTo = own.filter((u) => u.effectiveDate <= date).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.id - b.id);
    const last = upTo.at(-1);
    const status = (last?.newStatus ?? own[0]?.previousStatus ?? 'not_started') as Status;
    progress += last?.newProgress ?? own[0]?.previousProgress ?? 0;
    counts[status] += 1;
    const open = !isClosed(status);
    const late = c.dueEnd !== null && c.dueEnd < date && open;
    if (late) overdue += 1;
    const lead = byLead.get(c.lead) ?? { led: 0, completed: 0, overdue: 0 };
    lead.led += 1;
    if (status === 'completed') lead.completed += 1;
    if (late) lead.overdue += 1;
    byLead.set(c.lead, lead);
    if (c.dueEnd) {
      const q = formatQuarter(quarterOf(c.dueEnd));
      const due = byQuarter.get(q) ?? { completed: 0, overdue: 0, open: 0 };
      if (status === 'completed') due.completed += 1;
      if (late) due.overdue += 1;
      if (open) due.open += 1;
      byQuarter.set(q, due);
    }
  }
  return { counts, overdue, total: rows.length, meanProgress: rows.length ? progress / rows.length : 0, byLead, byQuarter };
}

function expectSame(d: ReturnType<typeof getDashboard>, want: ReturnType<typeof independently>, label: string) {
  expect(d.headline.counts, label).toEqual(want.counts);
  expect(d.headline.overdue, label).toBe(want.overdue);
  expect(d.headline.total, label).toBe(want.total);
  expect(d.headline.meanProgress, label).toBeCloseTo(want.meanProgress, 9);
  expect(Object.fromEntries(d.byLeadAgency.map((a) => [a.code, { led: a.led, completed: a.completed, overdue: a.overdue }])), label).toEqual(Object.fromEntries(want.byLead));
  expect(
    Object.fromEntries(d.dueTimeline.map((q) => [q.quarter, { completed: q.completed, overdue: q.overdue, open: q.overdue + q.onCourse }])),
    label,
  ).toEqual(Object.fromEntries(want.byQuarter));
}

function partnersOf(commitmentId: number): string[] {
  return db
    .select({ code: agencies.code })
    .from(commitmentPartners)
    .innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId))
    .where(eq(commitmentPartners.commitmentId, commitmentId))
    .all()
    .map((r) => r.code);
}

/** The progress series: each period's counts and mean progress, as the history says they stood at its end. */
function expectSeries(d: ReturnType<typeof getDashboard>, keep: (c: Who) => boolean, label: string) {
  expect(d.series.length, label).toBeGreaterThan(0);
  for (const p of d.series) {
    const want = independently(p.end, keep);
    expect(p.counts, `${label}, series at ${p.end}`).toEqual(want.counts);
    expect(p.meanProgress, `${label}, series at ${p.end}`).toBeCloseTo(want.meanProgress, 9);
  }
}

/** The seed of the history every scope is checked on (printed; TEST_SEED replays another). */
const ORACLE_SEED = testSeed(7, 'oracle history');

const DATES = ['2023-12-09', '2023-12-31', '2024-01-15', '2024-02-29', '2024-03-01', '2024-04-30', '2024-05-17', '2024-12-31', '2025-01-01', '2025-03-31', '2025-06-12', '2025-06-29', TODAY];

/** The random history with same-day ties: the seed is in the test's name, and TEST_SEED replays another. */
const TIE_SEED = Number(process.env.TEST_SEED ?? 29);
/** Dates counted from a month-end snapshot going forward (2024-01-15, 2024-03-01) or back (2024-03-20, 2024-05-17, 2024-10-20), or back from today's tallies (2025-06-20, 2025-06-29). */
const TIE_DATES = ['2024-01-15', '2024-03-01', '2024-03-20', '2024-05-17', '2024-10-20', '2025-06-20', '2025-06-29'];

/**
 * For each date, runs of two or three entries effective on one day, with different statuses and
 * progress, recorded back to back: on a random day inside the window between the date and the
 * snapshot or today it is counted from, on the window's far end, and on the date itself. Undoing or
 * replaying a window's entries must keep their recording order within the day. Returns how many
 * runs it made.
 */
function recordSameDayTies(seed: number, dates: string[]): number {
  const random = rng(seed * 7919 + 1);
  const all = db.select({ code: commitments.code, adoptedOn: commitments.adoptedOn }).from(commitments).where(sql`${commitments.archivedAt} is null`).all();
  let runs = 0;
  for (const date of dates) {
    const base = baseFor(date, TODAY);
    if (base === null || base === date) continue;
    const [from, to] = base === END_OF_TIME ? [date, TODAY] : date < base ? [date, base] : [base, date];
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    for (const day of [addDays(from, 1 + Math.floor(random() * span)), to, date]) {
      const candidates = all.filter((c) => c.adoptedOn <= day);
      const code = candidates[Math.floor(random() * candidates.length)]!.code;
      const statuses = [...STATUSES];
      for (let i = statuses.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [statuses[i], statuses[j]] = [statuses[j]!, statuses[i]!];
      }
      statuses.length = 2 + Math.floor(random() * 2);
      for (const status of statuses) {
        const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
        const progress = status === 'completed' ? 100 : Math.floor(random() * 100);
        updateCommitmentStatus(db, admin, code, { status, progress, note: 'same day', effectiveDate: day, version }, { origin: 'test' }, TODAY);
      }
      runs += 1;
    }
  }
  return runs;
}

beforeEach(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  admin = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
});

describe('counting at any date, from tallies, snapshots and the history', () => {
  /**
   * One random history (150 entries, seed printed, TEST_SEED replays another) with a second dialogue
   * held on 2024-05-17, built once; each scope is then checked at every date on its own copy of it,
   * so no single test runs long and a failure names its scope.
   */
  describe(`agrees with the raw history for every scope and date, month end or not, dialogues held later included (seed ${ORACLE_SEED})`, () => {
    let image: Buffer;
    let builtBy: Actor;
    beforeAll(() => {
      db = useSeededTestDb();
      const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
      admin = builtBy = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
      // A second dialogue held on 2024-05-17: its commitments count from that day on, not before.
      saveDialogue(db, admin, null, { code: 'LATER-2024', nameKo: '후속 대화', nameEn: 'Later dialogue', heldOn: '2024-05-17', placeKo: '서울', placeEn: 'Seoul' }, { origin: 'test' });
      for (const [code, area, lead, due] of [['LATER-1', 'SEMI', 'MSIT', '2024-03'], ['LATER-2', 'BAT', 'MOTIE', '2024-Q4'], ['LATER-3', 'SEMI', 'DOE', 'ongoing']] as const) {
        createCommitment(db, admin, { code, dialogueCode: 'LATER-2024', areaCode: area, titleKo: code, titleEn: code, leadAgencyCode: lead, partners: lead === 'MSIT' ? 'NSF' : 'MSIT', due }, { origin: 'test' });
      }
      randomHistory(ORACLE_SEED);
      image = db.$client.serialize();
    }, 120_000);
    beforeEach(() => {
      db = useTestDbCopy(image);
      admin = builtBy;
    });

    it('counts the later dialogue’s commitments from its date on', () => {
      expect(independently('2024-04-30', () => true).total).toBe(19);
      expect(independently('2024-05-17', () => true).total).toBe(22);
    });

    const firstDialogue = () => db.select().from(dialogues).get()!.code;
    // Narrow scopes are counted commitment by commitment: the two ways must agree.
    it.for<[string, () => DashboardScope, (c: Who) => boolean]>([
      ['everything', () => ({}), () => true],
      ['area SEMI', () => ({ area: 'SEMI' }), (c) => c.areaCode === 'SEMI'],
      ['country KR', () => ({ country: 'KR' }), (c) => c.country === 'KR'],
      ['the first dialogue', () => ({ dialogue: firstDialogue() }), (c) => !c.code.startsWith('LATER')],
      ['agency MSIT', () => ({ agency: 'MSIT' }), (c) => c.agencies.includes('MSIT')],
      ['agency DOE in area BAT', () => ({ agency: 'DOE', area: 'BAT' }), (c) => c.agencies.includes('DOE') && c.areaCode === 'BAT'],
      ['the later dialogue', () => ({ dialogue: 'LATER-2024' }), (c) => c.code.startsWith('LATER')],
    ])('for %s', { timeout: 60_000 }, ([, scopeOf, keep]) => {
      const scope = scopeOf();
      for (const date of DATES) {
        const d = getDashboard(scope, date, TODAY, db);
        expectSame(d, independently(date, keep), `seed ${ORACLE_SEED}: ${JSON.stringify(scope)} at ${date}`);
        if (scope.dialogue === 'LATER-2024' && date < '2024-05-17') expect(d.series, 'no series before the dialogue').toEqual([]);
        else if (date === '2025-06-12' || date === '2024-04-30') expectSeries(d, keep, `seed ${ORACLE_SEED}: ${JSON.stringify(scope)}`);
      }
    });
  });

  it(`agrees with the raw history when entries share a day inside a correction window (seed ${TIE_SEED}; TEST_SEED overrides)`, () => {
    randomHistory(TIE_SEED);
    const tied = recordSameDayTies(TIE_SEED, TIE_DATES);
    expect(tied, 'ties were made inside the windows').toBeGreaterThanOrEqual(2 * TIE_DATES.length);
    const dialogue = db.select().from(dialogues).get()!.code;
    const scopes: [DashboardScope, (c: Who) => boolean][] = [
      [{}, () => true],
      [{ area: 'SEMI' }, (c) => c.areaCode === 'SEMI'],
      [{ country: 'US' }, (c) => c.country === 'US'],
      [{ dialogue }, () => true],
      [{ agency: 'MSIT' }, (c) => c.agencies.includes('MSIT')],
    ];
    for (const date of TIE_DATES) {
      for (const [scope, keep] of scopes) expectSame(getDashboard(scope, date, TODAY, db), independently(date, keep), `seed ${TIE_SEED}: ${JSON.stringify(scope)} at ${date}`);
    }
  });

  it('keeps snapshots only while they are true: a back-dated entry or a moved commitment drops them', () => {
    randomHistory(11);
    const before = getDashboard({}, '2024-03-31', TODAY, db);
    expect(db.select().from(tallySnapshotDates).all().map((r) => r.asOf)).toContain('2024-03-31');

    // An entry effective in February changes March's end: the snapshot goes, the figures follow.
    const code = 'CET23-SEMI-01';
    const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
    updateCommitmentStatus(db, admin, code, { status: 'discontinued', progress: 0, note: 'late news', effectiveDate: '2024-02-01', version }, { origin: 'test' }, TODAY);
    expect(db.select().from(tallySnapshotDates).all().map((r) => r.asOf).filter((d) => d >= '2024-02-01')).toEqual([]);
    const after = getDashboard({}, '2024-03-31', TODAY, db);
    expectSame(after, independently('2024-03-31', () => true), 'after a back-dated entry');
    expect(after.headline.counts.discontinued).toBeGreaterThanOrEqual(before.headline.counts.discontinued);

    // An entry effective later leaves March alone.
    getDashboard({}, '2024-03-31', TODAY, db);
    const v2 = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
    updateCommitmentStatus(db, admin, code, { status: 'in_progress', progress: 10, note: 'reopened', effectiveDate: '2025-06-01', version: v2 }, { origin: 'test' }, TODAY);
    expect(db.select().from(tallySnapshotDates).all().map((r) => r.asOf)).toContain('2024-03-31');

    // Moving a commitment to another area rewrites every past: all snapshots go.
    const bio = db.select().from(areas).where(eq(areas.code, 'BIO')).get()!;
    projectedEdit(db, [code], (tx) => tx.update(commitments).set({ areaId: bio.id }).where(eq(commitments.code, code)).run());
    expect(db.select().from(tallySnapshotDates).all()).toEqual([]);
    expectSame(getDashboard({ area: 'BIO' }, '2024-03-31', TODAY, db), independently('2024-03-31', (c) => c.areaCode === 'BIO'), 'after a move');
  });

  it('keeps the rollup totals and the per-agency rollup equal to what they sum', () => {
    randomHistory(3);
    // Partners and leads change after the history exists: the per-agency rollup must follow.
    const agencyId = (code: string) => db.select().from(agencies).where(eq(agencies.code, code)).get()!.id;
    const semi = db.select().from(commitments).where(eq(commitments.code, 'CET23-SEMI-01')).get()!;
    projectedEdit(db, ['CET23-SEMI-01'], (tx) => tx.insert(commitmentPartners).values({ commitmentId: semi.id, agencyId: agencyId('NSF'), role: 'participant' }).onConflictDoNothing().run());
    projectedEdit(db, ['CET23-SEMI-01'], (tx) => tx.update(commitments).set({ leadAgencyId: agencyId('NIST') }).where(eq(commitments.id, semi.id)).run());
    projectedEdit(db, ['CET23-SEMI-01'], (tx) => tx.delete(commitmentPartners).where(eq(commitmentPartners.commitmentId, semi.id)).run());
    projectedEdit(db, ['CET23-BIO-01'], (tx) => tx.update(commitments).set({ leadAgencyId: agencyId('MOTIE') }).where(eq(commitments.code, 'CET23-BIO-01')).run());
    const byAgency = (rows: { agency: number; month: number; from: string; to: string; n: number; fp: number; tp: number }[]) =>
      Object.fromEntries(rows.filter((r) => r.n !== 0 || r.fp !== 0 || r.tp !== 0).map((r) => [`${r.agency}:${r.month}:${r.from}:${r.to}`, [r.n, r.fp, r.tp]]));
    const f = statusFlowsByAgency;
    const kept = db.select({ agency: f.agencyId, month: f.month, from: f.fromStatus, to: f.toStatus, n: f.n, fp: f.fromProgressSum, tp: f.toProgressSum }).from(f).all();
    const recomputed = db.all<{ agency: number; month: number; from: string; to: string; n: number; fp: number; tp: number }>(sql`
      select m.agency_id as agency, cast(substr(t.effective_date, 1, 4) as integer) * 12 + cast(substr(t.effective_date, 6, 2) as integer) - 1 as month,
        t.from_status as "from", t.to_status as "to", count(*) as n, sum(t.from_progress) as fp, sum(t.to_progress) as tp
      from status_transitions t join (select id as cid, lead_agency_id as agency_id from commitments union select commitment_id, agency_id from commitment_partners) m on m.cid = t.commitment_id
      group by 1, 2, 3, 4`);
    expect(byAgency(kept)).toEqual(byAgency(recomputed));
    expect(Object.keys(byAgency(kept)).length).toBeGreaterThan(10);

    const fromRollup = db
      .select({ month: statusFlows.month, from: statusFlows.fromStatus, to: statusFlows.toStatus, n: sql<number>`sum(${statusFlows.n})`, fp: sql<number>`sum(${statusFlows.fromProgressSum})` })
      .from(statusFlows)
      .groupBy(statusFlows.month, statusFlows.fromStatus, statusFlows.toStatus)
      .all()
      .filter((r) => r.n !== 0 || r.fp !== 0);
    const totals = db
      .select({ month: statusFlowTotals.month, from: statusFlowTotals.fromStatus, to: statusFlowTotals.toStatus, n: statusFlowTotals.n, fp: statusFlowTotals.fromProgressSum })
      .from(statusFlowTotals)
      .all()
      .filter((r) => r.n !== 0 || r.fp !== 0);
    const key = (r: { month: number; from: string; to: string }) => `${r.month}:${r.from}:${r.to}`;
    expect(totals.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(fromRollup.sort((a, b) => key(a).localeCompare(key(b))));
    expect(totals.length).toBeGreaterThan(10);
  });

  it('follows archiving and due-date changes made after the snapshots were built', () => {
    randomHistory(5);
    for (const date of DATES) getDashboard({}, date, TODAY, db);
    projectedEdit(db, ['CET23-AI-01'], (tx) => tx.update(commitments).set({ archivedAt: '2025-06-01T00:00:00Z' }).where(eq(commitments.code, 'CET23-AI-01')).run());
    projectedEdit(db, ['CET23-QNT-01'], (tx) => tx.update(commitments).set({ dueEnd: '2024-01-31', dueSpec: '2024-01', duePrecision: 'month', dueStart: '2024-01-01' }).where(eq(commitments.code, 'CET23-QNT-01')).run());
    for (const date of DATES) expectSame(getDashboard({}, date, TODAY, db), independently(date, () => true), `after the edits, at ${date}`);
  });
});

describe('with another connection writing', () => {
  it('reads every figure from one moment, and from the history when a write drops the snapshot first', () => {
    const file = path.join(os.tmpdir(), `dashboard-${process.pid}-${Date.now()}.db`);
    const a = openDatabase(file);
    migrateDatabase(a);
    seedReferenceData(a);
    const b = openDatabase(file);
    const hooked = a as unknown as { transaction: Db['transaction']; all: Db['all'] };
    try {
      db = a;
      const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
      admin = { ...admin, id: u.id };
      randomHistory(13);
      getDashboard({}, '2024-03-31', TODAY, a);

      // 1. A write lands between building the snapshot and reading: the snapshot is gone, the history answers.
      const transaction = hooked.transaction.bind(a);
      hooked.transaction = ((fn: never, config: never) => {
        const first = b.$client.prepare('select code from commitments order by id limit 1').get() as { code: string };
        projectedEdit(b, [first.code], (tx) => tx.$client.prepare(`update commitments set due_end = '2030-12-31' where code = ?`).run(first.code));
        hooked.transaction = transaction;
        return transaction(fn, config);
      }) as Db['transaction'];
      expectSame(getDashboard({}, '2024-03-31', TODAY, a), independently('2024-03-31', () => true), 'snapshot dropped before the read');

      // 2. A write lands in the middle of the read: no figure sees it; the next request does.
      getDashboard({}, '2024-03-31', TODAY, a);
      const before = independently('2024-03-31', () => true);
      const all = hooked.all.bind(a);
      hooked.all = ((query: never) => {
        const last = b.$client.prepare('select code from commitments order by id desc limit 1').get() as { code: string };
        projectedEdit(b, [last.code], (tx) => tx.$client.prepare(`update commitments set archived_at = '2025-06-01T00:00:00Z' where code = ?`).run(last.code));
        hooked.all = all;
        return all(query);
      }) as Db['all'];
      expectSame(getDashboard({}, '2024-03-31', TODAY, a), before, 'write during the read');
      const after = getDashboard({}, '2024-03-31', TODAY, a);
      expect(after.headline.total).toBe(before.total - 1);
      expectSame(after, independently('2024-03-31', () => true), 'the next request');

      // 3. Another connection holds the write lock: no waiting for it; the history answers.
      b.$client.prepare('begin immediate').run();
      expectSame(getDashboard({}, '2024-09-30', TODAY, a), independently('2024-09-30', () => true), 'while another connection writes');
      b.$client.prepare('commit').run();
      expect(a.select().from(tallySnapshotDates).all().map((r) => r.asOf)).not.toContain('2024-09-30');
      getDashboard({}, '2024-09-30', TODAY, a);
      expect(a.select().from(tallySnapshotDates).all().map((r) => r.asOf)).toContain('2024-09-30');
    } finally {
      a.$client.close();
      b.$client.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    }
  });
});
