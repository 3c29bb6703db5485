import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, areas, commitmentPartners, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { isClosed, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { parseQuarter, previousQuarter, quarterRange, nextQuarter } from '@/lib/periods/quarters';
import { recordRandomHistory } from '@/lib/testing/random-history';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { reportLabels } from './labels';
import { buildQuarterlyReport, openReport } from './model';
import { renderToBuffer } from './render';
import type { QuarterlyReport, ReportFormat, ReportParams } from './types';

const TODAY = '2025-06-30';
const CTX = { by: { name: 'Analyst', email: 'analyst@example.org' }, today: TODAY, now: new Date('2025-06-30T01:00:00Z') };
let db: Db;

beforeAll(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  recordRandomHistory(db, admin, 17, TODAY, 160);
  // A note that a spreadsheet would take for a formula, effective inside 2024 Q2.
  const v = db.select().from(commitments).where(eq(commitments.code, 'CET23-AI-01')).get()!.version;
  updateCommitmentStatus(db, admin, 'CET23-AI-01', { status: 'at_risk', progress: 35, note: '=HYPERLINK("http://evil.example","x")', effectiveDate: '2024-06-29', version: v }, { origin: 'test' }, TODAY);
  // One confirmed assignment, so the reports show every basis.
  db.$client.exec(`update commitment_partners set basis = 'confirmed', confirmed_by = 'x', confirmed_on = '2024-01-05'
    where rowid = (select min(rowid) from commitment_partners where basis = 'inferred')`);
});

/** Each commitment's assignments from the tables alone, as the basis column words them: the lead, then partners by code, each named as the agency columns name it. */
function basesFromTables(lang: 'ko' | 'en'): Map<string, string> {
  const l = reportLabels(lang);
  const rows = db.$client
    .prepare(
      `select c.code as code, 0 as partner, a.code as agency, a.name_ko as nameKo, a.short_name_ko as shortNameKo, a.name_en as nameEn, c.lead_basis as basis from commitments c join agencies a on a.id = c.lead_agency_id
       union all
       select c.code, 1, a.code, a.name_ko, a.short_name_ko, a.name_en, p.basis from commitment_partners p join commitments c on c.id = p.commitment_id join agencies a on a.id = p.agency_id
       order by 1, 2, 3`,
    )
    .all() as { code: string; agency: string; nameKo: string; shortNameKo: string | null; nameEn: string; basis: 'stated' | 'inferred' | 'confirmed' }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), `${l.agency({ ...r, code: r.agency })} ${l.basis(r.basis)}`]);
  return new Map([...out].map(([code, list]) => [code, list.join('; ')]));
}

/** The report's figures from the raw history alone: each commitment where its latest entry by then put it. */
function independently(params: ReportParams) {
  const q = parseQuarter(params.quarter)!;
  const end = quarterRange(q).end;
  const prevEnd = quarterRange(previousQuarter(q)).end;
  const next = quarterRange(nextQuarter(q));
  const history = db.select().from(statusUpdates).orderBy(asc(statusUpdates.effectiveDate), asc(statusUpdates.id)).all();
  const stateAt = (id: number, date: string) => {
    const own = history.filter((u) => u.commitmentId === id);
    const last = own.filter((u) => u.effectiveDate <= date).at(-1);
    return { status: (last?.newStatus ?? own[0]?.previousStatus ?? 'not_started') as Status, progress: last?.newProgress ?? own[0]?.previousProgress ?? 0 };
  };
  const rows = db
    .select({ id: commitments.id, code: commitments.code, area: areas.code, lead: agencies.code, country: agencies.country, dueEnd: commitments.dueEnd, adoptedOn: commitments.adoptedOn })
    .from(commitments)
    .innerJoin(areas, eq(areas.id, commitments.areaId))
    .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
    .all()
    .filter((c) => (!params.area || c.area === params.area) && (!params.country || c.country === params.country))
    .filter((c) => !params.agency || c.lead === params.agency || db.select().from(commitmentPartners).innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId)).where(eq(commitmentPartners.commitmentId, c.id)).all().some((p) => p.agencies.code === params.agency));
  const counts = (date: string) => {
    const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const c of rows) if (c.adoptedOn <= date) out[stateAt(c.id, date).status] += 1;
    return out;
  };
  const overdueAt = (c: (typeof rows)[number], date: string) => c.adoptedOn <= date && c.dueEnd !== null && c.dueEnd <= date && !isClosed(stateAt(c.id, date).status);
  const existing = rows.filter((c) => c.adoptedOn <= end);
  return {
    counts: counts(end),
    previous: counts(prevEnd),
    completedThisQuarter: existing.filter((c) => stateAt(c.id, end).status === 'completed' && (c.adoptedOn > prevEnd || stateAt(c.id, prevEnd).status !== 'completed')).length,
    newlyOverdue: existing.filter((c) => overdueAt(c, end) && !overdueAt(c, prevEnd)).length,
    dueNextQuarter: existing.filter((c) => c.dueEnd !== null && c.dueEnd >= next.start && c.dueEnd <= next.end && !isClosed(stateAt(c.id, end).status)).length,
    meanProgress: existing.length ? existing.reduce((n, c) => n + stateAt(c.id, end).progress, 0) / existing.length : 0,
    codes: existing.map((c) => c.code).sort(),
  };
}

async function rendered(params: ReportParams, format: ReportFormat): Promise<Buffer> {
  const report = openReport(db, params, CTX);
  try {
    return await renderToBuffer(report.source, format);
  } finally {
    report.close();
  }
}

const CASES: ReportParams[] = [
  { quarter: '2024-Q1', lang: 'ko' },
  { quarter: '2024-Q2', lang: 'en' },
  { quarter: '2024-Q4', lang: 'ko', area: 'AI' },
  { quarter: '2025-Q1', lang: 'en', agency: 'MSIT' },
  { quarter: '2025-Q2', lang: 'en', country: 'US' },
];

describe('every format carries the same numbers, equal to a recount from the history', () => {
  it.each(CASES)('$quarter $lang %o', async (params) => {
    const want = independently(params);
    const json = JSON.parse((await rendered(params, 'json')).toString('utf8')) as QuarterlyReport;
    expect(json).toEqual(JSON.parse(JSON.stringify(buildQuarterlyReport(db, params, CTX))));
    expect(json.summary.atEnd.counts).toEqual(want.counts);
    expect(json.summary.atPreviousEnd.counts).toEqual(want.previous);
    expect(json.summary).toMatchObject({ completedThisQuarter: want.completedThisQuarter, newlyOverdue: want.newlyOverdue, dueNextQuarter: want.dueNextQuarter });
    expect(json.summary.atEnd.meanProgress).toBeCloseTo(want.meanProgress, 9);
    expect(json.commitments.map((c) => c.code)).toEqual(want.codes);
    const l = reportLabels(params.lang);

    // CSV, read as a spreadsheet would: BOM, one row per commitment.
    const csv = await rendered(params, 'csv');
    expect(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const [header, ...rows] = parse(csv.toString('utf8').slice(1)) as string[][];
    expect(header![0]).toBe(l.t('columns.code'));
    expect(rows.map((r) => [r[0], r[10], Number(r[11])])).toEqual(json.commitments.map((c) => [c.code, l.status(c.status), c.progress]));
    // The basis columns: every assignment as the tables hold it, and the due period's source phrase.
    const [basisColumn, dueBasisColumn] = [header!.indexOf(l.basisHeader('assignmentBasis')), header!.indexOf(l.basisHeader('dueBasis'))];
    const bases = basesFromTables(params.lang);
    expect(rows.map((r) => [r[0], r[basisColumn]])).toEqual(rows.map((r) => [r[0], bases.get(r[0]!)]));
    if (rows.length) expect(new Set(rows.flatMap((r) => r[basisColumn]!.split('; ').map((a) => a.split(' ').at(-1)))).size).toBeGreaterThan(1);
    const dueBases = new Map((db.$client.prepare('select code, due_basis as basis, due_basis_quote as words from commitments').all() as { code: string; basis: 'stated' | 'inferred' | 'not_stated'; words: string | null }[]).map((c) => [c.code, c]));
    expect(rows.map((r) => r[dueBasisColumn])).toEqual(rows.map((r) => l.dueBasis({ dueBasis: dueBases.get(r[0]!)!.basis, dueBasisWords: dueBases.get(r[0]!)!.words })));

    // XLSX, read back: the summary's counts are numbers equal to the JSON's, one row per commitment.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rendered(params, 'xlsx')) as unknown as ArrayBuffer);
    const summary = workbook.worksheets[0]!;
    for (const s of STATUSES) {
      let row: ExcelJS.Row | undefined;
      summary.eachRow((r) => {
        if (r.getCell(1).value === l.status(s)) row ??= r;
      });
      expect(row?.getCell(2).value, s).toBe(json.summary.atEnd.counts[s]);
      expect(row?.getCell(4).value, s).toBe(json.summary.atPreviousEnd.counts[s]);
    }
    const sheet = workbook.worksheets[3]!;
    expect(sheet.rowCount - 1).toBe(json.commitments.length);
    if (json.commitments.length) {
      expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(12).value]).toEqual([json.commitments[0]!.code, json.commitments[0]!.progress]);
      expect(sheet.getRow(2).getCell(basisColumn + 1).value).toBe(bases.get(json.commitments[0]!.code));
    }

    // PDF, as text: the summary's status rows carry the same counts.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
    try {
      fs.writeFileSync(path.join(dir, 'r.pdf'), await rendered(params, 'pdf'));
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain(l.quarter(params.quarter));
      for (const s of STATUSES) expect(text, s).toMatch(new RegExp(`${l.status(s).replace(/[()]/g, '\\$&')}\\s+${json.summary.atEnd.counts[s]}\\s+[\\d.]+%\\s+${json.summary.atPreviousEnd.counts[s]}`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('neutralises a formula-like note in the CSV and keeps it a plain string in the XLSX', async () => {
    const params: ReportParams = { quarter: '2024-Q2', lang: 'en', area: 'AI' };
    const [header, ...rows] = parse((await rendered(params, 'csv')).toString('utf8').slice(1)) as string[][];
    const noteColumn = header!.indexOf(reportLabels('en').t('columns.latestNote'));
    expect(rows.find((r) => r[0] === 'CET23-AI-01')![noteColumn]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rendered(params, 'xlsx')) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[3]!.eachRow((r) => r.eachCell((c) => cells.push(c)));
    const note = cells.find((c) => typeof c.value === 'string' && c.value.includes('HYPERLINK'))!;
    expect(note.type).toBe(ExcelJS.ValueType.String);
  });
});
