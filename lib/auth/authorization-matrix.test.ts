import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, claims, commitments, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { insertTestUser, snapshotTables, useSeededTestDb, useTestDbCopy } from '@/lib/testing/test-db';
import { nextHeadersMock, requestState, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/session';

vi.mock('next/headers', () => nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;

const { recordStatusUpdate, answerClaim, recordCommitmentAssessment } = await import('@/app/(app)/commitments/[code]/actions');
const { changePassword } = await import('@/app/(app)/account/password/actions');
const userActions = await import('@/app/(app)/admin/users/actions');
const { setLocale } = await import('@/app/actions/locale');
const adminActions = await import('@/app/(app)/admin/actions');
const importTemplateRoute = await import('@/app/(app)/admin/import/template.csv/route');
const listRoute = await import('@/app/api/v1/commitments/route');
const detailRoute = await import('@/app/api/v1/commitments/[code]/route');
const updatesRoute = await import('@/app/api/v1/commitments/[code]/updates/route');
const confirmationsRoute = await import('@/app/api/v1/commitments/[code]/confirmations/route');
const assessmentsRoute = await import('@/app/api/v1/commitments/[code]/assessments/route');
const meRoute = await import('@/app/api/v1/me/route');
const dashboardRoute = await import('@/app/api/v1/dashboard/route');
const metricsRoute = await import('@/app/api/metrics/route');
const { issueReportAction } = await import('@/app/(app)/reports/actions');
const quarterlyRoute = await import('@/app/api/v1/reports/quarterly/route');
const reportsRoute = await import('@/app/api/v1/reports/route');
const issuedRoute = await import('@/app/api/v1/reports/[id]/route');
const revisionsRoute = await import('@/app/api/v1/reports/[id]/revisions/route');
const { issueReport } = await import('@/lib/reports/issue');
const { updateCommitmentStatus } = await import('@/lib/commitments/update-status');

const PASSWORD = 'matrix-password-4821';
const IMPORT_CSV = 'code,dialogue,area,title_ko,title_en,lead_agency\nCET23-AI-11,KR-US-CET-2023,AI,가져온 항목,Imported,MSIT';
/** ownOfficial: MSIT (KR), lead of BIO-01 and QNT-02; counterOfficial: NSF (US), partner on both; otherOfficial: KESCO, on neither. */
type Who = 'signedOut' | 'analyst' | 'ownOfficial' | 'counterOfficial' | 'otherOfficial' | 'admin';
const EVERYONE: Who[] = ['signedOut', 'analyst', 'ownOfficial', 'counterOfficial', 'otherOfficial', 'admin'];
const READERS: Who[] = ['analyst', 'ownOfficial', 'counterOfficial', 'otherOfficial', 'admin'];
/** The claim MSIT records on QNT-02 before each test (completed, pending NSF's answer). */
let claim: { updateId: number; version: number };

let db: Db;
let hash: string;
let ids: Record<Exclude<Who, 'signedOut'> | 'target', number>;

function form(fields: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

const idle = { status: 'idle' as const };
const params = (code: string) => ({ params: Promise.resolve({ code }) });
const validUpdate = { status: 'in_progress', progress: 25, note: 'Kick-off held', effectiveDate: '2024-03-01', version: 1 };

/** Outcome of one call as the matrix sees it. */
type Outcome = 'allowed' | 'unauthorized' | 'forbidden';

type ActionResult = { status: string; message?: string; preview?: unknown };

async function fromAction(p: Promise<ActionResult>): Promise<Outcome> {
  const r = await p.catch((e: { digest?: string }): ActionResult => {
    if (e.digest?.startsWith('NEXT_REDIRECT')) return { status: 'success' };
    throw e;
  });
  if (r.status === 'success' || (r.status === 'idle' && r.preview)) return 'allowed';
  if (r.message === 'forms.unauthorized') return 'unauthorized';
  if (r.message === 'forms.forbidden') return 'forbidden';
  throw new Error(`unexpected action result ${JSON.stringify(r)}`);
}

async function fromResponse(p: Promise<Response>): Promise<Outcome> {
  const r = await p;
  // Read the body to its end: a streamed report holds its read transaction until then.
  const body = await r.arrayBuffer();
  if (r.status >= 300 && r.status !== 401 && r.status !== 403) throw new Error(`unexpected status ${r.status}: ${Buffer.from(body).toString()}`);
  if (r.status < 300) return 'allowed';
  if (r.status === 401) return 'unauthorized';
  if (r.status === 403) return 'forbidden';
  throw new Error(`unexpected status ${r.status}`);
}

const jsonPost = (body: unknown) =>
  new Request('http://test/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Operation {
  name: string;
  allowed: Who[];
  run: () => Promise<Outcome>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'server action recordStatusUpdate',
    allowed: ['ownOfficial', 'counterOfficial', 'admin'],
    run: () => fromAction(recordStatusUpdate(idle, form({ code: 'CET23-BIO-01', ...validUpdate }))),
  },
  {
    name: 'POST /api/v1/commitments/{code}/updates',
    allowed: ['ownOfficial', 'counterOfficial', 'admin'],
    run: () => fromResponse(updatesRoute.POST(jsonPost(validUpdate), params('CET23-BIO-01'))),
  },
  {
    name: 'POST /api/v1/commitments/{code}/confirmations (confirm)',
    allowed: ['counterOfficial', 'admin'],
    run: () => fromResponse(confirmationsRoute.POST(jsonPost({ decision: 'confirm', note: '', effectiveDate: '2024-06-10', ...claim }), params('CET23-QNT-02'))),
  },
  {
    name: 'POST /api/v1/commitments/{code}/confirmations (dispute)',
    allowed: ['counterOfficial', 'admin'],
    run: () => fromResponse(confirmationsRoute.POST(jsonPost({ decision: 'dispute', note: 'Not finished', effectiveDate: '2024-06-10', ...claim }), params('CET23-QNT-02'))),
  },
  {
    name: 'server action answerClaim (dispute)',
    allowed: ['counterOfficial', 'admin'],
    run: () => fromAction(answerClaim(idle, form({ code: 'CET23-QNT-02', decision: 'dispute', note: 'Not finished', effectiveDate: '2024-06-10', ...claim }))),
  },
  {
    name: 'server action recordCommitmentAssessment',
    allowed: ['analyst', 'admin'],
    run: () => fromAction(recordCommitmentAssessment(idle, form({ code: 'CET23-QNT-02', quarter: '2024-Q2', verdict: '-1', confidence: 'low', rationale: 'No evidence', links: '', revisesMap: '{}' }))),
  },
  {
    name: 'POST /api/v1/commitments/{code}/assessments',
    allowed: ['analyst', 'admin'],
    run: () => fromResponse(assessmentsRoute.POST(jsonPost({ quarter: '2024-Q2', verdict: 1, confidence: 'high', rationale: 'Done and confirmed' }), params('CET23-QNT-02'))),
  },
  {
    name: 'GET /api/v1/commitments',
    allowed: READERS,
    run: () => fromResponse(listRoute.GET(new Request('http://test/api/v1/commitments'), {})),
  },
  {
    name: 'GET /api/v1/commitments/{code}',
    allowed: READERS,
    run: () => fromResponse(detailRoute.GET(new Request('http://test'), params('CET23-BIO-01'))),
  },
  {
    name: 'GET /api/v1/dashboard',
    allowed: READERS,
    run: () => fromResponse(dashboardRoute.GET(new Request('http://test/api/v1/dashboard?area=BIO&asOf=2024-06-30'), {})),
  },
  {
    name: 'GET /api/metrics',
    allowed: ['admin'],
    run: () => fromResponse(metricsRoute.GET(new Request('http://test/api/metrics'), {})),
  },
  {
    name: 'GET /api/v1/me',
    allowed: READERS,
    run: () => fromResponse(meRoute.GET(new Request('http://test'), {})),
  },
  {
    name: 'server action createUserAction',
    allowed: ['admin'],
    run: () =>
      fromAction(userActions.createUserAction(idle, form({ email: 'new@example.org', name: 'New', role: 'analyst', agencyCode: '', password: 'a-fresh-password-77' }))),
  },
  {
    name: 'server action updateAccessAction',
    allowed: ['admin'],
    run: () => fromAction(userActions.updateAccessAction(idle, form({ userId: ids.target, role: 'official', agencyCode: 'NIST' }))),
  },
  {
    name: 'server action updateNamesAction',
    allowed: ['admin'],
    run: () => fromAction(userActions.updateNamesAction(idle, form({ userId: ids.target, name: 'Target', nameKo: '대상자' }))),
  },
  {
    name: 'GET /admin/import/template.csv',
    allowed: ['admin'],
    run: () => fromResponse(importTemplateRoute.GET(new Request('http://test/admin/import/template.csv'), {})),
  },
  {
    name: 'server action setActiveAction',
    allowed: ['admin'],
    run: () => fromAction(userActions.setActiveAction(idle, form({ userId: ids.target, active: 'false' }))),
  },
  {
    name: 'server action resetPasswordAction',
    allowed: ['admin'],
    run: () => fromAction(userActions.resetPasswordAction(idle, form({ userId: ids.target, password: 'temporary-pass-9931' }))),
  },
  {
    name: 'server action changePassword (own account)',
    allowed: READERS,
    run: () =>
      fromAction(changePassword(idle, form({ currentPassword: PASSWORD, newPassword: 'a-brand-new-secret-5', confirmPassword: 'a-brand-new-secret-5' }))),
  },
  {
    name: 'server action saveDialogueAction',
    allowed: ['admin'],
    run: () => fromAction(adminActions.saveDialogueAction(idle, form({ code: 'KR-JP-2025', nameKo: '한일', nameEn: 'Korea–Japan', heldOn: '2025-03-04', placeKo: '도쿄', placeEn: 'Tokyo' }))),
  },
  {
    name: 'server action saveAgencyAction',
    allowed: ['admin'],
    run: () => fromAction(adminActions.saveAgencyAction(idle, form({ code: 'METI', nameKo: '경제산업성', nameEn: 'METI', country: 'JP', kind: 'ministry' }))),
  },
  {
    name: 'server action saveCommitmentAction',
    allowed: ['admin'],
    run: () =>
      fromAction(
        adminActions.saveCommitmentAction(idle, form({ code: 'CET23-AI-09', dialogueCode: 'KR-US-CET-2023', areaCode: 'AI', titleKo: '새', titleEn: 'New', leadAgencyCode: 'MSIT', partners: '', due: '2025' })),
      ),
  },
  {
    name: 'server action archiveCommitmentAction',
    allowed: ['admin'],
    run: () => fromAction(adminActions.archiveCommitmentAction(idle, form({ code: 'CET23-BIO-01', archived: 'true' }))),
  },
  {
    name: 'server action importAction (dry run)',
    allowed: ['admin'],
    run: () => fromAction(adminActions.importAction(idle, form({ mode: 'preview', csv: IMPORT_CSV }))),
  },
  {
    name: 'server action importAction (import)',
    allowed: ['admin'],
    run: () => fromAction(adminActions.importAction(idle, form({ mode: 'import', csv: IMPORT_CSV }))),
  },
  {
    name: 'server action issueReportAction',
    allowed: ['analyst', 'admin'],
    run: () => fromAction(issueReportAction(idle, form({ quarter: '2024-Q1', lang: 'ko' }))),
  },
  {
    name: 'POST /api/v1/reports (issue)',
    allowed: ['analyst', 'admin'],
    run: () => fromResponse(reportsRoute.POST(jsonPost({ quarter: '2024-Q1', lang: 'en', area: 'BIO' }), {})),
  },
  {
    name: 'GET /api/v1/reports',
    allowed: READERS,
    run: () => fromResponse(reportsRoute.GET(new Request('http://test'), {})),
  },
  {
    name: 'GET /api/v1/reports/quarterly (CSV)',
    allowed: READERS,
    run: () => fromResponse(quarterlyRoute.GET(new Request('http://test/api/v1/reports/quarterly?quarter=2024-Q1&format=csv&lang=ko'), {})),
  },
  {
    name: 'GET /api/v1/reports/{id} (an issued file)',
    allowed: READERS,
    run: () => fromResponse(issuedRoute.GET(new Request('http://test/api/v1/reports/1?format=csv'), { params: Promise.resolve({ id: '1' }) })),
  },
  {
    name: 'GET /api/v1/reports/{id}/revisions',
    allowed: READERS,
    run: () => fromResponse(revisionsRoute.GET(new Request('http://test'), { params: Promise.resolve({ id: '1' }) })),
  },
];

/** The fixture every case starts from, built once and copied for each (building it, an issued report included, takes about a second). */
let fixture: Buffer;

beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
  await buildFixture();
  fixture = db.$client.serialize();
});

beforeEach(() => {
  db = useTestDbCopy(fixture);
  requestState.headers = new Headers({ 'x-forwarded-for': '203.0.113.9' });
});

async function buildFixture() {
  db = useSeededTestDb();
  const agencyId = (code: string) => db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)).get()!.id;
  const make = (email: string, role: 'admin' | 'analyst' | 'official', agency?: string) =>
    insertTestUser(db, { email, role, agencyId: agency ? agencyId(agency) : null, passwordHash: hash }).id;
  ids = {
    admin: make('admin@example.org', 'admin'),
    analyst: make('analyst@example.org', 'analyst'),
    ownOfficial: make('msit@example.org', 'official', 'MSIT'),
    counterOfficial: make('nsf@example.org', 'official', 'NSF'),
    otherOfficial: make('kesco@example.org', 'official', 'KESCO'),
    target: make('target@example.org', 'analyst'),
  };
  // One issued report to download.
  const admin = { id: ids.admin, email: 'admin@example.org', role: 'admin' as const, agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  await issueReport(db, admin, { quarter: '2024-Q1', lang: 'en' }, { origin: 'test' }, new Date('2025-06-30T00:00:00Z'));
  const msit = { id: ids.ownOfficial, email: 'msit@example.org', role: 'official' as const, agencyId: agencyId('MSIT'), agencyCode: 'MSIT', active: true, mustChangePassword: false };
  const state = updateCommitmentStatus(db, msit, 'CET23-QNT-02', { status: 'completed', progress: 100, note: 'Done', effectiveDate: '2024-06-01', version: 1 }, { origin: 'test' });
  claim = { updateId: db.select({ id: claims.updateId }).from(claims).get()!.id, version: state.version };
}

async function signInAs(who: Who) {
  requestState.cookie = who === 'signedOut' ? null : await sessionCookieFor(db, ids[who]);
}

describe.each(OPERATIONS)('$name', (op) => {
  it.each(EVERYONE)('as %s', async (who) => {
    await signInAs(who);
    const auditBefore = db.select().from(auditEvents).all().length;
    const before = snapshotTables(db, ['audit_events', 'sessions']);
    const outcome = await op.run();

    if (op.allowed.includes(who)) {
      expect(outcome).toBe('allowed');
      return;
    }
    expect(outcome).toBe(who === 'signedOut' ? 'unauthorized' : 'forbidden');
    expect(snapshotTables(db, ['audit_events', 'sessions'])).toEqual(before);
    const newAudit = db.select().from(auditEvents).all().slice(auditBefore);
    expect(newAudit.map((e) => e.action)).toEqual(who === 'signedOut' ? [] : ['access.denied']);
  });
});

const op = (name: string) => OPERATIONS.find((o) => o.name === name)!;

describe('allowed writes really write', () => {
  it('records the official’s update with history and audit', async () => {
    await signInAs('ownOfficial');
    expect(await op('server action recordStatusUpdate').run()).toBe('allowed');
    const c = db.select().from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!;
    expect([c.status, c.progress, c.version]).toEqual(['in_progress', 25, 2]);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.status_update')).all().map((e) => e.targetId)).toEqual(['CET23-QNT-02', 'CET23-BIO-01']);
  });

  it('records the other side’s answer and the analyst’s assessment', async () => {
    await signInAs('counterOfficial');
    expect(await op('POST /api/v1/commitments/{code}/confirmations (dispute)').run()).toBe('allowed');
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.claim_dispute')).all()).toHaveLength(1);
    await signInAs('analyst');
    expect(await op('POST /api/v1/commitments/{code}/assessments').run()).toBe('allowed');
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'commitment.assess')).all()).toHaveLength(1);
  });

  it('the language preference is public: it sets a cookie and writes no row', async () => {
    await signInAs('signedOut');
    const before = snapshotTables(db);
    await setLocale(form({ locale: 'ko' }));
    expect(requestState.setCookies.get('locale')).toBe('ko');
    expect(snapshotTables(db)).toEqual(before);
  });

  it('a disabled user’s existing session stops working on the next request', async () => {
    await signInAs('ownOfficial');
    expect(await op('GET /api/v1/me').run()).toBe('allowed');
    db.update(users).set({ active: false }).where(eq(users.id, ids.ownOfficial)).run();
    expect(await op('GET /api/v1/me').run()).toBe('unauthorized');
  });

  it('an official moved to another agency loses the old agency’s rights at once', async () => {
    await signInAs('ownOfficial');
    const kesco = db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'KESCO')).get()!.id;
    db.update(users).set({ agencyId: kesco }).where(eq(users.id, ids.ownOfficial)).run();
    expect(await op('POST /api/v1/commitments/{code}/updates').run()).toBe('forbidden');
  });
});
