import { eq } from 'drizzle-orm';
import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { insertTestUser, snapshotTables, useSeededTestDb } from '@/lib/testing/test-db';
import { setCommitmentArchived } from '@/lib/admin/commitment-service';
import { HistoryTimeline } from '@/components/history-timeline';
import { getCommitmentByCode } from '@/lib/commitments/queries';
import { MESSAGES } from '@/lib/i18n/messages';
import { canUpdateCommitment, updateAvailability, updateCommitmentStatus } from './update-status';

const TODAY = '2025-06-30';
const ctx = { origin: 'test' };
let db: Db;
let official: Actor;
let admin: Actor;

function actorFor(email: string, role: Actor['role'], agencyCode: string | null): Actor {
  const agencyId = agencyCode ? db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).get()!.id : null;
  const u = insertTestUser(db, { email, role, agencyId, passwordHash: 'x' });
  return { id: u.id, email, role, agencyId, agencyCode, active: true, mustChangePassword: false };
}

const base = { status: 'in_progress', progress: 10, note: '', effectiveDate: '2024-01-10', version: 1 };
const update = (input: Record<string, unknown>, who: Actor = official, code = 'CET23-BIO-01') =>
  updateCommitmentStatus(db, who, code, { ...base, ...input }, ctx, TODAY);

function expectFieldError(fn: () => unknown, field: string, code: string) {
  const before = snapshotTables(db);
  try {
    fn();
    expect.unreachable('should have thrown');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors[field]).toContain(code);
  }
  expect(snapshotTables(db)).toEqual(before);
}

beforeEach(() => {
  db = useSeededTestDb();
  official = actorFor('msit@example.org', 'official', 'MSIT');
  admin = actorFor('admin@example.org', 'admin', null);
});

describe('updateCommitmentStatus', () => {
  it('updates the commitment, appends history and audit in one go, and bumps the version', () => {
    const state = update({ progress: 30, note: 'Call for proposals issued', evidenceUrl: 'https://example.org/call' });
    expect(state).toMatchObject({ status: 'in_progress', progress: 30, version: 2 });
    const history = db.select().from(statusUpdates).all();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ previousStatus: 'not_started', newStatus: 'in_progress', previousProgress: 0, newProgress: 30, effectiveDate: '2024-01-10', evidenceUrl: 'https://example.org/call' });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.status_update')).all()).toHaveLength(1);
  });

  it('refuses a stale version and writes nothing, returning the current state', () => {
    update({});
    const before = snapshotTables(db);
    try {
      update({ progress: 50 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).current).toMatchObject({ version: 2, progress: 10 });
    }
    expect(snapshotTables(db)).toEqual(before);
  });

  it('refuses another agency’s official and an unknown code', () => {
    const kesco = actorFor('kesco@example.org', 'official', 'KESCO');
    expect(() => update({}, kesco)).toThrow(ForbiddenError);
    expect(() => update({}, official, 'CET23-XXX-99')).toThrow(NotFoundError);
  });

  it('refuses an update on an archived commitment, from an official or an admin, and writes nothing', () => {
    setCommitmentArchived(db, admin, 'CET23-BIO-01', true, ctx);
    const version = db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!.version;
    const before = snapshotTables(db);
    for (const who of [official, admin]) {
      try {
        update({ version }, who);
        expect.unreachable('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(ConflictError);
        expect((e as ConflictError).messageKey).toBe('update.archived');
        expect((e as ConflictError).message).toMatch(/archived/);
      }
    }
    expect(snapshotTables(db)).toEqual(before);
    expect(canUpdateCommitment(official, 'CET23-BIO-01', db)).toBe(false);
    expect(updateAvailability(official, 'CET23-BIO-01', db)).toBe('archived');
    // Once an admin restores it, updates are recorded again.
    setCommitmentArchived(db, admin, 'CET23-BIO-01', false, ctx);
    expect(update({ version: version + 1 }).version).toBe(version + 2);
    expect(updateAvailability(official, 'CET23-BIO-01', db)).toBe('allowed');
  });

  it('lets a partner agency’s official update', () => {
    const nsf = actorFor('nsf@example.org', 'official', 'NSF');
    expect(update({}, nsf).version).toBe(2);
  });

  it.each([
    ['missing status', { status: undefined }, 'status', 'required'],
    ['unknown status', { status: 'done' }, 'status', 'invalid_status'],
    ['progress as text', { progress: '50' }, 'progress', 'not_a_number'],
    ['fractional progress', { progress: 12.5 }, 'progress', 'not_an_integer'],
    ['progress above 100', { progress: 101 }, 'progress', 'out_of_range'],
    ['negative progress', { progress: -1 }, 'progress', 'out_of_range'],
    ['a future date', { effectiveDate: '2025-07-01' }, 'effectiveDate', 'date_in_future'],
    ['a date before the dialogue', { effectiveDate: '2023-12-08' }, 'effectiveDate', 'date_before_dialogue'],
    // The Korean screens' order (GLOSSARY.md) is held to the same rules as the date it names.
    ['a future date typed in the Korean order', { effectiveDate: '2025. 7. 1.' }, 'effectiveDate', 'date_in_future'],
    ['a date before the dialogue typed in the Korean order', { effectiveDate: '2023. 12. 8.' }, 'effectiveDate', 'date_before_dialogue'],
    ['an impossible date typed in the Korean order', { effectiveDate: '2024. 2. 30.' }, 'effectiveDate', 'invalid_date'],
    ['an impossible date', { effectiveDate: '2024-02-30' }, 'effectiveDate', 'invalid_date'],
    ['a javascript: evidence link', { evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl', 'invalid_url'],
    ['an ftp evidence link', { evidenceUrl: 'ftp://example.org/x' }, 'evidenceUrl', 'invalid_url'],
    ['a right-to-left override in the evidence link', { evidenceUrl: 'https://example.gov/report\u202Efdp.exe' }, 'evidenceUrl', 'bidi_controls'],
    ['a control character in the evidence link', { evidenceUrl: 'https://example.gov/a\u0007b' }, 'evidenceUrl', 'control_characters'],
    ['a note over 5,000 characters', { note: 'x'.repeat(5001) }, 'note', 'too_long'],
    ['control characters in the note', { note: 'bad\u0007bell' }, 'note', 'control_characters'],
    ['a right-to-left override in the note', { note: 'done \u202Etxt.exe' }, 'note', 'bidi_controls'],
    ['a directional isolate in the note', { note: 'done \u2067x\u2069' }, 'note', 'bidi_controls'],
    ['completed below 100 %', { status: 'completed', progress: 90 }, 'progress', 'completed_needs_100'],
    ['delayed without a note', { status: 'delayed' }, 'note', 'note_required'],
    ['at risk with a blank note', { status: 'at_risk', note: '   ' }, 'note', 'note_required'],
    ['a missing version', { version: undefined }, 'version', 'required'],
  ])('refuses %s and writes nothing', (_label, input, field, code) => {
    expectFieldError(() => update(input), field, code);
  });

  it('keeps HTML in a note as plain text: stored as typed, shown as text in the history', () => {
    const note = '<script>alert(1)</script> <b>bold</b> <img src=x onerror=alert(2)>';
    update({ note });
    expect(db.select().from(statusUpdates).get()!.note).toBe(note);
    // The commitment page's history, rendered from what the page reads.
    const { history } = getCommitmentByCode('CET23-BIO-01', db)!;
    const html = renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: 'en', timeZone: 'UTC', messages: MESSAGES.en, children: createElement(HistoryTimeline, { history }) }));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<(script|b|img)\b/);
  });

  it('lets only an admin reopen a completed commitment once the other side has confirmed it', async () => {
    const { decideClaim } = await import('@/lib/claims/decide');
    update({ status: 'completed', progress: 100 });
    const nsf = actorFor('nsf@example.org', 'official', 'NSF');
    const updateId = db.select().from(statusUpdates).get()!.id;
    decideClaim(db, nsf, 'CET23-BIO-01', { decision: 'confirm', updateId, version: 2, effectiveDate: '2024-01-20' }, ctx, TODAY);
    expect(() => update({ status: 'in_progress', progress: 80, version: 3 })).toThrow(ForbiddenError);
    expect(update({ status: 'in_progress', progress: 80, version: 3 }, admin).status).toBe('in_progress');
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!;
    expect(c.version).toBe(4);
  });

  it('lets only an admin reopen a discontinued commitment once the other side has confirmed it; the refusal changes nothing', async () => {
    const { decideClaim } = await import('@/lib/claims/decide');
    update({ status: 'discontinued', progress: 0, note: 'Programme cancelled' });
    const nsf = actorFor('nsf@example.org', 'official', 'NSF');
    const updateId = db.select().from(statusUpdates).get()!.id;
    decideClaim(db, nsf, 'CET23-BIO-01', { decision: 'confirm', updateId, version: 2, effectiveDate: '2024-01-20' }, ctx, TODAY);
    const before = snapshotTables(db, ['audit_events']);
    expect(() => update({ status: 'in_progress', progress: 20, version: 3 })).toThrow(ForbiddenError);
    // Only the refusal itself is recorded.
    expect(snapshotTables(db, ['audit_events'])).toEqual(before);
    expect(db.select().from(auditEvents).all().at(-1)).toMatchObject({ action: 'access.denied', targetType: 'commitment.reopen', targetId: 'CET23-BIO-01' });
    expect(update({ status: 'in_progress', progress: 20, version: 3 }, admin)).toMatchObject({ status: 'in_progress', progress: 20, version: 4 });
  });

  it('accepts an update effective today', () => {
    expect(update({ effectiveDate: TODAY })).toMatchObject({ status: 'in_progress', version: 2 });
    expect(db.select().from(statusUpdates).get()!.effectiveDate).toBe(TODAY);
  });

  it('accepts today typed in the Korean order, as the Korean form shows it, and stores it as YYYY-MM-DD', () => {
    expect(update({ effectiveDate: '2025. 6. 30.' })).toMatchObject({ status: 'in_progress', version: 2 });
    expect(db.select().from(statusUpdates).get()!.effectiveDate).toBe(TODAY);
  });

  describe('with the clock at 00:30 on 1 July 2025 in Seoul (still 30 June in UTC)', () => {
    beforeEach(() => {
      vi.stubEnv('APP_TIME_ZONE', 'Asia/Seoul');
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-06-30T15:30:00Z'));
    });
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    });
    // No `today` passed: the service works it out from the clock, in the app's time zone.
    const updateNow = (input: Record<string, unknown>) => updateCommitmentStatus(db, official, 'CET23-BIO-01', { ...base, ...input }, ctx);

    it('accepts an update dated today there, and dates an update without a date today', () => {
      expect(updateNow({ effectiveDate: '2025-07-01' }).version).toBe(2);
      expect(updateNow({ effectiveDate: undefined, progress: 20, version: 2 }).version).toBe(3);
      expect(db.select().from(statusUpdates).all().map((u) => u.effectiveDate)).toEqual(['2025-07-01', '2025-07-01']);
    });

    it('refuses the next day as in the future', () => {
      expectFieldError(() => updateNow({ effectiveDate: '2025-07-02' }), 'effectiveDate', 'date_in_future');
    });
  });

  it('lets an official change an unconfirmed (pending) claim', () => {
    update({ status: 'completed', progress: 100 });
    expect(update({ status: 'in_progress', progress: 90, version: 2 }).status).toBe('in_progress');
  });
});

describe('history by effective date', () => {
  it('places a back-dated entry in the past without overriding a later one', async () => {
    const { statusAsOf } = await import('./history');
    update({ status: 'in_progress', progress: 30, effectiveDate: '2024-03-01' });
    const state = update({ status: 'at_risk', progress: 10, note: 'Budget hold in February', effectiveDate: '2024-02-01', version: 2 });
    expect(state).toMatchObject({ status: 'in_progress', progress: 30, version: 3 });
    expect(statusAsOf('CET23-BIO-01', '2024-01-15', db)).toEqual({ status: 'not_started', progress: 0 });
    expect(statusAsOf('CET23-BIO-01', '2024-02-15', db)).toEqual({ status: 'at_risk', progress: 10 });
    expect(statusAsOf('CET23-BIO-01', '2024-03-01', db)).toEqual({ status: 'in_progress', progress: 30 });
    expect(statusAsOf('CET23-BIO-01', TODAY, db)).toEqual({ status: 'in_progress', progress: 30 });
  });

  it('orders entries of the same effective date by when they were recorded', async () => {
    const { statusAsOf } = await import('./history');
    update({ status: 'in_progress', progress: 30, effectiveDate: '2024-03-01' });
    update({ status: 'in_progress', progress: 45, effectiveDate: '2024-03-01', version: 2 });
    expect(statusAsOf('CET23-BIO-01', '2024-03-01', db)).toEqual({ status: 'in_progress', progress: 45 });
  });

  it('tells a user who lost a race what the winner recorded', () => {
    update({ status: 'in_progress', progress: 30, note: 'Won the race' });
    try {
      update({ progress: 50 });
      expect.unreachable();
    } catch (e) {
      expect((e as ConflictError).current).toMatchObject({ version: 2, lastUpdate: { note: 'Won the race', agency: 'MSIT', progress: 30 } });
    }
  });
});

describe('status transitions', () => {
  it('stay equal to the history replayed in world order, whatever order entries are recorded in', () => {
    const dates = ['2024-05-01', '2024-02-01', '2024-08-15', '2024-02-01', '2024-01-10', '2025-03-03', '2024-08-15'];
    const statuses = ['in_progress', 'at_risk', 'delayed', 'in_progress', 'in_progress', 'completed', 'at_risk'] as const;
    dates.forEach((effectiveDate, i) => {
      const status = statuses[i]!;
      const current = db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!;
      update(
        { status, progress: status === 'completed' ? 100 : 10 * (i + 1), note: `entry ${i}`, effectiveDate, version: current.version },
        admin,
      );
    });
    const replayed = db.$client
      .prepare(
        `select id as updateId, effective_date as effectiveDate,
           coalesce(lag(new_status) over w, (select previous_status from status_updates f where f.commitment_id = su.commitment_id order by f.id limit 1)) as fromStatus,
           new_status as toStatus,
           coalesce(lag(new_progress) over w, (select previous_progress from status_updates f where f.commitment_id = su.commitment_id order by f.id limit 1)) as fromProgress,
           new_progress as toProgress
         from status_updates su window w as (partition by commitment_id order by effective_date, id) order by effective_date, id`,
      )
      .all();
    const stored = db.$client
      .prepare(
        `select update_id as updateId, effective_date as effectiveDate, from_status as fromStatus, to_status as toStatus,
           from_progress as fromProgress, to_progress as toProgress from status_transitions where update_id != 0 order by effective_date, update_id`,
      )
      .all();
    expect(stored).toEqual(replayed);
    // Every commitment's chain starts with its adoption on its dialogue's date, from 'absent'.
    const adoptions = db.$client.prepare(`select effective_date as d, from_status as f, to_status as t from status_transitions where update_id = 0 and commitment_id = (select id from commitments where code = 'CET23-BIO-01')`).all();
    expect(adoptions).toEqual([{ d: '2023-12-09', f: 'absent', t: 'not_started' }]);
    const rollup = `select month, area_id, lead_agency_id, from_status, to_status, n, from_progress_sum, to_progress_sum from status_flows where n != 0 order by 1, 2, 3, 4, 5`;
    const recomputed = `select cast(substr(t.effective_date, 1, 4) as integer) * 12 + cast(substr(t.effective_date, 6, 2) as integer) - 1 as month,
        c.area_id, c.lead_agency_id, t.from_status, t.to_status, count(*) as n, sum(t.from_progress) as from_progress_sum, sum(t.to_progress) as to_progress_sum
      from status_transitions t join commitments c on c.id = t.commitment_id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`;
    expect(db.$client.prepare(rollup).all()).toEqual(db.$client.prepare(recomputed).all());
    const last = stored.at(-1) as { toStatus: string; toProgress: number };
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!;
    expect([c.status, c.progress]).toEqual([last.toStatus, last.toProgress]);
  });
});
