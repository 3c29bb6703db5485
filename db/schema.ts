import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  AGENCY_KINDS,
  BASES,
  CLAIM_DECISIONS,
  CONFIDENCES,
  DUE_BASES,
  TARGET_BASES,
  PARTNER_ROLES,
  STATES,
  STATUSES,
} from '@/lib/commitments/vocabulary';
import { DUE_PRECISIONS } from '@/lib/periods/due-period';
import { ROLES } from '@/lib/auth/roles';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const dialogues = sqliteTable(
  'dialogues',
  {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  heldOn: text('held_on').notNull(),
  placeKo: text('place_ko').notNull(),
  placeEn: text('place_en').notNull(),
  coChairsKo: text('co_chairs_ko').notNull().default(''),
  coChairsEn: text('co_chairs_en').notNull().default(''),
  sourceTitle: text('source_title'),
  sourcePublisher: text('source_publisher'),
  sourceUrl: text('source_url'),
  sourceFile: text('source_file'),
  /** Invented demo data (the sample dialogue `npm run demo` adds): every view and export marks it. */
  synthetic: integer('synthetic', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  },
  (t) => [index('dialogues_held_on_idx').on(t.heldOn)],
);
export type Dialogue = typeof dialogues.$inferSelect;
export type NewDialogue = typeof dialogues.$inferInsert;

export const areas = sqliteTable('areas', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});
export type Area = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;

export const agencies = sqliteTable(
  'agencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    nameKo: text('name_ko').notNull(),
    /** The short name Korean officials use (과기정통부 for 과학기술정보통신부; NSF where Koreans keep the acronym). Null: the Korean name is short enough. */
    shortNameKo: text('short_name_ko'),
    nameEn: text('name_en').notNull(),
    country: text('country').notNull(),
    kind: text('kind', { enum: AGENCY_KINDS }).notNull(),
  },
  (t) => [
    index('agencies_country_idx').on(t.country),
    check('agencies_kind_check', inList('kind', AGENCY_KINDS)),
  ],
);
export type Agency = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;

/** Agencies that took part in a dialogue's meeting itself. */
export const dialogueParticipants = sqliteTable(
  'dialogue_participants',
  {
    dialogueId: integer('dialogue_id')
      .notNull()
      .references(() => dialogues.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.dialogueId, t.agencyId] })],
);

export const commitments = sqliteTable(
  'commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    dialogueId: integer('dialogue_id')
      .notNull()
      .references(() => dialogues.id),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionKo: text('description_ko').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    leadAgencyId: integer('lead_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Canonical due-period spec (lib/periods); start/end are derived from it for SQL filtering. */
    dueSpec: text('due_spec').notNull().default('ongoing'),
    duePrecision: text('due_precision', { enum: DUE_PRECISIONS }).notNull().default('none'),
    dueStart: text('due_start'),
    dueEnd: text('due_end'),
    targetKo: text('target_ko'),
    targetEn: text('target_en'),
    sourceExcerpt: text('source_excerpt').notNull().default(''),
    /** The lead's basis (lib/commitments/basis.ts): stated with the naming words, inferred with a reason, or confirmed. */
    leadBasis: text('lead_basis', { enum: BASES }).notNull().default('inferred'),
    leadBasisQuote: text('lead_basis_quote'),
    leadBasisReasonKo: text('lead_basis_reason_ko'),
    leadBasisReasonEn: text('lead_basis_reason_en'),
    leadConfirmedBy: text('lead_confirmed_by'),
    leadConfirmedOn: text('lead_confirmed_on'),
    leadConfirmedEvidenceUrl: text('lead_confirmed_evidence_url'),
    /** The due period's basis: the source phrase it was read from, a reason, or no time stated. */
    dueBasis: text('due_basis', { enum: DUE_BASES }).notNull().default('not_stated'),
    dueBasisQuote: text('due_basis_quote'),
    dueBasisReasonKo: text('due_basis_reason_ko'),
    dueBasisReasonEn: text('due_basis_reason_en'),
    /** The target's basis (null without a target). */
    targetBasis: text('target_basis', { enum: TARGET_BASES }),
    targetBasisQuote: text('target_basis_quote'),
    targetBasisReasonKo: text('target_basis_reason_ko'),
    targetBasisReasonEn: text('target_basis_reason_en'),
    status: text('status', { enum: STATUSES }).notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    version: integer('version').notNull().default(1),
    archivedAt: text('archived_at'),
    /** Effective date of the latest history entry (null before any): the "no update for 90 days" test. */
    lastUpdateOn: text('last_update_on'),
    /**
     * The day the commitment starts to exist: its dialogue's date. Before it, it is in no figure,
     * list or series. Kept by the read model's projector (lib/as-of) with status, progress and
     * last_update_on, which all follow from the history and the dialogue.
     */
    adoptedOn: text('adopted_on').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    index('commitments_dialogue_idx').on(t.dialogueId),
    index('commitments_area_idx').on(t.areaId),
    index('commitments_lead_idx').on(t.leadAgencyId),
    index('commitments_status_idx').on(t.status),
    index('commitments_due_end_idx').on(t.dueEnd),
    // Covers the dashboard's one pass over commitments, so it reads the index and not the wide rows.
    index('commitments_recent_idx').on(t.lastUpdateOn),
    index('commitments_adopted_idx').on(t.adoptedOn),
    // The burn-up's due-by-then counts: the due end per commitment without reading the wide rows.
    index('commitments_due_lookup_idx').on(t.id, t.dueEnd, t.archivedAt, t.areaId, t.leadAgencyId),
    index('commitments_dashboard_idx').on(t.archivedAt, t.areaId, t.leadAgencyId, t.dueEnd, t.status, t.progress, t.lastUpdateOn, t.dialogueId, t.adoptedOn),
    check('commitments_status_check', inList('status', STATUSES)),
    check('commitments_progress_check', sql`${t.progress} between 0 and 100`),
    check('commitments_version_check', sql`${t.version} >= 1`),
  ],
);
export type Commitment = typeof commitments.$inferSelect;
export type NewCommitment = typeof commitments.$inferInsert;

export const commitmentPartners = sqliteTable(
  'commitment_partners',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role', { enum: PARTNER_ROLES }).notNull(),
    /** As the lead's basis on commitments. */
    basis: text('basis', { enum: BASES }).notNull().default('inferred'),
    basisQuote: text('basis_quote'),
    basisReasonKo: text('basis_reason_ko'),
    basisReasonEn: text('basis_reason_en'),
    confirmedBy: text('confirmed_by'),
    confirmedOn: text('confirmed_on'),
    confirmedEvidenceUrl: text('confirmed_evidence_url'),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.agencyId] }),
    index('commitment_partners_agency_idx').on(t.agencyId),
    check('commitment_partners_role_check', inList('role', PARTNER_ROLES)),
  ],
);
export type CommitmentPartner = typeof commitmentPartners.$inferSelect;

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Display name on Korean screens; `name` serves English screens and stands in when this is null. */
    nameKo: text('name_ko'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' })
      .notNull()
      .default(false),
    createdAt: createdAt(),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
    check('users_role_check', inList('role', ROLES)),
    check(
      'users_official_agency_check',
      sql`(${t.role} = 'official') = (${t.agencyId} is not null)`,
    ),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Append-only history of status and progress changes (UPDATE/DELETE abort via triggers). */
export const statusUpdates = sqliteTable(
  'status_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    previousStatus: text('previous_status', { enum: STATUSES }).notNull(),
    newStatus: text('new_status', { enum: STATUSES }).notNull(),
    previousProgress: integer('previous_progress').notNull(),
    newProgress: integer('new_progress').notNull(),
    note: text('note').notNull().default(''),
    evidenceUrl: text('evidence_url'),
    /** When the change happened in the world (ISO date); may precede recordedAt. */
    effectiveDate: text('effective_date').notNull(),
    recordedAt: text('recorded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** The hash chain (lib/audit/chain.ts): the previous row's hash, and this row's. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('status_updates_commitment_idx').on(t.commitmentId, t.effectiveDate, t.id),
    index('status_updates_effective_idx').on(t.effectiveDate),
    // Staleness: the last entry *recorded* per commitment (lib/as-of/staleness.ts).
    index('status_updates_recorded_idx').on(t.commitmentId, t.recordedAt),
    check('status_updates_new_status_check', inList('new_status', STATUSES)),
    check('status_updates_progress_check', sql`${t.newProgress} between 0 and 100`),
  ],
);
export type StatusUpdate = typeof statusUpdates.$inferSelect;
export type NewStatusUpdate = typeof statusUpdates.$inferInsert;

/** Append-only audit trail (UPDATE/DELETE abort via triggers). */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id').references(() => users.id),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    origin: text('origin'),
    at: text('at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** The hash chain (lib/audit/chain.ts): the previous event's hash, and this event's. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_at_idx').on(t.at),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** Server-side session records: the JWT cookie only names one, so logout and disabling really end it. */
export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 (hex) of the session id; the id itself is only in the cookie (lib/auth/sessions). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    origin: text('origin'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

/** Every sign-in attempt, for throttling by account and by client. */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    success: integer('success', { mode: 'boolean' }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

/** Installation-wide settings (generated auth secret, demo flag). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The history in world order as state changes (derived; lib/as-of keeps it). Each commitment's
 * chain starts with its adoption (update_id 0, effective on adopted_on, from `absent` to the state
 * it started in), then one row per status update in world order (effective date, then recording
 * order), each moving from its predecessor's state. So "where things stood on D" is "now minus
 * the changes since", existence included.
 */
export const statusTransitions = sqliteTable(
  'status_transitions',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    /** The status update (0: the adoption). */
    updateId: integer('update_id').notNull(),
    effectiveDate: text('effective_date').notNull(),
    fromStatus: text('from_status', { enum: STATES }).notNull(),
    toStatus: text('to_status', { enum: STATES }).notNull(),
    fromProgress: integer('from_progress').notNull(),
    toProgress: integer('to_progress').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.updateId] }),
    index('status_transitions_commitment_idx').on(t.commitmentId, t.effectiveDate, t.updateId),
    index('status_transitions_effective_idx').on(t.effectiveDate, t.commitmentId, t.fromStatus, t.toStatus, t.fromProgress, t.toProgress),
    // The burn-up's "completed among those due": only the transitions into or out of completed.
    // SQLite uses a partial index only when the query repeats this condition exactly.
    index('status_transitions_completed_idx')
      .on(t.effectiveDate, t.commitmentId, t.fromStatus, t.toStatus)
      .where(sql`to_status = 'completed' or from_status = 'completed'`),
  ],
);
export type StatusTransition = typeof statusTransitions.$inferSelect;

/**
 * Monthly rollup of status_transitions by area and lead agency: how many commitments moved from
 * one status to another in each month. Kept in the same transaction as the transitions, so the
 * dashboard's time series reads a few thousand rows instead of the whole history.
 * `month` is year * 12 + (month - 1).
 */
export const statusFlows = sqliteTable(
  'status_flows',
  {
    month: integer('month').notNull(),
    areaId: integer('area_id').notNull(),
    leadAgencyId: integer('lead_agency_id').notNull(),
    fromStatus: text('from_status', { enum: STATES }).notNull(),
    toStatus: text('to_status', { enum: STATES }).notNull(),
    n: integer('n').notNull(),
    fromProgressSum: integer('from_progress_sum').notNull(),
    toProgressSum: integer('to_progress_sum').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.areaId, t.leadAgencyId, t.fromStatus, t.toStatus] }),
    // Covers the time series: grouped by month and status pair straight from the index order.
    index('status_flows_series_idx').on(t.month, t.fromStatus, t.toStatus, t.areaId, t.leadAgencyId, t.n, t.fromProgressSum, t.toProgressSum),
  ],
);

/**
 * Counts of the commitments not archived, by area, lead agency, due date ('' for none) and current
 * status (derived; lib/as-of keeps it). The read model counts any date from these few thousand
 * rows, corrected by the changes after that date.
 */
export const commitmentTallies = sqliteTable(
  'commitment_tallies',
  {
    areaId: integer('area_id').notNull(),
    leadAgencyId: integer('lead_agency_id').notNull(),
    dueEnd: text('due_end').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    n: integer('n').notNull(),
    progressSum: integer('progress_sum').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.areaId, t.leadAgencyId, t.dueEnd, t.status] }),
    // Covers the due timeline: grouped by due date straight from the index order.
    index('commitment_tallies_due_idx').on(t.dueEnd, t.status, t.areaId, t.leadAgencyId, t.n),
  ],
);

/**
 * `status_flows` summed over areas and agencies (derived): the unfiltered time series reads a few
 * thousand rows instead of the whole rollup.
 */
export const statusFlowTotals = sqliteTable(
  'status_flow_totals',
  {
    month: integer('month').notNull(),
    fromStatus: text('from_status', { enum: STATES }).notNull(),
    toStatus: text('to_status', { enum: STATES }).notNull(),
    n: integer('n').notNull(),
    fromProgressSum: integer('from_progress_sum').notNull(),
    toProgressSum: integer('to_progress_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.fromStatus, t.toStatus] })],
);

/**
 * `status_transitions` by month for each agency on the commitment, as lead or partner (once
 * each; derived): an agency filter's time series reads one agency's few thousand rows instead of
 * its commitments' whole history.
 */
export const statusFlowsByAgency = sqliteTable(
  'status_flows_by_agency',
  {
    agencyId: integer('agency_id').notNull(),
    month: integer('month').notNull(),
    fromStatus: text('from_status', { enum: STATES }).notNull(),
    toStatus: text('to_status', { enum: STATES }).notNull(),
    n: integer('n').notNull(),
    fromProgressSum: integer('from_progress_sum').notNull(),
    toProgressSum: integer('to_progress_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.month, t.fromStatus, t.toStatus] })],
);

/**
 * `commitment_tallies` for each agency on the commitment, as lead or partner (once each; derived):
 * an agency filter counts from one agency's rows instead of its commitments one by one.
 */
export const agencyTallies = sqliteTable(
  'agency_tallies',
  {
    agencyId: integer('agency_id').notNull(),
    areaId: integer('area_id').notNull(),
    leadAgencyId: integer('lead_agency_id').notNull(),
    dueEnd: text('due_end').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    n: integer('n').notNull(),
    progressSum: integer('progress_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.areaId, t.leadAgencyId, t.dueEnd, t.status] })],
);

/**
 * Past month ends whose tallies have been built into `tally_snapshots`. Built on first use; the
 * projector (lib/as-of) deletes every snapshot a write could change, so a snapshot is always what
 * the history says.
 */
export const tallySnapshotDates = sqliteTable('tally_snapshot_dates', {
  asOf: text('as_of').primaryKey(),
  builtAt: text('built_at').notNull(),
});

/** `commitment_tallies` as they stood at the end of `as_of` (a past month end). */
export const tallySnapshots = sqliteTable(
  'tally_snapshots',
  {
    asOf: text('as_of').notNull(),
    areaId: integer('area_id').notNull(),
    leadAgencyId: integer('lead_agency_id').notNull(),
    dueEnd: text('due_end').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    n: integer('n').notNull(),
    progressSum: integer('progress_sum').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.asOf, t.areaId, t.leadAgencyId, t.dueEnd, t.status] }),
    index('tally_snapshots_due_idx').on(t.asOf, t.dueEnd, t.status, t.areaId, t.leadAgencyId, t.n),
  ],
);

/**
 * Each commitment's state (status, progress) at the end of a past month end in
 * `tally_snapshot_dates`, for those existing then: built with that date's tallies and dropped
 * with them. Lists and narrow scopes on a past date read a commitment's state here by key, plus
 * the few changes between the month end and the date, instead of searching its history.
 * Any edit of a commitment (its code included) drops every snapshot.
 */
export const stateSnapshots = sqliteTable(
  'state_snapshots',
  {
    asOf: text('as_of').notNull(),
    commitmentId: integer('commitment_id').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    progress: integer('progress').notNull(),
    /** The commitment's code, so a list sorted by status walks each status in code order by index. */
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.commitmentId] }), index('state_snapshots_status_idx').on(t.asOf, t.status, t.code)],
);

/** `agency_tallies` as they stood at the end of `as_of` (a past month end in `tally_snapshot_dates`). */
export const agencyTallySnapshots = sqliteTable(
  'agency_tally_snapshots',
  {
    asOf: text('as_of').notNull(),
    agencyId: integer('agency_id').notNull(),
    areaId: integer('area_id').notNull(),
    leadAgencyId: integer('lead_agency_id').notNull(),
    dueEnd: text('due_end').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    n: integer('n').notNull(),
    progressSum: integer('progress_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.agencyId, t.areaId, t.leadAgencyId, t.dueEnd, t.status] })],
);

/**
 * Quarterly reports as issued: frozen, never changed (append-only guards). Its files are the
 * bytes every later download returns; `last_update_id` is the newest status update the report
 * included, so entries recorded after it are its revisions.
 */
export const issuedReports = sqliteTable(
  'issued_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quarter: text('quarter').notNull(),
    lang: text('lang').notNull(),
    /** The report's parameters (quarter, lang, filters) as JSON. */
    params: text('params', { mode: 'json' }).notNull(),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: text('issued_at').notNull(),
    lastUpdateId: integer('last_update_id').notNull(),
  },
  (t) => [index('issued_reports_quarter_idx').on(t.quarter, t.issuedAt)],
);
export type IssuedReport = typeof issuedReports.$inferSelect;

/** The files of an issued report, one per format, with their SHA-256. */
export const issuedReportFiles = sqliteTable(
  'issued_report_files',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => issuedReports.id),
    format: text('format').notNull(),
    contentType: text('content_type').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.format] })],
);

/**
 * A status update that closes a commitment (`completed`, `discontinued`) while the commitment has
 * a lead or partner on another country's side: a claim, written with the update in its
 * transaction. `side` is the claimant's country; `counterSides` (comma-separated) the countries
 * whose agencies were asked to confirm it then. Append-only.
 */
export const claims = sqliteTable(
  'claims',
  {
    updateId: integer('update_id')
      .primaryKey()
      .references(() => statusUpdates.id),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    side: text('side').notNull(),
    counterSides: text('counter_sides').notNull(),
    /** The update's effective date (copied, for the as-of queries' index). */
    effectiveDate: text('effective_date').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('claims_commitment_idx').on(t.commitmentId, t.effectiveDate, t.updateId), index('claims_effective_idx').on(t.effectiveDate)],
);
export type Claim = typeof claims.$inferSelect;

/**
 * How long each claim stands (derived; lib/claims/spans.ts keeps it in the writer's transaction):
 * from its effective date until `ended_on`, the effective date of the first update after it in
 * world order (null while it is the latest). A claim stands at the end of D when
 * effective_date <= D and (ended_on is null or ended_on > D).
 */
export const claimSpans = sqliteTable(
  'claim_spans',
  {
    updateId: integer('update_id').primaryKey(),
    commitmentId: integer('commitment_id').notNull(),
    effectiveDate: text('effective_date').notNull(),
    endedOn: text('ended_on'),
  },
  (t) => [index('claim_spans_commitment_idx').on(t.commitmentId, t.effectiveDate)],
);

/** The other side's answers to claims: confirm or dispute (with a note), each effective on a date. Append-only. */
export const claimDecisions = sqliteTable(
  'claim_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.updateId),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    decision: text('decision', { enum: CLAIM_DECISIONS }).notNull(),
    note: text('note').notNull().default(''),
    evidenceUrl: text('evidence_url'),
    /** The country the answer speaks for. */
    side: text('side').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    /** The actor's agency (null for an administrator acting for a side). */
    actorAgencyId: integer('actor_agency_id').references(() => agencies.id),
    effectiveDate: text('effective_date').notNull(),
    recordedAt: text('recorded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    index('claim_decisions_claim_idx').on(t.claimId, t.effectiveDate, t.id),
    index('claim_decisions_commitment_idx').on(t.commitmentId),
    check('claim_decisions_decision_check', inList('decision', CLAIM_DECISIONS)),
  ],
);
export type ClaimDecisionRow = typeof claimDecisions.$inferSelect;

/**
 * Analysts' assessments: a verdict on the G7 compliance scale per commitment and quarter, apart
 * from the officials' self-reports. Append-only: a revision is a new row; the latest recorded for
 * a quarter stands.
 */
export const assessments = sqliteTable(
  'assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    /** `2024-Q2`. */
    quarter: text('quarter').notNull(),
    verdict: integer('verdict').notNull(),
    confidence: text('confidence', { enum: CONFIDENCES }).notNull(),
    rationale: text('rationale').notNull(),
    /** JSON array of URLs. */
    links: text('links').notNull().default('[]'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    index('assessments_commitment_idx').on(t.commitmentId, t.quarter, t.id),
    index('assessments_quarter_idx').on(t.quarter, t.commitmentId, t.id),
    check('assessments_verdict_check', sql`${t.verdict} in (-1, 0, 1)`),
    check('assessments_confidence_check', inList('confidence', CONFIDENCES)),
    check('assessments_rationale_check', sql`length(${t.rationale}) between 1 and 2000`),
  ],
);
export type Assessment = typeof assessments.$inferSelect;

/**
 * The digest e-mail's log: one row per attempt (sent, written to a folder, or failed with the
 * error). An official whose week has no sent or written row is tried again on the next run.
 */
export const digestSends = sqliteTable(
  'digest_sends',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The Monday of the digest's week (ISO date, app time zone). */
    week: text('week').notNull(),
    status: text('status', { enum: ['sent', 'failed', 'written'] }).notNull(),
    items: integer('items').notNull(),
    /** The SMTP message id, or the .eml file written. */
    messageId: text('message_id'),
    error: text('error'),
    at: text('at').notNull(),
  },
  (t) => [index('digest_sends_user_week_idx').on(t.userId, t.week, t.status)],
);

/**
 * The data version: one counter that every write transaction on the tables the read model reads
 * increments (triggers installed by db/data-version.ts; `db:rebuild-derived` and `db:restore` bump
 * it themselves). The read cache (lib/read-model/) keys every answer by it, so an answer computed
 * before a write is never served after it.
 */
export const dataVersion = sqliteTable(
  'data_version',
  {
    id: integer('id').primaryKey(),
    n: integer('n').notNull().default(0),
  },
  (t) => [check('data_version_single_row', sql`${t.id} = 1`)],
);
