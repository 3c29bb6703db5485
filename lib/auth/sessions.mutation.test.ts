import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, sessions } from '@/db/schema';
import { createTestDb, insertTestUser } from '@/lib/testing/test-db';
import { THROTTLE_MAX_FAILURES_PER_CLIENT, THROTTLE_WINDOW_MS } from './session-policy';
import { createSession, resolveSession } from './sessions';

// The session limits as literal durations: a test that loops over the constants passes whatever
// they are set to. Found by the mutation run (npm run test:mutation).
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

let db: Db;
let userId: number;
const t0 = new Date('2025-03-01T09:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const lastSeen = () => db.select({ at: sessions.lastSeenAt }).from(sessions).get()!.at;

beforeEach(() => {
  db = createTestDb();
  userId = insertTestUser(db, { email: 'a@example.org', role: 'analyst', passwordHash: 'x' }).id;
});

describe('session limits, in plain durations', () => {
  it('ends a session two hours after its last request, not a second sooner', () => {
    const sid = createSession(db, userId, 'test', t0);
    expect(resolveSession(db, sid, later(2 * HOUR - SECOND))).not.toBeNull();
    const other = createSession(db, userId, 'test', t0);
    expect(resolveSession(db, other, later(2 * HOUR))).toBeNull();
  });

  it('ends a session twelve hours after sign-in, not a second sooner', () => {
    const sid = createSession(db, userId, 'test', t0);
    for (let h = 1; h < 12; h++) resolveSession(db, sid, later(h * HOUR));
    expect(resolveSession(db, sid, later(12 * HOUR - SECOND))).not.toBeNull();
    expect(resolveSession(db, sid, later(12 * HOUR))).toBeNull();
  });

  it('records a request at most once a minute', () => {
    const fresh = createSession(db, userId, 'test', t0);
    expect(resolveSession(db, fresh, later(MINUTE - SECOND))).not.toBeNull();
    expect(lastSeen()).toBe(t0.toISOString());
    expect(resolveSession(db, fresh, later(MINUTE))).not.toBeNull();
    expect(lastSeen()).toBe(later(MINUTE).toISOString());
  });

  it('throttles one client address at 20 failures within 15 minutes', () => {
    expect(THROTTLE_MAX_FAILURES_PER_CLIENT).toBe(20);
    expect(THROTTLE_WINDOW_MS).toBe(15 * MINUTE);
  });
});

describe('the signed-in user a session resolves to', () => {
  it('carries the agency’s code and names, for the header and the “my agency” filter', () => {
    const msit = db
      .insert(agencies)
      .values({ code: 'MSIT', nameKo: '과학기술정보통신부', shortNameKo: '과기정통부', nameEn: 'Ministry of Science and ICT', country: 'KR', kind: 'ministry' })
      .returning()
      .get();
    const official = insertTestUser(db, { email: 'o@example.org', role: 'official', agencyId: msit.id, passwordHash: 'x' }).id;
    const actor = resolveSession(db, createSession(db, official, 'test', t0), later(SECOND));
    expect(actor).toMatchObject({ agencyId: msit.id, agencyCode: 'MSIT' });
    expect(actor?.agency).toEqual({ code: 'MSIT', nameKo: '과학기술정보통신부', shortNameKo: '과기정통부', nameEn: 'Ministry of Science and ICT' });
    expect(resolveSession(db, createSession(db, userId, 'test', t0), later(SECOND))?.agency, 'an analyst has none').toBeNull();
  });
});
