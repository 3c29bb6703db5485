import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInRequest } from './helpers';

/**
 * Odd input never breaks the server: every page and API route, each of its query and path
 * parameters set to odd values one at a time (and repeated, `a=1&a=2`), for a signed-out visitor
 * and each role. Any answer but a 5xx is fine (422, 404, a page with a field error, a redirect).
 * Nothing here writes: update bodies carry version 0 and report bodies lack a valid quarter.
 */

/** A value and whether it goes into the URL as it is (`raw`: malformed percent-encoding on purpose). */
interface Odd {
  value: string;
  raw?: boolean;
}

const ODD: Odd[] = [
  // Dates: years Date.UTC misreads, the first accepted year, the edge of four digits, days that do not exist.
  ...['0000-01-01', '0100-01-31', '1899-12-31', '1900-01-01', '9999-12-31', '10000-01-01', '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-00'].map((value) => ({ value })),
  // Quarters and years.
  ...['2024-Q0', '2024-Q5', '1899-Q1', '0000-Q1', '-1-Q1', '0100', '10000'].map((value) => ({ value })),
  // Malformed percent-encoding and encoded control characters, sent as they are.
  // `%25E0%25A4%25A` decodes once to `%E0%A4%A`: a second decode of a route segment would throw.
  ...['%E0%A4%A', '%25E0%25A4%25A', '%00', '%', '%%', '%ZZ', '..%2F..%2Fapi%2Fv1%2Fme', '%C0%AF', '%EF%BF%BF'].map((value) => ({ value, raw: true })),
  // Everything else, encoded.
  ...['', ' ', '../', '../../etc/passwd', '\u0000', '\u202Eevil', '한국어', '😀', '\uFFFD', 'x'.repeat(3000), '-1', '0', '1e309', 'NaN', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor', "'; drop table commitments; --", '<script>alert(1)</script>'].map((value) => ({ value })),
];

const enc = (o: Odd) => (o.raw ? o.value : encodeURIComponent(o.value));

/**
 * Every third odd value, for the dashboard and list *pages* (CI time): each kind above is still
 * there, and the data routes, which parse the same parameters into the same view, get them all.
 */
const PAGE_ODD = ODD.filter((_, i) => i % 3 === 0);

/** Query strings that set `name` to each odd value, then the same name twice. */
function queries(name: string, base = '', odd: Odd[] = ODD): string[] {
  const prefix = base ? `${base}&` : '';
  return [
    ...odd.map((o) => `${prefix}${name}=${enc(o)}`),
    `${prefix}${name}=1&${name}=2`,
    `${prefix}${name}=2024-01-01&${name}=2024-06-30`,
    `${prefix}${name}=2024-Q1&${name}=%E0%A4%A`,
  ];
}

const LIST_PARAMS = ['dialogue', 'area', 'agency', 'lead', 'country', 'status', 'due', 'overdue', 'asOf', 'archived', 'q', 'sort', 'dir', 'page', 'pageSize'];
const SCOPE_PARAMS = ['dialogue', 'area', 'agency', 'country', 'asOf'];
const REPORT_PARAMS = ['quarter', 'lang', 'dialogue', 'area', 'agency', 'country', 'format'];
/** Scopes that count from different sources (tallies, per-agency, history), for the dates. */
const SCOPES = ['', 'agency=MSIT', 'dialogue=KR-US-CET-2023', 'area=BIO&country=KR'];

interface Probe {
  method: 'GET' | 'POST';
  url: string;
  data?: unknown;
}

/** The dashboard and the list, page and data: they read the same for every signed-in role. */
function readViewProbes(get: (url: string) => Probe): Probe[] {
  const out: Probe[] = [];
  // Dashboard, page and data.
  // Odd dates in each scope go to the data only: page and data read the same view, and the page's
  // own parsing of asOf is probed above (CI time).
  for (const path of ['/', '/api/v1/dashboard']) for (const p of SCOPE_PARAMS) for (const q of queries(p, '', path === '/' ? PAGE_ODD : ODD)) out.push(get(`${path}?${q}`));
  for (const scope of SCOPES.slice(1)) for (const q of queries('asOf', scope)) out.push(get(`/api/v1/dashboard?${q}`));
  // The list, page and API (odd dates in each scope, through the API).
  for (const path of ['/commitments', '/api/v1/commitments']) for (const p of LIST_PARAMS) for (const q of queries(p, '', path === '/commitments' ? PAGE_ODD : ODD)) out.push(get(`${path}?${q}`));
  for (const scope of SCOPES.slice(1)) for (const q of queries('asOf', `${scope}&sort=status`)) out.push(get(`/api/v1/commitments?${q}`));
  // The claim and verdict filters, through the API only (the page parses them with the same schema).
  for (const p of ['confirmation', 'verdict']) for (const q of queries(p, 'asOf=2024-06-30')) out.push(get(`/api/v1/commitments?${q}`));
  return out;
}

/**
 * Every probe; with `readViews` false, not the dashboard and the list (the official's run covers
 * them; the admin's run covers what only an admin reaches and sees).
 */
function probes(readViews = true): Probe[] {
  const get = (url: string): Probe => ({ method: 'GET', url });
  const out: Probe[] = readViews ? readViewProbes(get) : [];
  // One commitment: its code as a path segment, and its as-of date.
  for (const o of ODD) {
    const code = enc(o);
    out.push(get(`/commitments/${code}`), get(`/admin/commitments/${code}`), get(`/api/v1/commitments/${code}`), get(`/commitments/${code}?asOf=2024-06-30`));
    out.push({ method: 'POST', url: `/api/v1/commitments/${code}/updates`, data: { status: 'in_progress', progress: 10, note: '', version: 0 } });
  }
  for (const path of ['/commitments/CET23-BIO-01', '/api/v1/commitments/CET23-BIO-01']) for (const q of queries('asOf')) out.push(get(`${path}?${q}`));
  // An update's fields (version 0: never written, whatever the rest says).
  for (const field of ['effectiveDate', 'status', 'progress', 'note', 'evidenceUrl', 'version']) {
    for (const o of ODD) out.push({ method: 'POST', url: '/api/v1/commitments/CET23-BIO-01/updates', data: { status: 'in_progress', progress: 10, note: 'fuzz', effectiveDate: '2024-03-01', version: 0, [field]: o.value } });
  }
  // Answers to a claim (version 0) and assessments (revising an entry that does not exist): never written.
  for (const field of ['decision', 'note', 'updateId', 'effectiveDate', 'evidenceUrl']) {
    for (const o of ODD) out.push({ method: 'POST', url: '/api/v1/commitments/CET23-BIO-01/confirmations', data: { decision: 'dispute', note: 'fuzz', updateId: 1, version: 0, [field]: o.value } });
  }
  for (const field of ['quarter', 'verdict', 'confidence', 'rationale', 'links']) {
    for (const o of ODD) {
      const value = field === 'links' ? [o.value] : o.value;
      out.push({ method: 'POST', url: '/api/v1/commitments/CET23-BIO-01/assessments', data: { quarter: '2024-Q2', verdict: 0, confidence: 'low', rationale: 'fuzz', revises: 999_999, [field]: value } });
    }
  }
  // Reports: the page, the generated report, issued reports and their revisions.
  for (const path of ['/reports', '/api/v1/reports/quarterly']) for (const p of REPORT_PARAMS) for (const q of queries(p)) out.push(get(`${path}?${q}`));
  for (const o of ODD) {
    const id = enc(o);
    out.push(get(`/reports/issued/${id}`), get(`/api/v1/reports/${id}`), get(`/api/v1/reports/${id}/revisions`), get(`/api/v1/reports/1?format=${id}`));
  }
  for (const field of ['quarter', 'lang', 'dialogue', 'area', 'agency', 'country']) {
    // No valid quarter anywhere in these bodies: nothing is issued.
    for (const o of ODD) out.push({ method: 'POST', url: '/api/v1/reports', data: field === 'quarter' ? { quarter: o.value, lang: 'en' } : { lang: 'en', [field]: o.value } });
  }
  out.push(get('/api/v1/reports'), get('/api/v1/me'), get('/api/v1/openapi.json'));
  // Administration pages with ids, and the rest of the pages.
  for (const path of ['/admin/agencies', '/admin/dialogues', '/admin/users']) for (const o of ODD) out.push(get(`${path}/${enc(o)}`));
  for (const path of ['/admin/agencies', '/admin/dialogues', '/admin/users', '/admin/import', '/admin/commitments/new', '/account/password']) out.push(get(path));
  for (const p of ['callbackUrl', 'error']) for (const q of queries(p)) out.push(get(`/login?${q}`));
  // Unknown API paths.
  for (const o of ODD) out.push(get(`/api/v1/${enc(o)}`), get(`/api/v1/commitments/CET23-BIO-01/${enc(o)}`));
  return out;
}

/** Sends every probe (a few at a time) and returns those answered with a 5xx or not at all. */
async function run(request: APIRequestContext, origin: string, readViews: boolean): Promise<string[]> {
  const failures: string[] = [];
  const list = probes(readViews);
  for (let i = 0; i < list.length; i += 6) {
    await Promise.all(
      list.slice(i, i + 6).map(async (p) => {
        const label = `${p.method} ${p.url.length > 160 ? `${p.url.slice(0, 160)}…` : p.url}`;
        try {
          const response =
            p.method === 'GET'
              ? await request.get(p.url, { maxRedirects: 0, timeout: 20_000 })
              : await request.post(p.url, { data: p.data, headers: { origin }, maxRedirects: 0, timeout: 20_000 });
          if (response.status() >= 500) failures.push(`${label} → ${response.status()}`);
        } catch (error) {
          failures.push(`${label} → ${(error as Error).message.split('\n')[0]}`);
        }
      }),
    );
  }
  return failures;
}

test.describe('odd parameters never give a 5xx', () => {
  test.describe.configure({ timeout: 900_000 });

  // The analyst is left out to keep CI short: every route an analyst reaches, the admin reaches
  // too, and the official covers the narrower, agency-bound signed-in view. The dashboard and the
  // list read the same for every signed-in role, so only the official's run sends them; a
  // signed-out visitor is turned away before they read a parameter, and gets every other route.
  for (const [role, email, readViews] of [
    ['a signed-out visitor', null, false],
    ['an official (MSIT)', 'msit@demo.example', true],
    ['an admin', 'admin@demo.example', false],
  ] as const) {
    test(`for ${role}, on every page and API route`, async ({ request, baseURL }) => {
      if (email) await signInRequest(request, email);
      const failures = await run(request, baseURL!, readViews);
      expect(failures, failures.slice(0, 50).join('\n')).toEqual([]);
      // Nothing the probes sent was recorded (version 0, no valid quarter).
      if (email) {
        const detail = await request.get('/api/v1/commitments/CET23-BIO-01');
        expect(detail.status()).toBe(200);
        const body = (await detail.json()) as { history: { note: string | null }[]; confirmations: { note: string }[]; assessments: { rationale: string }[] };
        expect(body.history.some((h) => h.note === 'fuzz')).toBe(false);
        expect(body.confirmations.some((a) => a.note === 'fuzz')).toBe(false);
        expect(body.assessments.some((a) => a.rationale === 'fuzz')).toBe(false);
      }
    });
  }
});
