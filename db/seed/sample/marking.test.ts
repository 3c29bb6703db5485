import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { ReportDocument } from '@/components/reports/report-document';
import { SyntheticBadge } from '@/components/synthetic-badge';
import { apiCommitmentDetail } from '@/lib/commitments/api-shape';
import { getCommitmentByCode } from '@/lib/commitments/queries';
import { includesSyntheticCodes, scopeIncludesSynthetic } from '@/lib/commitments/synthetic';
import { MESSAGES } from '@/lib/i18n/messages';
import { addDays } from '@/lib/periods/dates';
import { formatQuarter, previousQuarter, quarterOf } from '@/lib/periods/quarters';
import { buildQuarterlyReport, openReport } from '@/lib/reports/model';
import { renderToBuffer } from '@/lib/reports/render';
import type { ReportFormat, ReportParams } from '@/lib/reports/types';
import { createTestDb } from '@/lib/testing/test-db';
import { seedDatabase } from '../run';
import { SAMPLE_SPAN_DAYS } from './dialogue';

// Argon2 on 30 demo accounts would take most of the run; the accounts' passwords are not under test.
vi.mock('@/lib/auth/password', async (original) => ({ ...(await original<typeof import('@/lib/auth/password')>()), hashPassword: async (p: string) => `test-hash:${p}` }));

const TODAY = '2025-06-15';
const QUARTER = formatQuarter(previousQuarter(quarterOf(TODAY)));
const CTX = { by: { name: 'Analyst', email: 'analyst@demo.example' }, today: TODAY, now: new Date(`${TODAY}T01:00:00Z`) };
const SENTENCE = { ko: MESSAGES.ko.reports.header.synthetic, en: MESSAGES.en.reports.header.synthetic };
let db: Db;

beforeAll(async () => {
  db = createTestDb();
  (globalThis as unknown as { __appDb?: Db }).__appDb = db;
  await seedDatabase(db, { demo: true, password: 'demo-password-2023', today: TODAY });
});

/** A component rendered on a Korean page. */
const inKorean = (children: ReactNode) => renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: 'ko', timeZone: 'Asia/Seoul', messages: MESSAGES.ko, children }));

async function render(params: ReportParams, format: ReportFormat): Promise<Buffer> {
  const report = openReport(db, params, CTX);
  try {
    return await renderToBuffer(report.source, format);
  } finally {
    report.close();
  }
}

describe('every view and export marks the synthetic sample', () => {
  it('marks each CSV row of the sample, and only those, in the dialogue column', async () => {
    const en = parse((await render({ quarter: QUARTER, lang: 'en' }, 'csv')).toString('utf8').slice(1)) as string[][];
    const dialogueColumn = en[0]!.indexOf('Dialogue');
    const byDialogue = new Map<string, number>();
    for (const row of en.slice(1)) byDialogue.set(row[dialogueColumn]!, (byDialogue.get(row[dialogueColumn]!) ?? 0) + 1);
    expect(Object.fromEntries(byDialogue)).toEqual({ 'SAMPLE (synthetic)': 60, 'KR-US-CET-2023': 19 });
    const ko = parse((await render({ quarter: QUARTER, lang: 'ko', dialogue: 'SAMPLE' }, 'csv')).toString('utf8').slice(1)) as string[][];
    expect(new Set(ko.slice(1).map((r) => r[1]))).toEqual(new Set(['SAMPLE (가상)']));
  });

  it('says so in the XLSX and PDF headers when the scope includes the sample, and not otherwise', async () => {
    const xlsxText = async (params: ReportParams) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await render(params, 'xlsx')) as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      return cells.join('\n');
    };
    expect(await xlsxText({ quarter: QUARTER, lang: 'ko' })).toContain(SENTENCE.ko);
    expect(await xlsxText({ quarter: QUARTER, lang: 'en', dialogue: 'KR-US-CET-2023' })).not.toContain(SENTENCE.en);

    if (spawnSync('pdftotext', ['-v']).error) return; // Poppler is checked by lib/reports/pdf-writer.test.ts.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-pdf-'));
    fs.writeFileSync(path.join(dir, 'r.pdf'), await render({ quarter: QUARTER, lang: 'en', dialogue: 'SAMPLE' }, 'pdf'));
    const text = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true });
    expect(text).toContain(SENTENCE.en);
  });

  it('puts the badge next to the dialogue name on the report screen', () => {
    const screen = (params: ReportParams) => {
      const report = buildQuarterlyReport(db, params, CTX);
      return inKorean(createElement(ReportDocument, { summary: report, commitments: report.commitments.slice(0, 5), changes: report.changes.slice(0, 5) }));
    };
    const sample = screen({ quarter: QUARTER, lang: 'en', dialogue: 'SAMPLE' });
    // The report's own language, whatever the page's.
    expect(sample).toMatch(/Sample dialogue \(synthetic\).*badge--synthetic.*>Synthetic</s);
    expect(sample).toContain(SENTENCE.en);
    expect(screen({ quarter: QUARTER, lang: 'en', dialogue: 'KR-US-CET-2023' })).not.toContain('badge--synthetic');
  });

  it('renders the badge with its explanation for screen readers', () => {
    const html = inKorean(createElement(SyntheticBadge));
    expect(html).toContain('title="이 대화와 합의 사항은 시연용으로 만든 가상 자료입니다."');
    expect(html).toContain('<span class="visually-hidden">가상 예시: 이 대화와 합의 사항은 시연용으로 만든 가상 자료입니다.</span>');
  });

  it('answers synthetic: true on the dialogue in the API', () => {
    expect(apiCommitmentDetail(getCommitmentByCode('SAMPLE-AI-01', db)!).dialogue).toMatchObject({ code: 'SAMPLE', synthetic: true });
    expect(apiCommitmentDetail(getCommitmentByCode('CET23-AI-01', db)!).dialogue).toMatchObject({ code: 'KR-US-CET-2023', synthetic: false });
  });

  it('tells the dashboard and the list when what they show includes the sample', () => {
    expect(scopeIncludesSynthetic({}, TODAY, db)).toBe(true);
    expect(scopeIncludesSynthetic({ dialogue: 'SAMPLE', area: 'AI' }, TODAY, db)).toBe(true);
    expect(scopeIncludesSynthetic({ dialogue: 'KR-US-CET-2023' }, TODAY, db)).toBe(false);
    expect(scopeIncludesSynthetic({ agency: 'MSIT' }, TODAY, db)).toBe(false);
    // Before the sample dialogue was held, nothing of it is in any figure.
    expect(scopeIncludesSynthetic({}, addDays(TODAY, -SAMPLE_SPAN_DAYS - 1), db)).toBe(false);
    expect(includesSyntheticCodes(['CET23-AI-01', 'SAMPLE-BIO-03'], db)).toBe(true);
    expect(includesSyntheticCodes(['CET23-AI-01'], db)).toBe(false);
    expect(includesSyntheticCodes([], db)).toBe(false);
  });
});
