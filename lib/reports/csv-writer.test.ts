import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, writeCsv } from './csv-writer';
import { countingSource, fixtureCommitments, fixtureSource } from './fixture';
import { reportLabels } from './labels';
import type { ReportSource } from './types';

/** Collects what a writer writes, draining slowly enough for `write` to report back-pressure. */
function collector() {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

async function csvOf(source: ReportSource): Promise<{ bytes: Buffer; rows: string[][] }> {
  const { out, bytes } = collector();
  await writeCsv(source, out);
  expect(out.writableFinished).toBe(true);
  const rows = parse(bytes(), { bom: true }) as string[][];
  return { bytes: bytes(), rows };
}

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', async () => {
    const { bytes } = await csvOf(fixtureSource('en'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('writes Korean headers and Korean text intact in a Korean report', async () => {
    const { rows } = await csvOf(fixtureSource('ko'));
    expect(rows[0]!.slice(0, 5)).toEqual(['코드', '대화', '분야', '합의 사항', '주관 기관']);
    expect(rows[0]).toHaveLength(25);
    expect(rows[0]!.slice(19)).toEqual(['분석 평가 점수', '분석 평가', '평가 신뢰도', '평가 근거', '평가 참고 링크', '상대 기관 확인']);
    expect(rows.slice(1).map((r) => [r[20], r[21], r[24]])).toEqual([
      ['이행', '높음', '양측 이견'],
      ['미이행', '낮음', ''],
      ['', '', ''],
    ]);
    expect(rows[1]![3]).toBe('반도체 공급망 협력');
    expect(rows[1]![2]).toBe('반도체');
  });

  it('writes one row per commitment with the columns in order and the numbers unchanged', async () => {
    const { rows } = await csvOf(fixtureSource('en'));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'Code', 'Dialogue', 'Area', 'Commitment', 'Lead agency', 'Partner agencies', 'Assignment basis', 'Due period', 'Due period basis', 'Due date',
      'Status at quarter end', 'Progress at quarter end (%)', 'Status at previous quarter end',
      'Progress at previous quarter end (%)', 'Progress change (points)', 'Latest entry in the quarter',
      'Latest note in the quarter', 'Latest evidence in the quarter', 'Overdue',
      // Added with the analysts' assessments, after every earlier column.
      'Assessment score', 'Assessment', 'Confidence', 'Assessment rationale', 'Assessment links', 'Counterpart confirmation',
    ]);
    const fixture = fixtureCommitments();
    expect(body).toHaveLength(fixture.length);
    expect(body.map((r) => r[0])).toEqual(fixture.map((c) => c.code));
    expect(body.map((r) => Number(r[11]))).toEqual(fixture.map((c) => c.progress));
    expect(body.map((r) => Number(r[13]))).toEqual(fixture.map((c) => c.previousProgress));
    expect(body.map((r) => Number(r[14]))).toEqual(fixture.map((c) => c.progressChange));
    expect(body[0]).toEqual(expect.arrayContaining(['MSIT', 'NSF', '2024-12-31', 'Completed', 'In progress', '2024-05-10', 'No']));
    expect(body[2]![9]).toBe('');
    expect(body[2]![12]).toBe('Not yet adopted');
  });

  it('writes the basis of each assignment, the lead first, and of the due period, in the report’s language', async () => {
    const en = (await csvOf(fixtureSource('en'))).rows;
    expect(en.slice(1).map((r) => [r[6], r[8]])).toEqual([
      ['MSIT inferred; NSF stated', 'stated: “내년에”'],
      ['NSF confirmed', 'inferred'],
      ['MSIT stated', 'no time stated'],
    ]);
    const ko = (await csvOf(fixtureSource('ko'))).rows;
    expect([ko[0]![6], ko[0]![8]]).toEqual(['기관 배정 근거', '기한 근거']);
    // Korean names the agencies as the lead and partner columns do, never by their Latin code.
    const [semi, ai] = fixtureCommitments();
    const [msit, nsf] = [reportLabels('ko').agency(semi!.lead), reportLabels('ko').agency(ai!.lead)];
    expect(ko.slice(1).map((r) => [r[6], r[8]])).toEqual([
      [`${msit} 추정; ${nsf} 원문 명시`, '원문 명시: “내년에”'],
      [`${nsf} 기관 확인`, '추정'],
      [`${msit} 원문 명시`, '기한 명시 없음'],
    ]);
    expect(ko[1]![6]).not.toMatch(/MSIT/);
  });

  it('writes the assessment for the quarter and the claim’s state at the end of each row', async () => {
    const { rows } = await csvOf(fixtureSource('en'));
    expect(rows.slice(1).map((r) => r.slice(19))).toEqual([
      ['1', 'Full', 'High', '공급망 점검 회의 결과 보고서 확인', 'https://example.gov/review/1 https://example.gov/review/2', 'Sides disagree'],
      // A score stays a number; a rationale a spreadsheet would take for a formula does not.
      ['-1', 'Not complying', 'Low', `'=SUM(A1) no evidence of progress`, '', ''],
      ['', '', '', '', '', ''],
    ]);
  });

  it('prefixes the formula-like note with an apostrophe', async () => {
    const { rows } = await csvOf(fixtureSource('en'));
    expect(rows[1]![16]).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('round-trips a title holding quotes and a comma', async () => {
    const { bytes, rows } = await csvOf(fixtureSource('en'));
    expect(bytes.toString('utf8')).toContain('"Quantum joint research, ""cooperation"""');
    expect(rows[3]![3]).toBe('Quantum joint research, "cooperation"');
  });

  it('writes a negative progress change as a plain number', async () => {
    const source = fixtureSource('en');
    const rows = [...source.commitments()].map((c) => ({ ...c, progressChange: -5 }));
    const { rows: parsed } = await csvOf({ ...source, commitments: () => rows });
    expect(parsed[1]![14]).toBe('-5');
  });

  it('destroys the stream instead of ending it when the rows fail to read', async () => {
    const { out } = collector();
    out.on('error', () => {});
    const failing: ReportSource = { ...fixtureSource('en'), commitments: () => ({ [Symbol.iterator]: () => ({ next: () => { throw new Error('read failed'); } }) }) };
    await expect(writeCsv(failing, out)).rejects.toThrow('read failed');
    expect(out.destroyed).toBe(true);
    expect(out.writableFinished).toBe(false);
  });

  it('stops reading rows while the client is stalled, and fails when it goes away', async () => {
    // Takes the first chunk and never drains, as a stalled client does.
    const out = new Writable({ highWaterMark: 1024, write() {} });
    const { source, read } = countingSource(fixtureSource('en', 100_000));
    const written = writeCsv(source, out);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(read()).toBeLessThanOrEqual(1_000);
    out.destroy();
    await expect(written).rejects.toThrow(/closed before/);
  });

  it('streams 100,000 commitments, one row each', { timeout: 60_000 }, async () => {
    let lines = 0;
    let tail = '';
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        const text = tail + chunk.toString('utf8');
        const parts = text.split('\r\n');
        tail = parts.pop()!;
        lines += parts.length;
        done();
      },
    });
    const started = performance.now();
    await writeCsv(fixtureSource('en', 100_000), out);
    console.info(`CSV, 100,000 commitments: ${Math.round(performance.now() - started)} ms`);
    // The fixture has no line breaks inside fields, so lines are rows: a header and one per commitment.
    expect(tail).toBe('');
    expect(lines).toBe(100_001);
  });
});

describe('neutraliseCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it('leaves harmless text, inner formula characters and the empty string alone', () => {
    expect(neutraliseCell('반도체 협력 = 1+1')).toBe('반도체 협력 = 1+1');
    expect(neutraliseCell('https://example.gov/a?b=c')).toBe('https://example.gov/a?b=c');
    expect(neutraliseCell('')).toBe('');
  });
});
