import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { assessments, claimDecisions, claims, commitments, dialogues, statusUpdates, users } from '@/db/schema';
import { verifyDerived } from '@/lib/as-of/maintenance';
import { staleAt } from '@/lib/as-of/staleness';
import { verifyChains } from '@/lib/audit/chain';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { addDays } from '@/lib/periods/dates';
import { createTestDb, snapshotTables } from '@/lib/testing/test-db';
import { seedDatabase } from '../run';
import { buildSample, SAMPLE_DIALOGUE_CODE, SAMPLE_SPAN_DAYS } from './dialogue';
import { planSampleHistory } from './history';

// Argon2 on 30 demo accounts would take most of the run; the accounts' passwords are not under test.
vi.mock('@/lib/auth/password', async (original) => ({ ...(await original<typeof import('@/lib/auth/password')>()), hashPassword: async (p: string) => `test-hash:${p}` }));

const TODAY = '2025-06-15';
const PASSWORD = 'demo-password-2023';

const syntheticDialogues = (db: Db) => db.select({ code: dialogues.code }).from(dialogues).where(eq(dialogues.synthetic, true)).all();

describe('db:seed without --demo', () => {
  it('adds no synthetic dialogue, and no sample with --demo --no-sample either', async () => {
    const plain = createTestDb();
    await seedDatabase(plain, { demo: false, password: PASSWORD, today: TODAY });
    expect(plain.select({ code: dialogues.code }).from(dialogues).all()).toEqual([{ code: 'KR-US-CET-2023' }]);
    expect(syntheticDialogues(plain)).toEqual([]);

    const demo = createTestDb();
    await seedDatabase(demo, { demo: true, sample: false, password: PASSWORD, today: TODAY });
    expect(syntheticDialogues(demo)).toEqual([]);
    expect(demo.select({ n: sql<number>`count(*)` }).from(commitments).get()!.n).toBe(19);
  });
});

describe('db:seed --demo: the synthetic sample dialogue', () => {
  let db: Db;
  beforeAll(async () => {
    db = createTestDb();
    await seedDatabase(db, { demo: true, password: PASSWORD, today: TODAY });
  });

  const sample = () =>
    db.select().from(commitments).innerJoin(dialogues, eq(dialogues.id, commitments.dialogueId)).where(eq(dialogues.code, SAMPLE_DIALOGUE_CODE)).all().map((r) => r.commitments);
  const entries = () => db.select().from(statusUpdates).innerJoin(commitments, eq(commitments.id, statusUpdates.commitmentId)).where(sql`${commitments.code} like 'SAMPLE-%'`).all().map((r) => r.status_updates);

  it('is marked synthetic and named so in both languages, held two years before the seed day', () => {
    const d = db.select().from(dialogues).where(eq(dialogues.code, SAMPLE_DIALOGUE_CODE)).get()!;
    expect([d.synthetic, d.nameKo, d.nameEn, d.heldOn]).toEqual([true, '예시 대화(가상)', 'Sample dialogue (synthetic)', addDays(TODAY, -SAMPLE_SPAN_DAYS)]);
    // The shipped dialogue stays real, with no history invented for it.
    expect(syntheticDialogues(db)).toEqual([{ code: SAMPLE_DIALOGUE_CODE }]);
    expect(db.select().from(commitments).where(sql`${commitments.code} like 'CET23-%'`).all().every((c) => c.status === 'not_started' && c.version === 1)).toBe(true);
  });

  it('holds about 60 commitments across six areas, on both sides, with every kind of due period', () => {
    const rows = sample();
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((c) => c.areaId)).size).toBe(6);
    expect(new Set(rows.map((c) => c.duePrecision))).toEqual(new Set(['year', 'half', 'quarter', 'part', 'month', 'none']));
    expect(rows.filter((c) => c.targetKo !== null).length).toBeGreaterThan(5);
  });

  it('gives each synthetic agency a demo official with a Korean display name', () => {
    const officials = db.select({ email: users.email, nameKo: users.nameKo }).from(users).where(sql`${users.email} like 'sample-%'`).all();
    expect(officials.map((o) => o.email).sort()).toEqual(['sample-ka', 'sample-kb', 'sample-kc', 'sample-ua', 'sample-ub', 'sample-uc'].map((s) => `${s}@demo.example`));
    expect(officials.every((o) => /가상/.test(o.nameKo ?? ''))).toBe(true);
  });

  it('shows every status, back-dated entries, overdue and stale commitments, claims in every state and assessments', () => {
    const rows = sample();
    expect(new Set(rows.map((c) => c.status))).toEqual(new Set(STATUSES));
    const history = entries();
    const days = (e: (typeof history)[number]) => (Date.parse(e.recordedAt.slice(0, 10)) - Date.parse(e.effectiveDate)) / 86_400_000;
    expect(history.filter((e) => days(e) >= 30).length, 'entries recorded a month or more after they took effect').toBeGreaterThanOrEqual(3);
    expect(history.every((e) => e.effectiveDate >= addDays(TODAY, -SAMPLE_SPAN_DAYS) && e.recordedAt < `${TODAY}T00:00:00Z`)).toBe(true);

    const open = rows.filter((c) => c.status !== 'completed' && c.status !== 'discontinued');
    expect(open.filter((c) => c.dueEnd !== null && c.dueEnd < TODAY).length, 'overdue').toBeGreaterThanOrEqual(3);
    const lastRecorded = new Map<number, string>();
    for (const e of history) if (e.recordedAt > (lastRecorded.get(e.commitmentId) ?? '')) lastRecorded.set(e.commitmentId, e.recordedAt);
    // The app's rule (no entry recorded in 90 days), on commitments that do have entries.
    const stale = staleAt(TODAY);
    const withEntries = open.filter((c) => lastRecorded.has(c.id)).map((c) => ({ ...c, lastRecordedAt: lastRecorded.get(c.id)! }));
    expect(withEntries.filter(stale).length, 'open commitments with entries, none recorded in 90 days').toBeGreaterThanOrEqual(3);
    // Not every open commitment is stale: most were updated lately.
    expect(withEntries.filter((c) => !stale(c)).length).toBeGreaterThan(20);

    const answered = new Map(db.select().from(claimDecisions).all().map((d) => [d.claimId, d.decision]));
    const claimStates = db.select({ id: claims.updateId }).from(claims).all().map((c) => answered.get(c.id) ?? 'pending');
    expect(new Set(claimStates)).toEqual(new Set(['pending', 'confirm', 'dispute']));
    expect(db.select({ n: sql<number>`count(*)` }).from(assessments).get()!.n).toBeGreaterThanOrEqual(5);
  });

  it('passes db:verify and audit:verify: every entry went through the services', () => {
    expect(verifyDerived(db)).toEqual([]);
    const chains = verifyChains(db.$client);
    expect(chains.ok).toBe(true);
    expect(chains.statusUpdates).toBe(entries().length);
    const audited = db.$client.prepare(`select count(*) as n from audit_events where action = 'commitment.status_update'`).get() as { n: number };
    expect(audited.n).toBe(chains.statusUpdates);
  });

  it('adds nothing when seeded again', async () => {
    const before = snapshotTables(db);
    const again = await seedDatabase(db, { demo: true, password: PASSWORD, today: addDays(TODAY, 3) });
    expect(again.sample).toEqual({ users: 0, commitments: 0, updates: 0, decisions: 0, assessments: 0 });
    expect(snapshotTables(db)).toEqual(before);
  });
});

describe('the sample plan', () => {
  it('is the same for the same seed day, and moves with it', () => {
    const a = planSampleHistory(buildSample(TODAY).plans, TODAY);
    expect(planSampleHistory(buildSample(TODAY).plans, TODAY)).toEqual(a);
    const later = addDays(TODAY, 100);
    const b = planSampleHistory(buildSample(later).plans, later);
    expect(b.length).toBeGreaterThan(100);
    expect(b[0]!.at).toBeGreaterThan(a[0]!.at);
  });
});
