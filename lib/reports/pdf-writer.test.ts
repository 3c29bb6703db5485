import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureChanges, fixtureSource } from './fixture';
import { renderPdf, writePdf } from './pdf-writer';
import { PDF_MAX_COMMITMENT_ROWS, type ReportChange, type ReportSource } from './types';

const hasPoppler = !spawnSync('pdftotext', ['-v']).error;
const dir = mkdtempSync(path.join(tmpdir(), 'pdf-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const file = path.join(dir, `${++files}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [...args, file, '-'] : [...args, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
const textOf = (pdf: Buffer, pages: number[] = []) => poppler('pdftotext', pdf, ['-layout', ...(pages.length ? ['-f', String(pages[0]), '-l', String(pages.at(-1))] : [])]);
/** Paragraphs wrap: compare sentences with the line breaks and layout spacing folded. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const pageCount = (pdf: Buffer) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))![1]);

/** A source that counts the rows read, with `changes` change rows and `commitments` commitment rows. */
function countingSource(base: ReportSource, changes: number) {
  const read = { commitments: 0, changes: 0 };
  const source: ReportSource = {
    summary: { ...base.summary, changeCount: changes },
    *commitments() {
      for (const row of base.commitments()) {
        read.commitments++;
        yield row;
      }
    },
    *changes() {
      const [first] = fixtureChanges() as [ReportChange];
      for (let i = 0; i < changes; i++) {
        read.changes++;
        yield { ...first, id: i + 1, code: `CHG-${String(i).padStart(6, '0')}` };
      }
    },
  };
  return { source, read };
}

async function writeToBuffer(source: ReportSource): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writePdf(source, out);
  await ended;
  return Buffer.concat(chunks);
}

describe('writePdf', () => {
  let ko: Buffer;
  let en: Buffer;
  beforeAll(async () => {
    ko = await renderPdf(fixtureSource('ko'));
    en = await renderPdf(fixtureSource('en'));
  }, 60_000);

  it('writes a whole PDF to the stream and ends it', async () => {
    const written = await writeToBuffer(fixtureSource('ko'));
    expect(written.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(written.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    // The dates are fixed to the generation time, so the same report gives the same bytes.
    expect(written.equals(ko)).toBe(true);
  }, 30_000);

  it('does not read the commitment rows when there are too many to print', async () => {
    const { source, read } = countingSource(fixtureSource('en', PDF_MAX_COMMITMENT_ROWS + 1), 2);
    const pdf = await renderPdf(source);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(read.commitments).toBe(0);
    expect(read.changes).toBe(2);
  }, 30_000);

  describe.skipIf(!hasPoppler)('as text (poppler-utils)', () => {
    it('prints the Korean report as real, extractable text', () => {
      const text = textOf(ko);
      expect(text).toContain('합의 사항 이행 점검 분기 보고서');
      expect(text).toContain('2024년 2분기');
      expect(text).toContain('2024. 4. 1. ~ 2024. 6. 30.');
      expect(text).not.toContain('2024-Q2');
      expect(text).toMatch(/미착수\s+1\s+33\.3%\s+0\s+\+1/);
      expect(text).toMatch(/추진 중\s+0\s+0\.0%\s+2\s+−2/);
      expect(text).toMatch(/평균 진척도\(%\)\s+43\.3\s+45\.0\s+−1\.7/);
      expect(text).toContain('2024. 7. 5. 15:00 KST');
      // Agencies by their Korean short names (GLOSSARY.md), never the Latin code.
      expect(text).toContain('과기정통부');
      expect(text).not.toMatch(/\bMSIT\b/);
      expect(text).toContain('이번 분기 신규');
      for (const basis of ['(추정)', '(원문 명시)', '(기관 확인)', '원문 명시:', '기한 명시 없음']) expect(text).toContain(basis);
      // The assessments' figures, the verdicts (score and confidence under them) and the claim under its status.
      expect(text).toMatch(/전체 합의 사항\s+3\s+2\s+1\s+0\.00/);
      expect(text).toMatch(/분야: 반도체\s+1\s+1\s+0\s+\+1\.00/);
      expect(text).toMatch(/주관 기관: NSF \(미국\)\s+1\s+1\s+0\s+−1\.00/);
      for (const word of ['미이행', '−1 · 낮음', '+1 · 높음', '양측 이견']) expect(text).toContain(word);
      const pages = pageCount(ko);
      expect(text).toContain(`1 / ${pages}쪽`);
      expect(text).toContain(`${pages} / ${pages}쪽`);
    });

    it('prints the English report, Korean names included', () => {
      const text = textOf(en);
      expect(text).toContain('Quarterly report on the implementation of commitments');
      expect(text).toContain('Q2 2024');
      expect(text).toMatch(/Completed\s+1\s+33\.3%/);
      expect(text).toContain('Semiconductors');
      expect(text).toContain('과기정통부 담당자');
      expect(text).not.toContain('2024-Q2');
      // Each assignment's basis beside its agency, and the due period's source phrase under it.
      for (const assigned of ['MSIT (inferred)', 'NSF (stated)', 'NSF (confirmed)', 'MSIT (stated)']) expect(text).toContain(assigned);
      for (const due of ['stated:', '“내년에”', 'inferred', 'no time stated']) expect(text).toContain(due);
      const pages = pageCount(en);
      expect(text).toContain(`Page 1 of ${pages}`);
      expect(text).toContain(`Page ${pages} of ${pages}`);
    });

    it('embeds Noto Sans CJK KR and no other font', () => {
      for (const pdf of [ko, en]) {
        const fonts = poppler('pdffonts', pdf).trim().split('\n').slice(2);
        expect(fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansCJKkr-Bold', 'NotoSansCJKkr-Regular']);
        // Columns from the end: object id, generation, uni, sub, emb.
        for (const line of fonts) expect(line.trim().split(/\s+/).at(-5)).toBe('yes');
      }
    });

    it('dates the file at its generation time', () => {
      const info = poppler('pdfinfo', ko, ['-isodates']);
      expect(info).toMatch(/^Title:\s+합의 사항 이행 점검 분기 보고서 — 2024년 2분기$/m);
      expect(info).toMatch(/^CreationDate:\s+2024-07-05T06:00:00Z$/m);
      expect(info).toMatch(/^ModDate:\s+2024-07-05T06:00:00Z$/m);
    });

    it('says when the quarter is still running and when nothing matches', async () => {
      const base = fixtureSource('ko');
      const empty: ReportSource = {
        summary: { ...base.summary, partial: true, asOf: '2024-05-15', emptyReason: 'no_commitments', commitmentCount: 0, changeCount: 0, byArea: [], byLeadAgency: [], charts: { ...base.summary.charts, statusByArea: [] } },
        commitments: () => [],
        changes: () => [],
      };
      const text = flat(textOf(await renderPdf(empty)));
      expect(text).toContain('분기가 끝나지 않았습니다. 수치는 2024. 5. 15. 기준입니다.');
      expect(text).toContain('이 분기 말 기준으로 조건에 맞는 합의 사항이 없습니다.');
      expect(text).toContain('실적 기준일이 이번 분기에 속하는 추진 실적이 없습니다.');
    }, 30_000);

    it('points to the XLSX instead of laying out more commitments than a PDF can hold', async () => {
      const pdf = await renderPdf(fixtureSource('en', 5000));
      const text = textOf(pdf);
      expect(flat(text)).toContain('This report covers 5,000 commitments: too many for a printed table.');
      expect(text).not.toContain('GEN-004999');
      expect(pageCount(pdf)).toBeLessThanOrEqual(6);
    }, 30_000);

    it('prints the largest tables with their headers on every page, and caps the changes', async () => {
      const { source, read } = countingSource(fixtureSource('ko', PDF_MAX_COMMITMENT_ROWS), PDF_MAX_COMMITMENT_ROWS + 500);
      const pdf = await renderPdf(source);
      expect(read).toEqual({ commitments: PDF_MAX_COMMITMENT_ROWS, changes: PDF_MAX_COMMITMENT_ROWS });
      const pages = pageCount(pdf);
      expect(pages).toBeLessThan(400);
      const text = textOf(pdf);
      expect(text).toContain('GEN-001999');
      expect(text).toContain('CHG-001999');
      expect(text).not.toContain('CHG-002000');
      expect(flat(text)).toContain('이번 분기 변경 이력은 2,500건으로, 여기에는 앞의 2,000건만 싣습니다. 나머지 500건은');
      // A page deep inside each table still starts with the table's header row.
      const commitmentsPage = textOf(pdf, [20]);
      expect(commitmentsPage).toContain('GEN-');
      expect(commitmentsPage).toMatch(/코드\s+합의 사항\s+주관 기관/);
      const changesPage = textOf(pdf, [pages - 1]);
      expect(changesPage).toContain('CHG-');
      expect(changesPage).toMatch(/실적 기준일\s+코드\s+합의 사항\s+변경 전\s+변경 후/);
    }, 180_000);
  });
});
