import type { State } from '@/lib/commitments/vocabulary';
import type { ReportLabels } from './labels';
import type { ReportCommitment } from './types';

/**
 * How a writer should type a cell: `date` values are ISO days and `instant` values ISO instants
 * (both null when missing); `status` is text that also carries its state for colouring.
 */
export type CellKind = 'text' | 'number' | 'date' | 'instant' | 'status';

/** One column of a report table, shared by the formats so their columns cannot drift apart. */
export interface ReportColumn<T> {
  header: (l: ReportLabels) => string;
  kind: CellKind;
  /** Width in characters, for the spreadsheet. */
  width: number;
  /** The spreadsheet's number format, where the kind's default will not do. */
  numFmt?: string;
  /** Colours the header cell as this status. */
  headerState?: State;
  value: (row: T, l: ReportLabels) => string | number | null;
  /** The state a `status` cell stands for. */
  state?: (row: T) => State;
}

/**
 * The commitment table's columns, in the order of the CSV and of the XLSX's Commitments sheet.
 * Values are ours to type: progress and changes stay numbers, dates stay ISO for the writer to render.
 * New columns go at the end: consumers of the CSV read the earlier ones by position.
 */
export const COMMITMENT_COLUMNS: ReportColumn<ReportCommitment>[] = [
  { header: (l) => l.t('columns.code'), kind: 'text', width: 14, value: (c) => c.code },
  // The synthetic sample's rows say so in every format: `SAMPLE (synthetic)`.
  { header: (l) => l.t('columns.dialogue'), kind: 'text', width: 18, value: (c, l) => (c.synthetic ? `${c.dialogue} ${l.t('columns.syntheticSuffix')}` : c.dialogue) },
  { header: (l) => l.t('columns.area'), kind: 'text', width: 20, value: (c, l) => l.name(c.area) },
  { header: (l) => l.t('columns.title'), kind: 'text', width: 48, value: (c, l) => l.name({ nameKo: c.titleKo, nameEn: c.titleEn }) },
  { header: (l) => l.t('columns.lead'), kind: 'text', width: 18, value: (c, l) => l.agency(c.lead) },
  { header: (l) => l.t('columns.partners'), kind: 'text', width: 24, value: (c, l) => c.partners.map((p) => l.agency(p)).join('; ') },
  { header: (l) => l.basisHeader('assignmentBasis'), kind: 'text', width: 32, value: (c, l) => l.assignmentBases(c) },
  { header: (l) => l.t('columns.duePeriod'), kind: 'text', width: 18, value: (c, l) => l.duePeriod(c.dueSpec) },
  { header: (l) => l.basisHeader('dueBasis'), kind: 'text', width: 20, value: (c, l) => l.dueBasis(c) },
  { header: (l) => l.t('columns.dueEnd'), kind: 'date', width: 12, value: (c) => c.dueEnd },
  { header: (l) => l.t('columns.status'), kind: 'status', width: 14, value: (c, l) => l.status(c.status), state: (c) => c.status },
  { header: (l) => l.t('columns.progress'), kind: 'number', width: 12, value: (c) => c.progress },
  { header: (l) => l.t('columns.previousStatus'), kind: 'status', width: 14, value: (c, l) => l.status(c.previousStatus), state: (c) => c.previousStatus },
  { header: (l) => l.t('columns.previousProgress'), kind: 'number', width: 12, value: (c) => c.previousProgress },
  { header: (l) => l.t('columns.progressChange'), kind: 'number', width: 12, value: (c) => c.progressChange },
  { header: (l) => l.t('columns.latestEntryOn'), kind: 'date', width: 12, value: (c) => c.latestEntryOn },
  { header: (l) => l.t('columns.latestNote'), kind: 'text', width: 40, value: (c) => c.latestNote },
  { header: (l) => l.t('columns.latestEvidence'), kind: 'text', width: 32, value: (c) => c.latestEvidenceUrl },
  { header: (l) => l.t('columns.overdue'), kind: 'text', width: 10, value: (c, l) => l.yesNo(c.overdue) },
  // The analysts' assessment for the report's quarter (blank when not assessed), then the claim's state at the report's date.
  { header: (l) => l.t('columns.verdictScore'), kind: 'number', width: 12, numFmt: '+0;-0;0', value: (c) => c.verdict ?? null },
  { header: (l) => l.t('columns.verdict'), kind: 'text', width: 14, value: (c, l) => l.verdict(c.verdict) },
  { header: (l) => l.t('columns.confidence'), kind: 'text', width: 10, value: (c, l) => l.confidence(c.confidence) },
  { header: (l) => l.t('columns.rationale'), kind: 'text', width: 48, value: (c) => c.rationale ?? null },
  // URLs hold no spaces: one space between links keeps a CSV row on one line.
  { header: (l) => l.t('columns.assessmentLinks'), kind: 'text', width: 32, value: (c) => c.assessmentLinks?.join(' ') ?? null },
  { header: (l) => l.t('columns.claim'), kind: 'text', width: 20, value: (c, l) => l.claim(c.claim) },
];
