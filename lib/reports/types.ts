import type { Basis, ClaimState, Confidence, DueBasis, State, Status, Verdict } from '@/lib/commitments/vocabulary';
import type { Locale } from '@/lib/i18n/config';

/**
 * The quarterly report's model: every figure, row and chart of every format (screen, JSON, CSV,
 * XLSX, PDF), built once by `buildQuarterlyReport` from the as-of read model. Writers only lay it
 * out; they compute nothing. Plain data, so it serialises to JSON and freezes as issued.
 */

/** What a report covers: a quarter (`2024-Q2`), its language and optional filters. */
export interface ReportParams {
  quarter: string;
  lang: Locale;
  dialogue?: string;
  area?: string;
  /** An agency as lead or partner. */
  agency?: string;
  /** The lead agency's country. */
  country?: string;
}

export interface Named {
  code: string;
  nameKo: string;
  nameEn: string;
  /** Agencies: the Korean short name (과기정통부); absent in reports issued before agencies had one. */
  shortNameKo?: string | null;
}

/** Where a set of commitments stood at one quarter end. */
export interface StandingFigures {
  total: number;
  counts: Record<Status, number>;
  /** counts / total (0 when there are none), per status. */
  shares: Record<Status, number>;
  /** Due on or before that quarter's last day and neither completed nor discontinued by its end. */
  overdue: number;
  /** Mean progress (0–100) over all counted commitments. */
  meanProgress: number;
}

/**
 * Analysts' assessments of a set of commitments for the report's quarter: the mean compliance
 * score (the verdicts +1 / 0 / −1 averaged over those assessed) and how many are and are not.
 */
export interface ComplianceFigures {
  /** Commitments counted (as `atEnd.total`). */
  total: number;
  /** Those with an assessment standing for the quarter. */
  assessed: number;
  /** total - assessed. */
  notAssessed: number;
  /** Mean verdict (−1 to +1) over those assessed; null when none is. */
  mean: number | null;
}

/** The summary's figures, for the whole report and for each area and lead agency. */
export interface QuarterFigures {
  atEnd: StandingFigures;
  atPreviousEnd: StandingFigures;
  /** Completed at quarter end and not completed at the previous quarter end. */
  completedThisQuarter: number;
  /** Overdue at quarter end and not overdue at the previous quarter end. */
  newlyOverdue: number;
  /** Open at quarter end and due within the next quarter. */
  dueNextQuarter: number;
  /** atEnd.meanProgress - atPreviousEnd.meanProgress. */
  meanProgressChange: number;
  /** Absent from reports issued before assessments were kept. */
  compliance?: ComplianceFigures;
}

export interface AreaFigures extends Named, QuarterFigures {}
export interface AgencyFigures extends Named, QuarterFigures {
  country: string;
}

/**
 * An agency as lead or partner of a commitment, with the basis of the assignment: the source names
 * it, someone inferred it, or the agency confirmed it. Absent from reports issued before bases were
 * kept (their frozen JSON has none).
 */
export interface Assigned extends Named {
  basis?: Basis;
}

/** One commitment as it stood at quarter end, with what changed during the quarter. */
export interface ReportCommitment {
  code: string;
  dialogue: string;
  /** Set on the synthetic sample dialogue's commitments (invented demo data): every format marks them. */
  synthetic?: true;
  area: Named;
  titleKo: string;
  titleEn: string;
  lead: Assigned & { country: string };
  partners: Assigned[];
  dueSpec: string;
  /** Where the due period comes from (absent, as `basis`, from reports issued before bases were kept). */
  dueBasis?: DueBasis;
  /** The source's phrase a stated due period was read from. */
  dueBasisWords?: string | null;
  dueEnd: string | null;
  status: Status;
  progress: number;
  /** Its state at the previous quarter end: `absent` when adopted during the quarter. */
  previousStatus: State;
  previousProgress: number;
  /** progress - previousProgress. */
  progressChange: number;
  /** The latest entry effective within the quarter (world order), if any. */
  latestEntryOn: string | null;
  latestNote: string | null;
  latestEvidenceUrl: string | null;
  overdue: boolean;
  /**
   * The analysts' assessment standing for the report's quarter: the latest recorded by the
   * report's generation (null: not assessed). These five fields are absent from reports issued
   * before assessments were kept.
   */
  verdict?: Verdict | null;
  confidence?: Confidence | null;
  rationale?: string | null;
  assessmentLinks?: string[];
  /** The claim standing at `asOf` (a completion or discontinuation the other side is asked to confirm), or null. */
  claim?: ClaimState | null;
}

/** One status update effective within the quarter. */
export interface ReportChange {
  /** The update's id: its place in recording order. */
  id: number;
  effectiveDate: string;
  /** ISO instant (UTC) it was recorded. */
  recordedAt: string;
  code: string;
  titleKo: string;
  titleEn: string;
  fromStatus: Status;
  toStatus: Status;
  fromProgress: number;
  toProgress: number;
  note: string;
  evidenceUrl: string | null;
  /** The author's agency; null for an administrator without one. */
  authorAgency: Named | null;
  authorName: string;
  /** The author's Korean display name (absent in reports issued before it was kept). */
  authorNameKo?: string | null;
}

/** One quarter end of the status-over-time chart. */
export interface QuarterPoint {
  quarter: string;
  end: string;
  counts: Record<Status, number>;
  total: number;
}

export interface ReportHeader {
  params: ReportParams;
  quarter: { key: string; start: string; end: string };
  previousQuarterEnd: string;
  nextQuarter: { key: string; start: string; end: string };
  /** The dialogues whose commitments the report covers (those adopted by quarter end). */
  dialogues: (Named & { heldOn: string; synthetic?: boolean })[];
  /** The filters, resolved to names (null when not set). */
  filters: { dialogue: Named | null; area: Named | null; agency: Named | null; country: string | null };
  generatedBy: { name: string; email: string };
  /** ISO instant the report was generated. */
  generatedAt: string;
  /** The date its figures stand at: the quarter's last day (or today while the quarter runs). */
  asOf: string;
  /** True while the quarter is still running: figures stand at today. */
  partial: boolean;
  /** ISO instant up to which recorded entries are included: the generation's read. */
  recordedThrough: string;
  /** The highest status update id included: later ids were recorded after this report. */
  lastUpdateId: number;
  /** The app's time zone, named where times are shown. */
  timeZone: string;
  /** Set when the quarter ends before the first dialogue in scope: the report is empty and says so. */
  emptyReason: 'before_first_dialogue' | 'no_commitments' | null;
}

/** Everything but the per-commitment rows and the changes, which stream. */
export interface ReportSummary extends ReportHeader {
  summary: QuarterFigures;
  byArea: AreaFigures[];
  byLeadAgency: AgencyFigures[];
  charts: { statusByArea: AreaFigures[]; quarterSeries: QuarterPoint[] };
  /** How many commitment rows and change rows the report has. */
  commitmentCount: number;
  changeCount: number;
}

export interface QuarterlyReport extends ReportSummary {
  commitments: ReportCommitment[];
  changes: ReportChange[];
}

/** Above this many commitments the PDF carries the summary and tables only and points to the XLSX. */
export const PDF_MAX_COMMITMENT_ROWS = 2000;

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * A report ready to write: its summary, and its commitment and change rows, read lazily in one
 * consistent snapshot (each call starts a new pass). Writers iterate them once, in order.
 */
export interface ReportSource {
  summary: ReportSummary;
  commitments(): Iterable<ReportCommitment>;
  changes(): Iterable<ReportChange>;
}

/** A writer lays a report out in one format and writes it to `out`, honouring back-pressure; it ends `out`. */
export type ReportWriter = (source: ReportSource, out: NodeJS.WritableStream) => Promise<void>;
