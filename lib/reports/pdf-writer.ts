import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pdfmake from 'pdfmake';
import type { CanvasElement, Content, CustomTableLayout, TableCell, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { STATUSES, type State } from '@/lib/commitments/vocabulary';
import { reportLabels, type ReportLabels } from './labels';
import { PDF_MAX_COMMITMENT_ROWS, type Assigned, type ComplianceFigures, type QuarterFigures, type ReportChange, type ReportCommitment, type ReportSource, type ReportSummary, type ReportWriter } from './types';

/** Debian's fonts-noto-cjk. Its files are OpenType collections: pdfmake opens one member by PostScript name. */
export const PDF_FONT_DIR = '/usr/share/fonts/opentype/noto';
export const PDF_FONT = { normal: ['NotoSansCJK-Regular.ttc', 'NotoSansCJKkr-Regular'], bold: ['NotoSansCJK-Bold.ttc', 'NotoSansCJKkr-Bold'] } as const;
const FONT = 'NotoSansCJKkr';
const PRODUCER = 'Commitment monitor quarterly report (pdfmake)';

const MARGINS: [number, number, number, number] = [40, 40, 40, 48];
/** A4 portrait (595.28 pt) less the side margins. */
const PORTRAIT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const GREY = '#5f6b7a';

// pdfmake is one shared instance: fonts come from its in-memory file system, nothing from disk or network.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);
const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;

let fontsLoaded: Promise<void> | undefined;

/** Reads the two collections (~40 MB) once per process; a failed read is retried on the next render. */
function loadFonts(): Promise<void> {
  fontsLoaded ??= Promise.all(Object.values(PDF_FONT).map(async ([file]) => vfs.writeFileSync(file, await readFile(path.join(PDF_FONT_DIR, file))))).then(
    () => undefined,
    (error: unknown) => {
      fontsLoaded = undefined;
      throw error;
    },
  );
  return fontsLoaded;
}

/**
 * A fresh dictionary per document: pdfmake replaces a collection entry's file name with the file's
 * bytes when it opens the font. `[file, postScriptName]` selects a collection member; its types miss that form.
 */
function fontDictionary(): TFontDictionary {
  const member = (variant: keyof typeof PDF_FONT) => [...PDF_FONT[variant]] as unknown as string;
  return { [FONT]: { normal: member('normal'), bold: member('bold'), italics: member('normal'), bolditalics: member('bold') } };
}

// ── Table pieces ────────────────────────────────────────────────────────────────────────────────

/** Light rules, a heavier rule under the (repeated) header row, zebra rows; narrow padding for the wide tables. */
const GRID: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? '#8a96a3' : '#d5dbe1'),
  fillColor: (row, node) => (row >= (node.table.headerRows ?? 0) && (row - (node.table.headerRows ?? 0)) % 2 === 1 ? '#f4f6f8' : null),
  paddingLeft: () => 2,
  paddingRight: () => 2,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * Korean may break between any two syllables, which splits words in narrow header cells: keep each
 * word whole and break only at spaces (CSS `word-break: keep-all`). Column widths fit the longest word.
 */
function keepWords(text: string): Content {
  if (!/[\uac00-\ud7a3]/.test(text)) return text;
  return text.split('\n').flatMap((line, i): Content[] => [
    ...(i > 0 ? [{ text: '\n' }] : []),
    ...line.split(' ').map((word, j, words) => ({ text: j < words.length - 1 ? `${word} ` : word, noWrap: true })),
  ]);
}

const counts = new Map<string, Intl.NumberFormat>();
/** A count with digit grouping (`2,500`), as the sentences that quote counts need. */
function count(l: ReportLabels, n: number): string {
  let f = counts.get(l.lang);
  if (!f) counts.set(l.lang, (f = new Intl.NumberFormat(l.lang)));
  return f.format(n);
}

const th = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text: keepWords(text), style: 'th', alignment } as TableCell);
const num = (value: string | number): TableCell => ({ text: String(value), alignment: 'right' });
const sub = (main: string, second: string): TableCell => ({ text: second ? [main, { text: `\n${second}`, color: GREY }] : main });

/** A status as its name after a dot of its colour (badges and charts use the same colours). */
function statusCell(l: ReportLabels, state: State, label = l.status(state)): TableCell {
  return state === 'absent' ? { text: label, color: GREY } : { text: [{ text: '● ', color: STATUS_COLORS[state] }, label] };
}

function table(widths: (number | string)[], header: TableCell[], body: TableCell[][], fontSize = 8): Content {
  return { table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...body] }, layout: GRID, fontSize, lineHeight: 1.05 };
}

const heading = (text: string): Content => ({ text, style: 'h2' });

// ── Header block and summary ────────────────────────────────────────────────────────────────────

function headerBlock(s: ReportSummary, l: ReportLabels): Content[] {
  const zone = s.timeZone;
  const rows: [string, string][] = [
    [l.t('header.quarter'), l.quarter(s.quarter.key)],
    [l.t('header.period'), `${l.date(s.quarter.start)} ~ ${l.date(s.quarter.end)}`],
    [l.t('header.dialogues'), s.dialogues.map((d) => `${l.name(d)} (${l.date(d.heldOn)})`).join('\n')],
    [l.t('header.filters'), l.filters(s.filters)],
    [l.t('header.generatedBy'), s.generatedBy.name],
    [l.t('header.generatedAt'), l.instant(s.generatedAt, zone)],
    [l.t('header.asOf'), l.t('header.asOfValue', { date: l.date(s.asOf) })],
    [l.t('header.recordedThrough'), l.instant(s.recordedThrough, zone)],
  ];
  const notices: string[] = [];
  if (s.partial) notices.push(l.t('header.partial', { date: l.date(s.asOf) }));
  if (s.emptyReason) notices.push(l.emptyReason(s.emptyReason));
  if (s.dialogues.some((d) => d.synthetic)) notices.push(l.t('header.synthetic'));
  return [
    { text: l.t('documentTitle'), style: 'title' },
    { text: `${l.quarter(s.quarter.key)}  ·  ${l.date(s.quarter.start)} ~ ${l.date(s.quarter.end)}`, style: 'subtitle' },
    { table: { widths: [120, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true, color: GREY }, v]) }, layout: 'noBorders', margin: [0, 0, 0, 4] },
    ...notices.map((text): Content => ({ text, style: 'notice' })),
  ];
}

function summaryTable(s: ReportSummary, l: ReportLabels): Content {
  const { atEnd: end, atPreviousEnd: prev, ...q } = s.summary;
  const header = [th(l.t('summary.status')), th(l.t('summary.count'), 'right'), th(l.t('summary.share'), 'right'), th(l.t('summary.previous'), 'right'), th(l.t('summary.change'), 'right')];
  const n = (v: number) => count(l, v);
  const statusRows = STATUSES.map((st) => [statusCell(l, st), num(n(end.counts[st])), num(l.percent(end.shares[st])), num(n(prev.counts[st])), num(l.signed(end.counts[st] - prev.counts[st]))]);
  const figure = (label: string, ...cells: string[]): TableCell[] => [{ text: label, bold: true }, ...[0, 1, 2, 3].map((i) => num(cells[i] ?? ''))];
  return table(['*', 60, 60, 90, 60], header, [
    ...statusRows,
    figure(l.t('summary.total'), n(end.total), '', n(prev.total), l.signed(end.total - prev.total)),
    figure(l.t('summary.completedThisQuarter'), n(q.completedThisQuarter)),
    figure(l.t('summary.newlyOverdue'), n(q.newlyOverdue)),
    figure(l.t('summary.dueNextQuarter'), n(q.dueNextQuarter)),
    figure(l.t('summary.overdue'), n(end.overdue), '', n(prev.overdue), l.signed(end.overdue - prev.overdue)),
    figure(l.t('summary.meanProgress'), l.progress(end.meanProgress), '', l.progress(prev.meanProgress), l.signed(q.meanProgressChange, 1)),
    figure(l.t('summary.meanProgressChange'), l.signed(q.meanProgressChange, 1)),
  ], 9);
}

/** The mean compliance score and the counts assessed and not, overall, by area and by lead agency (absent from older reports). */
function complianceSection(s: ReportSummary, l: ReportLabels): Content[] {
  if (!s.summary.compliance) return [];
  const n = (v: number) => num(count(l, v));
  const line = (label: TableCell, c: ComplianceFigures | undefined): TableCell[] => (c ? [label, n(c.total), n(c.assessed), n(c.notAssessed), num(l.compliance(c.mean))] : []);
  const rows = [
    line({ text: l.t('compliance.overall'), bold: true }, s.summary.compliance),
    ...s.byArea.map((a) => line(l.t('compliance.byArea', { name: l.name(a) }), a.compliance)),
    ...s.byLeadAgency.map((a) => line(l.t('compliance.byAgency', { name: `${l.agency(a)} (${l.country(a.country)})` }), a.compliance)),
  ].filter((r) => r.length);
  const header = [th(l.t('compliance.group')), th(l.t('compliance.total'), 'right'), th(l.t('compliance.assessed'), 'right'), th(l.t('compliance.notAssessed'), 'right'), th(l.t('compliance.mean'), 'right')];
  return [
    heading(`${l.t('compliance.title')} (${l.quarter(s.quarter.key)})`),
    table(['*', 56, 56, 56, 72], header, rows, 8.5),
    { text: l.t('compliance.definition'), style: 'note' },
  ];
}

// ── Charts: bars drawn as vectors, every word and number as real text ───────────────────────────

function legend(l: ReportLabels): Content {
  return { text: STATUSES.flatMap((st) => [{ text: '■ ', color: STATUS_COLORS[st] }, { text: `${l.status(st)}      ` }]), fontSize: 8, margin: [0, 0, 0, 6] };
}

/** (a) One horizontal stacked bar per area, scaled to the largest area, its total at the end. */
function areaChart(s: ReportSummary, l: ReportLabels): Content {
  const areas = s.charts.statusByArea;
  const barWidth = 320;
  const max = Math.max(1, ...areas.map((a) => a.atEnd.total));
  const rows = areas.map((a): TableCell[] => {
    let x = 0;
    const bars = STATUSES.filter((st) => a.atEnd.counts[st] > 0).map((st): CanvasElement => {
      const w = (a.atEnd.counts[st] / max) * barWidth;
      x += w;
      return { type: 'rect', x: x - w, y: 1, w, h: 10, color: STATUS_COLORS[st] };
    });
    return [{ text: l.name(a) }, bars.length ? { canvas: bars } : '', num(count(l, a.atEnd.total))];
  });
  const chart: Content = rows.length ? { table: { widths: [140, barWidth, 30], body: rows, dontBreakRows: true }, layout: 'noBorders', fontSize: 8 } : '';
  return { stack: [heading(l.t('charts.statusByArea')), legend(l), chart, { text: l.t('pdf.chartScale'), style: 'note' }], pageBreak: 'before' };
}

/** (b) Stacked columns of the status counts at the last quarter ends, totals on top. */
function seriesChart(s: ReportSummary, l: ReportLabels): Content {
  const points = s.charts.quarterSeries;
  const colWidth = Math.floor(PORTRAIT_WIDTH / Math.max(points.length, 1));
  const [height, barWidth] = [140, 28];
  const max = Math.max(1, ...points.map((p) => p.total));
  const columns = points.map((p): TableCell => {
    const top = (p.total / max) * height;
    let y = top;
    const bars = STATUSES.filter((st) => p.counts[st] > 0).map((st): CanvasElement => {
      const h = (p.counts[st] / max) * height;
      y -= h;
      return { type: 'rect', x: (colWidth - barWidth) / 2, y, w: barWidth, h, color: STATUS_COLORS[st] };
    });
    const axis: CanvasElement = { type: 'line', x1: 0, y1: top, x2: colWidth, y2: top, lineWidth: 0.6, lineColor: '#8a96a3' };
    return { stack: [{ text: count(l, p.total), alignment: 'center', margin: [0, height - top, 0, 2] }, { canvas: [...bars, axis] }] };
  });
  const quarters = points.map((p): TableCell => ({ text: l.quarter(p.quarter), alignment: 'center', margin: [0, 3, 0, 0] }));
  const flat: CustomTableLayout = { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 };
  const chart: Content = points.length ? { table: { widths: points.map(() => colWidth), body: [columns, quarters] }, layout: flat, fontSize: 8 } : '';
  return { stack: [heading(l.t('charts.statusOverTime')), legend(l), chart], unbreakable: true, margin: [0, 8, 0, 0] };
}

// ── By area, by lead agency ─────────────────────────────────────────────────────────────────────

const FIGURE_KEYS = ['overdueAtEnd', 'completedThisQuarter', 'newlyOverdue', 'dueNextQuarter', 'meanProgress', 'meanProgressChange'] as const;
/** Total, the six statuses (wide enough for "Discontinued"), then the quarter's figures. */
const FIGURE_WIDTHS = [40, ...STATUSES.map(() => 54), ...FIGURE_KEYS.map(() => 44)];

function figureHeaders(l: ReportLabels): TableCell[] {
  return [
    th(l.t('columns.total'), 'right'),
    ...STATUSES.map((st): TableCell => ({ text: [{ text: '● ', color: STATUS_COLORS[st] }, l.status(st)], style: 'th', alignment: 'right' })),
    ...FIGURE_KEYS.map((k) => th(l.t(`columns.${k}`), 'right')),
  ];
}

function figureCells(g: QuarterFigures, l: ReportLabels): TableCell[] {
  const e = g.atEnd;
  const counted = [e.total, ...STATUSES.map((st) => e.counts[st]), e.overdue, g.completedThisQuarter, g.newlyOverdue, g.dueNextQuarter].map((v) => count(l, v));
  return [...counted, l.progress(e.meanProgress), l.signed(g.meanProgressChange, 1)].map(num);
}

/** The By area and By lead agency tables; the XLSX also has each one's total at the previous quarter end. */
function figureTables(s: ReportSummary, l: ReportLabels): Content[] {
  return [
    heading(l.t('byArea.title')),
    table(['*', ...FIGURE_WIDTHS], [th(l.t('byArea.name')), ...figureHeaders(l)], s.byArea.map((a) => [l.name(a), ...figureCells(a, l)])),
    heading(l.t('byAgency.title')),
    table(['*', ...FIGURE_WIDTHS], [th(`${l.t('byAgency.name')}\n${l.t('byAgency.country')}`), ...figureHeaders(l)], s.byLeadAgency.map((a) => [sub(l.agency(a), l.country(a.country)), ...figureCells(a, l)])),
  ];
}

// ── Commitments and changes: read only the rows that are printed ───────────────────────────────

type Run = { text: string; noWrap?: boolean; color?: string };

/** An agency and its assignment's basis, `MSIT (inferred)`: the name may wrap, `(추정)` stays whole. */
const assigned = (a: Assigned, l: ReportLabels): Run[] => (a.basis ? [{ text: `${l.agency(a)} ` }, { text: `(${l.basis(a.basis)})`, noWrap: true }] : [{ text: l.agency(a) }]);

/** The lead with its basis, and the partners with theirs in grey below. */
function assignmentsCell(c: ReportCommitment, l: ReportLabels): TableCell {
  const partners = c.partners.flatMap((p, i) => [...(i ? [{ text: ', ' }] : []), ...assigned(p, l)]).map((r): Run => ({ ...r, color: GREY }));
  return { text: [...assigned(c.lead, l), ...(partners.length ? [{ text: '\n' }, ...partners] : [])] };
}

/** The due period, and in grey below where it comes from: `원문 명시: “내년 초”`, `추정`, `기한 명시 없음`. */
function dueCell(c: ReportCommitment, l: ReportLabels): TableCell {
  const period = l.duePeriod(c.dueSpec);
  if (!c.dueBasis) return period;
  const words = c.dueBasis === 'stated' && c.dueBasisWords ? c.dueBasisWords : null;
  // The quote breaks at its spaces, so `“내년 초”` never splits a word (a word too long for the column still may).
  const quoted = words ? ` “${words}”`.split(/(?<= )/).map((w): Run => ({ text: w, noWrap: w.trim().length <= 6, color: GREY })) : [];
  const basis: Run[] = [{ text: `${l.basis(c.dueBasis)}${words ? ':' : ''}`, noWrap: true, color: GREY }, ...quoted];
  return { text: [period, { text: '\n' }, ...basis] };
}

/** The status, and below it in grey the claim that qualifies it: `완료` / `양측 이견`. */
function statusWithClaim(c: ReportCommitment, l: ReportLabels): TableCell {
  const claim = l.claim(c.claim);
  if (!claim) return statusCell(l, c.status);
  return { text: [{ text: '● ', color: STATUS_COLORS[c.status] }, l.status(c.status), { text: `\n${claim}`, color: GREY }] };
}

/** The verdict in words, and below it in grey its score and the confidence: `부분 이행` / `0 · 높음`. */
function verdictCell(c: ReportCommitment, l: ReportLabels): TableCell {
  if (c.verdict === null || c.verdict === undefined) return '';
  return sub(l.verdict(c.verdict), [l.signed(c.verdict), l.confidence(c.confidence)].filter(Boolean).join(' · '));
}

function commitmentCells(c: ReportCommitment, l: ReportLabels, showDialogue: boolean): TableCell[] {
  const dialogue = c.synthetic ? `${c.dialogue} ${l.t('columns.syntheticSuffix')}` : c.dialogue;
  const area = showDialogue ? `${l.name(c.area)} · ${dialogue}` : l.name(c.area);
  const previous = c.previousStatus === 'absent' ? statusCell(l, 'absent', l.t('newThisQuarter')) : statusCell(l, c.previousStatus);
  return [
    sub(c.code, area),
    l.name({ nameKo: c.titleKo, nameEn: c.titleEn }),
    assignmentsCell(c, l),
    dueCell(c, l),
    statusWithClaim(c, l),
    num(c.progress),
    previous,
    num(c.previousProgress),
    num(l.signed(c.progressChange)),
    l.date(c.latestEntryOn),
    sub(c.latestNote ?? '', c.latestEvidenceUrl ?? ''),
    l.yesNo(c.overdue),
    verdictCell(c, l),
  ];
}

function commitmentsSection(source: ReportSource, l: ReportLabels): Content[] {
  const s = source.summary;
  const title = heading(l.t('commitmentsTitle'));
  if (s.commitmentCount > PDF_MAX_COMMITMENT_ROWS) return [title, { text: l.t('commitmentsTooMany', { count: count(l, s.commitmentCount) }), style: 'notice' }];
  if (s.commitmentCount === 0) return [title, { text: l.emptyReason(s.emptyReason) }];
  const showDialogue = s.dialogues.length > 1;
  const rows: TableCell[][] = [];
  for (const c of source.commitments()) {
    rows.push(commitmentCells(c, l, showDialogue));
    if (rows.length === PDF_MAX_COMMITMENT_ROWS) break;
  }
  const header = [
    th(`${l.t('columns.code')}\n${l.t('columns.area')}`),
    th(l.t('columns.title')),
    th(`${l.t('columns.lead')}\n${l.t('columns.partners')}\n(${l.basisHeader('assignmentBasis')})`),
    th(`${l.t('columns.duePeriod')}\n(${l.basisHeader('dueBasis')})`),
    th(`${l.t('columns.status')}\n(${l.t('columns.claim')})`),
    th(l.t('columns.progress'), 'right'),
    th(l.t('columns.previousStatus')),
    th(l.t('columns.previousProgress'), 'right'),
    th(l.t('columns.progressChange'), 'right'),
    th(l.t('columns.latestEntryOn')),
    th(`${l.t('columns.latestNote')}\n${l.t('columns.latestEvidence')}`),
    th(l.t('columns.overdue')),
    th(l.t('columns.verdict')),
  ];
  // The claim's state sits under the status it qualifies; the verdict takes the last column.
  return [title, table([64, '*', 76, 54, 60, 42, 56, 44, 42, 48, '*', 40, 48], header, rows), { text: l.t('compliance.claimNote'), style: 'note' }];
}

function changeCells(c: ReportChange, l: ReportLabels, zone: string): TableCell[] {
  return [
    l.date(c.effectiveDate),
    c.code,
    l.name({ nameKo: c.titleKo, nameEn: c.titleEn }),
    statusCell(l, c.fromStatus),
    statusCell(l, c.toStatus),
    num(`${c.fromProgress} → ${c.toProgress}`),
    sub(c.note, c.evidenceUrl ?? ''),
    sub(l.person(c), c.authorAgency ? l.agency(c.authorAgency) : l.t('changes.administrator')),
    l.instant(c.recordedAt, zone),
  ];
}

function changesSection(source: ReportSource, l: ReportLabels): Content[] {
  const s = source.summary;
  const intro: Content[] = [heading(l.t('changes.title')), { text: l.t('changes.caption'), style: 'note' }];
  if (s.changeCount === 0) return [...intro, l.t('changes.none')];
  const rows: TableCell[][] = [];
  for (const c of source.changes()) {
    rows.push(changeCells(c, l, s.timeZone));
    if (rows.length === PDF_MAX_COMMITMENT_ROWS) break;
  }
  const header = [
    th(l.t('changes.effectiveDate')),
    th(l.t('changes.code')),
    th(l.t('changes.title_')),
    th(l.t('changes.from')),
    th(l.t('changes.to')),
    th(l.t('changes.progress'), 'right'),
    th(`${l.t('changes.note')}\n${l.t('changes.evidence')}`),
    th(`${l.t('changes.author')}\n${l.t('changes.authorAgency')}`),
    th(l.t('changes.recordedAt')),
  ];
  const omitted = s.changeCount - rows.length;
  const truncated: Content[] = omitted > 0 ? [{ text: l.t('pdf.changesTruncated', { count: count(l, s.changeCount), shown: count(l, rows.length), omitted: count(l, omitted) }), style: 'notice' }] : [];
  return [...intro, ...truncated, table([54, 64, '*', 62, 62, 50, '*', 84, 96], header, rows)];
}

// ── The document ────────────────────────────────────────────────────────────────────────────────

/** The report as a pdfmake document: page 1 summary (portrait), then the wide tables in landscape. */
export function buildPdfDocument(source: ReportSource): TDocumentDefinitions {
  const s = source.summary;
  const l = reportLabels(s.params.lang);
  const title = l.t('documentTitle');
  const quarter = l.quarter(s.quarter.key);
  // A fixed date keeps the bytes of a report the same however often it is rendered (pdfkit derives the file ID from it).
  const generated = new Date(s.generatedAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    language: s.params.lang,
    info: { title: `${title} — ${quarter}`, author: s.generatedBy.name, subject: quarter, creator: PRODUCER, producer: PRODUCER, creationDate: generated, modDate: generated },
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 11, color: GREY, margin: [0, 0, 0, 10] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 5] },
      th: { bold: true, fontSize: 7.5, fillColor: '#e6ebf0' },
      note: { fontSize: 7.5, color: GREY, margin: [0, 3, 0, 3] },
      notice: { fontSize: 9, bold: true, color: '#8a4b00', margin: [0, 4, 0, 4] },
    },
    footer: (page, pages) => ({
      columns: [{ text: `${title} · ${quarter}` }, { text: l.t('page', { page, pages }), alignment: 'right', width: 'auto' }],
      margin: [MARGINS[0], 18, MARGINS[2], 0],
      fontSize: 7.5,
      color: GREY,
    }),
    content: [
      {
        section: [
          ...headerBlock(s, l),
          heading(l.t('summary.title')),
          summaryTable(s, l),
          { text: l.t('summary.definitions', { timeZone: s.timeZone }), style: 'note' },
          ...complianceSection(s, l),
          areaChart(s, l),
          seriesChart(s, l),
        ],
      },
      { section: figureTables(s, l), pageOrientation: 'landscape' },
      { section: commitmentsSection(source, l), pageOrientation: 'landscape' },
      { section: changesSection(source, l), pageOrientation: 'landscape' },
    ],
  };
}

async function createPdf(source: ReportSource) {
  await loadFonts();
  const definition = buildPdfDocument(source);
  pdfmake.setFonts(fontDictionary());
  return pdfmake.createPdf(definition);
}

/** The whole PDF in memory. */
export async function renderPdf(source: ReportSource): Promise<Buffer> {
  return (await createPdf(source)).getBuffer();
}

/**
 * Writes the report as an A4 PDF with the Korean font embedded. pdfmake lays the whole document out
 * before the first byte, so this holds it in memory (the commitment table is capped for that reason).
 */
export const writePdf: ReportWriter = async (source, out) => {
  try {
    const doc = await (await createPdf(source)).getStream();
    doc.end();
    await pipeline(doc, out);
  } catch (error) {
    // A truncated file that ends cleanly would pass for a complete one: fail the stream instead.
    (out as Partial<NodeJS.WritableStream & { destroy(e?: Error): void }>).destroy?.(error as Error);
    throw error;
  }
};
