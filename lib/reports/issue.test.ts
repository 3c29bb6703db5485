import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, commitments, issuedReportFiles } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { getIssuedReport, issuedReportFile, issueReport, listIssuedReports } from './issue';
import { reportRevisions } from './revisions';

const ISSUED_AT = new Date('2024-07-05T06:00:00Z');
let db: Db;
let admin: Actor;
let analyst: Actor;

const actor = (id: number, email: string, role: Actor['role'], agencyId: number | null = null): Actor => ({ id, email, role, agencyId, agencyCode: null, active: true, mustChangePassword: false });

function record(code: string, status: string, progress: number, effectiveDate: string, today: string, note = 'entry') {
  const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
  updateCommitmentStatus(db, admin, code, { status, progress, note, effectiveDate, version }, { origin: 'test' }, today);
}

beforeEach(() => {
  db = useSeededTestDb();
  admin = actor(insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' }).id, 'admin@example.org', 'admin');
  analyst = actor(insertTestUser(db, { email: 'analyst@example.org', role: 'analyst', passwordHash: 'x', name: 'Analyst Kim' }).id, 'analyst@example.org', 'analyst');
  record('CET23-BIO-01', 'in_progress', 40, '2024-04-10', '2024-07-01');
  record('CET23-AI-01', 'in_progress', 20, '2024-05-20', '2024-07-01');
});

describe('issued reports', () => {
  it('keeps every file byte for byte after later entries, back-dated ones included', async () => {
    const issued = await issueReport(db, analyst, { quarter: '2024-Q2', lang: 'ko' }, { origin: 'test' }, ISSUED_AT);
    expect(issued.files.map((f) => f.format)).toEqual(['json', 'csv', 'xlsx', 'pdf']);
    const before = Object.fromEntries(issued.files.map((f) => [f.format, Buffer.from(issuedReportFile(db, issued.id, f.format).content)]));
    expect(getIssuedReport(db, issued.id)).toMatchObject({ quarter: '2024-Q2', issuedBy: { name: 'Analyst Kim' }, issuedAt: ISSUED_AT.toISOString() });

    record('CET23-BIO-02', 'completed', 100, '2024-06-12', '2024-08-01', 'recorded late');
    record('CET23-BIO-01', 'completed', 100, '2024-06-28', '2024-08-01');

    for (const f of issued.files) {
      const now = issuedReportFile(db, issued.id, f.format);
      expect(Buffer.from(now.content).equals(before[f.format]!), f.format).toBe(true);
      expect(now.sha256).toBe(f.sha256);
    }
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'report.issue')).all()).toHaveLength(1);
  });

  it('lists as revisions exactly the back-dated entry that changes the quarter, and how each figure moved', async () => {
    const issued = await issueReport(db, analyst, { quarter: '2024-Q2', lang: 'en', area: 'BIO' }, { origin: 'test' }, ISSUED_AT);
    expect(reportRevisions(db, issued.id)).toEqual({ entries: [], figures: [], rows: [] });

    record('CET23-BIO-02', 'completed', 100, '2024-06-12', '2024-08-01', 'recorded late');
    // Effective after the quarter, and in another area: neither changes this report.
    record('CET23-BIO-03', 'in_progress', 10, '2024-07-20', '2024-08-01');
    record('CET23-AI-02', 'completed', 100, '2024-06-01', '2024-08-01');

    const revisions = reportRevisions(db, issued.id);
    expect(revisions.entries.map((e) => [e.code, e.effectiveDate, e.note])).toEqual([['CET23-BIO-02', '2024-06-12', 'recorded late']]);
    const summary = Object.fromEntries(revisions.figures.filter((f) => f.group.kind === 'summary').map((f) => [f.figure, [f.issued, f.now]]));
    expect(summary).toMatchObject({ completed: [0, 1], not_started: [3, 2], completedThisQuarter: [0, 1] });
    expect(revisions.rows).toContainEqual({ code: 'CET23-BIO-02', field: 'status', issued: 'not_started', now: 'completed' });
    expect(revisions.rows.every((r) => r.code === 'CET23-BIO-02')).toBe(true);
  });

  it('refuses an official and writes nothing but the refusal', async () => {
    const msit = db.select().from(agencies).where(eq(agencies.code, 'MSIT')).get()!.id;
    const official = actor(insertTestUser(db, { email: 'msit@example.org', role: 'official', agencyId: msit, passwordHash: 'x' }).id, 'msit@example.org', 'official', msit);
    const before = snapshotTables(db, ['audit_events']);
    await expect(issueReport(db, official, { quarter: '2024-Q2', lang: 'en' }, { origin: 'test' }, ISSUED_AT)).rejects.toBeInstanceOf(ForbiddenError);
    expect(snapshotTables(db, ['audit_events'])).toEqual(before);
    expect(listIssuedReports(db)).toEqual([]);
  });

  it('names the field of a malformed or future quarter and of an unknown filter, and stores nothing', async () => {
    const attempt = (raw: unknown) => issueReport(db, analyst, raw, { origin: 'test' }, ISSUED_AT).catch((e: unknown) => e);
    const fields = async (raw: unknown) => Object.keys(((await attempt(raw)) as ValidationError).fieldErrors);
    expect(await fields({ quarter: '2024-Q5', lang: 'en' })).toEqual(['quarter']);
    expect(await fields({ quarter: '2024-Q4', lang: 'en' })).toEqual(['quarter']);
    expect(await fields({ quarter: '2024-Q2', lang: 'fr' })).toEqual(['lang']);
    expect(await fields({ quarter: '2024-Q2', lang: 'en', area: 'NOPE' })).toEqual(['area']);
    expect(await fields({ quarter: '2024-Q2', lang: 'en', agency: 'NOPE', country: 'ZZ' })).toEqual(['agency', 'country']);
    expect(db.select().from(issuedReportFiles).all()).toEqual([]);
  });
});
