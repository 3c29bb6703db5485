import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { OPENAPI_DOCUMENT } from '@/lib/http/openapi';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { nextHeadersMock, requestState, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/session';

vi.mock('next/headers', () => nextHeadersMock);
process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;

const listRoute = await import('@/app/api/v1/commitments/route');
const detailRoute = await import('@/app/api/v1/commitments/[code]/route');

let db: Db;

beforeEach(async () => {
  db = useSeededTestDb();
  const analyst = insertTestUser(db, { email: 'analyst@example.org', role: 'analyst', passwordHash: 'x' });
  requestState.headers = new Headers();
  requestState.cookie = await sessionCookieFor(db, analyst.id);
});

interface ApiAssignment {
  code: string;
  basis: string;
  words: string | null;
  reason: { ko: string; en: string } | null;
  confirmation: { by: string; on: string; evidenceUrl: string | null } | null;
  role?: string;
}
interface ApiCommitment {
  code: string;
  sourceExcerpt: string;
  lead: ApiAssignment;
  partners: ApiAssignment[];
  dueBasis: { basis: string; words: string | null; reason: { ko: string; en: string } | null };
  targetBasis: { basis: string; words: string | null; reason: { ko: string; en: string } | null } | null;
  targetKo: string | null;
  dueSpec: string;
}

async function detail(code: string): Promise<ApiCommitment> {
  const response = await detailRoute.GET(new Request(`http://test/api/v1/commitments/${code}`), { params: Promise.resolve({ code }) });
  expect(response.status).toBe(200);
  return (await response.json()) as ApiCommitment;
}

async function list(query = ''): Promise<{ status: number; body: { items: ApiCommitment[]; total: number } }> {
  const response = await listRoute.GET(new Request(`http://test/api/v1/commitments?pageSize=100${query}`), {});
  return { status: response.status, body: await response.json() };
}

/** Every assignment as the database stores it: code → lead and partners with their bases. */
function storedAssignments() {
  const rows = db.$client
    .prepare(
      `select c.code as commitment, a.code as agency, 'lead' as role, c.lead_basis as basis, c.lead_basis_quote as quote, c.lead_basis_reason_en as reasonEn, c.lead_confirmed_by as confirmedBy
         from commitments c join agencies a on a.id = c.lead_agency_id
       union all
       select c.code, a.code, p.role, p.basis, p.basis_quote, p.basis_reason_en, p.confirmed_by
         from commitment_partners p join commitments c on c.id = p.commitment_id join agencies a on a.id = p.agency_id
       order by 1, 2`,
    )
    .all() as { commitment: string; agency: string; role: string; basis: string; quote: string | null; reasonEn: string | null; confirmedBy: string | null }[];
  return rows;
}

const asStored = (commitment: string, a: ApiAssignment, role: string) => ({ commitment, agency: a.code, role, basis: a.basis, quote: a.words, reasonEn: a.reason?.en ?? null, confirmedBy: a.confirmation?.by ?? null });
const confirmPartner = (commitment: string, agency: string) =>
  db.$client
    .prepare(
      `update commitment_partners set basis = 'confirmed', confirmed_by = 'Office of the Director', confirmed_on = '2024-03-04', confirmed_evidence_url = 'https://example.gov/letter'
        where commitment_id = (select id from commitments where code = ?) and agency_id = (select id from agencies where code = ?)`,
    )
    .run(commitment, agency);

describe('GET /api/v1/commitments/{code}', () => {
  it('gives every lead and partner its basis, words, reason and confirmation, exactly as stored', async () => {
    const codes = (db.$client.prepare('select code from commitments order by code').all() as { code: string }[]).map((r) => r.code);
    const got = [];
    for (const code of codes) {
      const c = await detail(code);
      got.push(asStored(code, c.lead, 'lead'), ...c.partners.map((p) => asStored(code, p, p.role!)));
      // A stated assignment quotes the excerpt; an inferred one says why, in both languages.
      for (const a of [c.lead, ...c.partners]) {
        if (a.basis === 'stated') expect(c.sourceExcerpt, `${code} ${a.code}`).toContain(a.words);
        if (a.basis === 'inferred') expect(a.reason, `${code} ${a.code}`).toEqual({ ko: expect.any(String), en: expect.any(String) });
        expect(Object.keys(a).sort()).toEqual(expect.arrayContaining(['basis', 'words', 'reason', 'confirmation']));
      }
    }
    expect(got.sort((a, b) => `${a.commitment} ${a.agency}`.localeCompare(`${b.commitment} ${b.agency}`))).toEqual(storedAssignments());
  });

  it('shows a confirmation with who, when and the evidence, and the due period’s and target’s bases', async () => {
    const code = 'CET23-BIO-01';
    const [partner] = (await detail(code)).partners;
    confirmPartner(code, partner!.code);
    const c = await detail(code);
    expect(c.partners.find((p) => p.code === partner!.code)).toMatchObject({ basis: 'confirmed', confirmation: { by: 'Office of the Director', on: '2024-03-04', evidenceUrl: 'https://example.gov/letter' } });
    const stored = db.$client.prepare('select due_basis, due_basis_quote, target_basis, target_basis_quote from commitments where code = ?').get(code) as Record<string, string | null>;
    expect(c.dueBasis).toMatchObject({ basis: stored.due_basis, words: stored.due_basis_quote });
    expect(c.targetBasis).toMatchObject({ basis: stored.target_basis, words: stored.target_basis_quote });
    // The stored columns are not repeated beside the shapes.
    expect(Object.keys(c).filter((k) => /^(lead|due|target)(Basis|Confirmed)/.test(k)).sort()).toEqual(['dueBasis', 'targetBasis']);
  });

  it('says an ongoing period with no time in the source is not stated, and a commitment without a target has no target basis', async () => {
    const code = (db.$client.prepare("select code from commitments where due_spec = 'ongoing' and target_ko is null and target_en is null limit 1").get() as { code: string }).code;
    const c = await detail(code);
    expect(c.dueBasis).toEqual({ basis: 'not_stated', words: null, reason: null });
    expect(c.targetBasis).toBeNull();
  });
});

describe('GET /api/v1/commitments', () => {
  it('gives each item the same bases as its own page', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items.slice(0, 5)) {
      const one = await detail(item.code);
      expect({ lead: item.lead, partners: item.partners, dueBasis: item.dueBasis, targetBasis: item.targetBasis }).toEqual({
        lead: one.lead,
        partners: one.partners,
        dueBasis: one.dueBasis,
        targetBasis: one.targetBasis,
      });
    }
  });

  it('with inferred=1 or true, keeps exactly the commitments with an inferred lead or partner; a confirmed one no longer counts', async () => {
    const withInferred = () => [...new Set(storedAssignments().filter((a) => a.basis === 'inferred').map((a) => a.commitment))].sort();
    const all = (await list()).body.items.map((c) => c.code);
    const want = withInferred();
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(all.length);
    for (const flag of ['1', 'true']) {
      const { status, body } = await list(`&inferred=${flag}`);
      expect(status).toBe(200);
      expect(body.items.map((c) => c.code).sort()).toEqual(want);
      expect(body.total).toBe(want.length);
    }
    expect((await list('&inferred=0')).body.items.map((c) => c.code)).toEqual(all);
    // Confirm every inferred partner of one commitment whose lead is not inferred: it drops out.
    const target = storedAssignments().find((a) => a.role !== 'lead' && a.basis === 'inferred' && !storedAssignments().some((l) => l.commitment === a.commitment && l.role === 'lead' && l.basis === 'inferred'));
    expect(target).toBeDefined();
    for (const a of storedAssignments().filter((x) => x.commitment === target!.commitment && x.basis === 'inferred')) confirmPartner(a.commitment, a.agency);
    expect((await list('&inferred=1')).body.items.map((c) => c.code)).not.toContain(target!.commitment);
    expect(withInferred()).not.toContain(target!.commitment);
  });

  it('refuses an inferred value that is not a flag with 422 naming it', async () => {
    const { status, body } = await list('&inferred=maybe');
    expect(status).toBe(422);
    expect((body as unknown as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toHaveProperty('inferred');
  });
});

describe('the OpenAPI document', () => {
  it('describes the inferred filter and every basis field the API returns', async () => {
    const doc = OPENAPI_DOCUMENT as unknown as {
      paths: Record<string, { get: { parameters: { name: string; schema: { type: string } }[] } }>;
      components: { schemas: Record<string, { required: string[]; properties: Record<string, { enum?: string[] }> }> };
    };
    expect(doc.paths['/api/v1/commitments']!.get.parameters.find((p) => p.name === 'inferred')?.schema.type).toBe('boolean');
    const s = doc.components.schemas;
    const c = await detail('CET23-BIO-01');
    expect([...s.Assignment!.required].sort()).toEqual(Object.keys(c.lead).sort());
    expect([...s.DueBasis!.required].sort()).toEqual(Object.keys(c.dueBasis).sort());
    expect(s.Assignment!.properties.basis!.enum).toEqual(['stated', 'inferred', 'confirmed']);
    expect(s.DueBasis!.properties.basis!.enum).toEqual(['stated', 'inferred', 'not_stated']);
  });
});
