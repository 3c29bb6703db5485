import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, areas, assessments, commitmentPartners, commitments, statusUpdates } from '@/db/schema';
import { planAsOfView } from '@/lib/as-of/view';
import { recordAssessment } from '@/lib/assessments/record';
import type { Actor } from '@/lib/audit/record';
import { decideClaim } from '@/lib/claims/decide';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import type { Verdict } from '@/lib/commitments/vocabulary';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { getIssuedReport, issuedReportFile, issueReport } from './issue';
import { reportLabels } from './labels';
import { buildQuarterlyReport, openReport } from './model';
import { renderToBuffer } from './render';
import { reportRevisions, revisionsOf } from './revisions';
import type { ComplianceFigures, QuarterlyReport, ReportFormat, ReportParams } from './types';

const TODAY = '2024-08-15';
const ctx = { origin: 'test' };
let db: Db;
let admin: Actor;
let analyst: Actor;

function actorFor(email: string, role: Actor['role']): Actor {
  const u = insertTestUser(db, { email, role, passwordHash: 'x', name: email.split('@')[0] });
  return { id: u.id, email, role, agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
}

const idOf = (code: string) => db.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, code)).get()!.id;
const versionOf = (code: string) => db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;

/** Records an assessment at the instant `at` (its recording time), revising the quarter's latest if any. */
function assessAt(at: string, code: string, quarter: string, verdict: Verdict, extra: Record<string, unknown> = {}) {
  vi.setSystemTime(new Date(at));
  const latest = db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.commitmentId, idOf(code)), eq(assessments.quarter, quarter)))
    .orderBy(desc(assessments.id))
    .get();
  return recordAssessment(db, analyst, code, { quarter, verdict, confidence: 'medium', rationale: `${code}: ${verdict}`, revises: latest?.id ?? null, ...extra }, ctx, TODAY);
}

function record(code: string, status: string, effectiveDate: string) {
  updateCommitmentStatus(db, admin, code, { status, progress: status === 'completed' ? 100 : 40, note: 'hand-made', effectiveDate, version: versionOf(code) }, ctx, TODAY);
}

function answer(code: string, decision: 'confirm' | 'dispute', effectiveDate: string) {
  const updateId = db.select({ id: statusUpdates.id }).from(statusUpdates).where(eq(statusUpdates.commitmentId, idOf(code))).all().at(-1)!.id;
  decideClaim(db, admin, code, { decision, note: decision === 'dispute' ? 'Not what we agreed' : '', updateId, effectiveDate, version: versionOf(code) }, ctx, TODAY);
}

const by = { name: 'Analyst', email: 'analyst@example.org' };
const report = (params: Partial<ReportParams> & { quarter: string }, now: string) => buildQuarterlyReport(db, { lang: 'en', ...params }, { by, today: TODAY, now: new Date(now) });

async function rendered(params: ReportParams, now: string, format: ReportFormat): Promise<Buffer> {
  const r = openReport(db, params, { by, today: TODAY, now: new Date(now) });
  try {
    return await renderToBuffer(r.source, format);
  } finally {
    r.close();
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2024-07-01T00:00:00Z'));
  db = useSeededTestDb();
  admin = actorFor('admin@example.org', 'admin');
  analyst = actorFor('analyst@example.org', 'analyst');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the assessment a quarterly report carries', () => {
  it('is the one standing for the report’s quarter at its generation: the first before the revision, the revision after', () => {
    const first = assessAt('2024-07-10T01:00:00Z', 'CET23-BIO-01', '2024-Q2', 0, { confidence: 'low', rationale: 'The call opened; no awards yet.', links: ['https://example.org/call'] });
    assessAt('2024-07-20T01:00:00Z', 'CET23-BIO-01', '2024-Q2', 1, { confidence: 'high', rationale: 'Awards announced.', revises: first.id });
    // Another quarter's assessment stays out of this quarter's report.
    assessAt('2024-07-21T01:00:00Z', 'CET23-BIO-02', '2024-Q1', -1);
    const row = (now: string) => report({ quarter: '2024-Q2', area: 'BIO' }, now).commitments.find((c) => c.code === 'CET23-BIO-01')!;

    expect(row('2024-07-05T00:00:00Z')).toMatchObject({ verdict: null, confidence: null, rationale: null, assessmentLinks: [] });
    expect(row('2024-07-15T00:00:00Z')).toMatchObject({ verdict: 0, confidence: 'low', rationale: 'The call opened; no awards yet.', assessmentLinks: ['https://example.org/call'] });
    expect(row('2024-07-25T00:00:00Z')).toMatchObject({ verdict: 1, confidence: 'high', rationale: 'Awards announced.', assessmentLinks: [] });

    const between = report({ quarter: '2024-Q2', area: 'BIO' }, '2024-07-15T00:00:00Z');
    expect(between.summary.compliance).toEqual({ total: 4, assessed: 1, notAssessed: 3, mean: 0 });
    expect(report({ quarter: '2024-Q2', area: 'BIO' }, '2024-07-25T00:00:00Z').summary.compliance).toEqual({ total: 4, assessed: 1, notAssessed: 3, mean: 1 });
    expect(report({ quarter: '2024-Q1', area: 'BIO' }, '2024-07-25T00:00:00Z').commitments.find((c) => c.code === 'CET23-BIO-02')!.verdict).toBe(-1);
  });

  it('counts the means and those not assessed as a count from the assessments table does, overall, by area and by lead agency', () => {
    const codes = db.select({ code: commitments.code }).from(commitments).orderBy(commitments.code).all().map((c) => c.code);
    const verdicts: Verdict[] = [1, 0, -1];
    codes.forEach((code, i) => {
      if (i % 4 === 3) return; // never assessed
      assessAt(`2024-07-0${1 + (i % 9)}T02:00:00Z`, code, '2024-Q2', verdicts[i % 3]!);
      if (i % 5 === 0) assessAt('2024-07-12T02:00:00Z', code, '2024-Q2', verdicts[(i + 1) % 3]!); // revised before the report
      if (i % 7 === 1) assessAt('2024-07-30T02:00:00Z', code, '2024-Q2', verdicts[(i + 2) % 3]!); // revised after it
      if (i % 6 === 2) assessAt('2024-07-13T02:00:00Z', code, '2024-Q1', 1); // another quarter
    });
    const now = '2024-07-20T00:00:00Z';

    // Straight from the tables: each commitment's latest Q2 assessment recorded by `now`.
    const all = db.select().from(assessments).orderBy(assessments.id).all();
    const standing = new Map<number, number>();
    for (const a of all) if (a.quarter === '2024-Q2' && a.recordedAt <= now) standing.set(a.commitmentId, a.verdict);
    const rows = db
      .select({ id: commitments.id, code: commitments.code, area: areas.code, lead: agencies.code })
      .from(commitments)
      .innerJoin(areas, eq(areas.id, commitments.areaId))
      .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
      .all();
    const partnerOf = (id: number, agency: string) =>
      db.select().from(commitmentPartners).innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId)).where(eq(commitmentPartners.commitmentId, id)).all().some((p) => p.agencies.code === agency);
    const count = (of: typeof rows): ComplianceFigures => {
      const assessed = of.filter((c) => standing.has(c.id));
      const sum = assessed.reduce((n, c) => n + standing.get(c.id)!, 0);
      return { total: of.length, assessed: assessed.length, notAssessed: of.length - assessed.length, mean: assessed.length ? sum / assessed.length : null };
    };

    for (const scope of [{}, { area: 'AI' }, { agency: 'MSIT' }] as Partial<ReportParams>[]) {
      const inScope = rows.filter((c) => (!scope.area || c.area === scope.area) && (!scope.agency || c.lead === scope.agency || partnerOf(c.id, scope.agency)));
      const r = report({ quarter: '2024-Q2', ...scope }, now);
      const label = JSON.stringify(scope);
      expect(r.summary.compliance, label).toEqual(count(inScope));
      expect(r.summary.compliance!.assessed).toBeGreaterThan(0);
      for (const a of r.byArea) expect(a.compliance, `${label} ${a.code}`).toEqual(count(inScope.filter((c) => c.area === a.code)));
      for (const a of r.byLeadAgency) expect(a.compliance, `${label} ${a.code}`).toEqual(count(inScope.filter((c) => c.lead === a.code)));
      expect(Object.fromEntries(r.commitments.map((c) => [c.code, c.verdict]))).toEqual(Object.fromEntries(inScope.map((c) => [c.code, standing.get(c.id) ?? null])));
    }

    // Recorded after every assessment, the report agrees with the dashboard's figures for the same quarter.
    const later = report({ quarter: '2024-Q2' }, '2024-08-01T00:00:00Z');
    const view = planAsOfView({}, later.asOf, TODAY, db).assessment;
    expect(view.quarter).toBe('2024-Q2');
    expect([later.summary.compliance!.assessed, later.summary.compliance!.total]).toEqual([view.overall.assessed, view.overall.total]);
    expect(later.summary.compliance!.mean).toBeCloseTo(view.overall.mean!, 12);
    expect(later.byArea.map((a) => [a.code, a.compliance!.assessed, a.compliance!.mean])).toEqual(view.byArea.map((a) => [a.code, a.assessed, a.mean]));
  });

  it('gives each row its claim’s state at the report’s date: awaiting confirmation, sides disagree, or blank', async () => {
    record('CET23-BIO-01', 'completed', '2024-05-10'); // pending at the quarter's end
    record('CET23-BIO-02', 'completed', '2024-05-01');
    answer('CET23-BIO-02', 'confirm', '2024-06-05'); // confirmed: blank
    record('CET23-BIO-04', 'completed', '2024-06-01');
    answer('CET23-BIO-04', 'dispute', '2024-06-20');
    record('CET23-BIO-03', 'completed', '2024-07-05'); // after the quarter
    vi.setSystemTime(new Date('2024-08-01T00:00:00Z'));
    const now = '2024-08-01T00:00:00Z';
    const r = report({ quarter: '2024-Q2', area: 'BIO' }, now);
    expect(r.commitments.map((c) => [c.code, c.claim])).toEqual([
      ['CET23-BIO-01', 'pending'],
      ['CET23-BIO-02', 'confirmed'],
      ['CET23-BIO-03', null],
      ['CET23-BIO-04', 'disputed'],
    ]);
    expect(report({ quarter: '2024-Q3', area: 'BIO' }, now).commitments.find((c) => c.code === 'CET23-BIO-03')!.claim).toBe('pending');

    for (const lang of ['en', 'ko'] as const) {
      const l = reportLabels(lang);
      const [header, ...rows] = parse((await rendered({ quarter: '2024-Q2', lang, area: 'BIO' }, now, 'csv')).toString('utf8').slice(1)) as string[][];
      expect(header!.at(-1)).toBe(l.t('columns.claim'));
      expect(rows.map((x) => x.at(-1))).toEqual(lang === 'en' ? ['Awaiting confirmation', '', '', 'Sides disagree'] : ['상대 기관 확인 대기', '', '', '양측 이견']);
    }
  });

  it('lays the same verdicts and figures out in the XLSX, read back', async () => {
    assessAt('2024-07-10T01:00:00Z', 'CET23-BIO-01', '2024-Q2', 1, { confidence: 'high' });
    assessAt('2024-07-10T02:00:00Z', 'CET23-BIO-02', '2024-Q2', -1);
    assessAt('2024-07-10T03:00:00Z', 'CET23-AI-01', '2024-Q2', 0);
    const now = '2024-07-20T00:00:00Z';
    const params: ReportParams = { quarter: '2024-Q2', lang: 'ko' };
    const json = report(params, now);
    const l = reportLabels('ko');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rendered(params, now, 'xlsx')) as unknown as ArrayBuffer);

    const sheet = workbook.getWorksheet('합의 사항')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const [score, verdict, confidence] = ['columns.verdictScore', 'columns.verdict', 'columns.confidence'].map((k) => headers.indexOf(l.t(k as 'columns.verdict')) + 1);
    const byCode = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => n > 1 && byCode.set(String(row.getCell(1).value), [row.getCell(score!).value, row.getCell(verdict!).value, row.getCell(confidence!).value]));
    expect(byCode.get('CET23-BIO-01')).toEqual([1, '이행', '높음']);
    expect(byCode.get('CET23-BIO-02')).toEqual([-1, '미이행', '보통']);
    expect(byCode.get('CET23-AI-01')).toEqual([0, '부분 이행', '보통']);
    expect(byCode.get('CET23-BIO-03')).toEqual([null, null, null]);
    expect(byCode.size).toBe(json.commitments.length);

    const summary = workbook.getWorksheet('요약')!;
    const labelled = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (!found && row.getCell(1).value === label) found = row;
      });
      return [2, 3, 4, 5].map((n) => found?.getCell(n).value);
    };
    expect(labelled(l.t('compliance.overall'))).toEqual([json.summary.compliance!.total, 3, json.summary.compliance!.total - 3, 0]);
    expect(labelled(l.t('compliance.byArea', { name: json.byArea.find((a) => a.code === 'BIO')!.nameKo }))).toEqual([4, 2, 2, 0]);

    const byArea = workbook.getWorksheet('분야별')!;
    const areaHeaders = (byArea.getRow(1).values as unknown[]).slice(1);
    const mean = areaHeaders.indexOf(l.t('compliance.mean')) + 1;
    const notAssessed = areaHeaders.indexOf(l.t('compliance.notAssessed')) + 1;
    const sheetMeans: unknown[] = [];
    byArea.eachRow((row, n) => n > 1 && sheetMeans.push([row.getCell(1).value, row.getCell(notAssessed).value, row.getCell(mean).value]));
    expect(sheetMeans).toEqual(json.byArea.map((a) => [a.nameKo, a.compliance!.notAssessed, a.compliance!.mean]));
  });

  it('prints the compliance section and each row’s verdict in the PDF', async () => {
    assessAt('2024-07-10T01:00:00Z', 'CET23-BIO-01', '2024-Q2', 1, { confidence: 'high' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-assess-'));
    try {
      fs.writeFileSync(path.join(dir, 'r.pdf'), await rendered({ quarter: '2024-Q2', lang: 'en', area: 'BIO' }, '2024-07-20T00:00:00Z', 'pdf'));
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toMatch(/All commitments\s+4\s+1\s+3\s+\+1\.00/);
      expect(text).toMatch(/CET23-BIO-01[^\n]*Full/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('an issued report and the assessments recorded after it', () => {
  it('keeps the assessment as issued and shows a later one as a revision of its row and figures', async () => {
    assessAt('2024-07-03T00:00:00Z', 'CET23-BIO-02', '2024-Q2', 0);
    vi.setSystemTime(new Date('2024-07-05T06:00:00Z'));
    const issued = await issueReport(db, analyst, { quarter: '2024-Q2', lang: 'en', area: 'BIO' }, ctx, new Date('2024-07-05T06:00:00Z'));
    vi.setSystemTime(new Date('2024-07-06T00:00:00Z'));
    expect(reportRevisions(db, issued.id)).toEqual({ entries: [], figures: [], rows: [] });

    assessAt('2024-07-08T00:00:00Z', 'CET23-BIO-01', '2024-Q2', -1);
    const revisions = reportRevisions(db, issued.id);
    expect(revisions.entries).toEqual([]);
    expect(revisions.rows).toEqual([
      { code: 'CET23-BIO-01', field: 'verdict', issued: null, now: -1 },
      { code: 'CET23-BIO-01', field: 'confidence', issued: null, now: 'medium' },
      { code: 'CET23-BIO-01', field: 'rationale', issued: null, now: 'CET23-BIO-01: -1' },
    ]);
    const summary = Object.fromEntries(revisions.figures.filter((f) => f.group.kind === 'summary').map((f) => [f.figure, [f.issued, f.now]]));
    expect(summary).toEqual({ assessed: [1, 2], notAssessed: [3, 2], complianceMean: [0, -0.5] });
  });

  it('finds no revision in the assessments of a report issued before they were kept', async () => {
    const issued = await issueReport(db, analyst, { quarter: '2024-Q2', lang: 'en', area: 'BIO' }, ctx, new Date('2024-07-05T06:00:00Z'));
    // The frozen JSON as an earlier version wrote it: no assessments, no claims, no compliance figures.
    const dropped = ['verdict', 'confidence', 'rationale', 'assessmentLinks', 'claim', 'compliance'];
    const old = JSON.parse(issuedReportFile(db, issued.id, 'json').content.toString('utf8'), (key, value: unknown) => (dropped.includes(key) ? undefined : value)) as QuarterlyReport;
    expect(old.summary.compliance).toBeUndefined();
    assessAt('2024-07-08T00:00:00Z', 'CET23-BIO-01', '2024-Q2', 1);
    expect(revisionsOf(db, getIssuedReport(db, issued.id), old)).toEqual({ entries: [], figures: [], rows: [] });
  });
});
