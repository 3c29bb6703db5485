import { SESSION_COOKIE } from '@/lib/auth/constants';
import { SORT_KEYS, PAGE_SIZES } from '@/lib/commitments/filters';
import { BASES, DUE_BASES, PARTNER_ROLES, STATUSES, TARGET_BASES } from '@/lib/commitments/vocabulary';
import { CONTENT_TYPES, REPORT_FORMATS } from '@/lib/reports/types';
import { DASHBOARD_SCHEMAS } from './openapi-dashboard';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
/** The writes' answer to a full disk (a read that refreshes the session's last-seen time may get it too). */
const STORAGE_FULL = error('`storage_full`: the disk holding the database is full; the write was rolled back and nothing was saved. Retry once space has been freed');
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ in: 'query', name, description, schema });

const REPORT_PARAMETERS = [
  { ...query('quarter', 'Quarter as YYYY-Qn, e.g. 2024-Q2 (Q2 2024): not after the current one', { type: 'string', pattern: '^\\d{4}-Q[1-4]$' }), required: true },
  query('lang', 'Language of the report', { type: 'string', enum: ['ko', 'en'], default: 'en' }),
  query('dialogue', 'Dialogue code'),
  query('area', 'Area code'),
  query('agency', 'Agency code, as lead agency or partner agency'),
  query('country', 'Lead agency’s country (ISO 3166-1 alpha-2, e.g. KR, US)'),
];
const REPORT_CONTENT = Object.fromEntries(Object.values(CONTENT_TYPES).map((type) => [type.split(';')[0], {}]));

/** The JSON API, described for scripts and other systems; served at /api/v1/openapi.json. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Commitment Monitor API',
    version: '1.0.0',
    description:
      'Every endpoint needs a session cookie: GET /api/auth/csrf, then POST /api/auth/callback/credentials (form fields csrfToken, email, password) with a cookie jar. '
      + 'Dates, in requests and responses, are YYYY-MM-DD (e.g. 2024-06-30), whatever the language of the screens (the Korean screens show 2024. 6. 30.); '
      + 'quarters are YYYY-Qn (2024-Q2 is Q2 2024); recorded times are ISO 8601 date-times in UTC. '
      + 'Words follow the product’s glossary: a commitment has a lead agency and partner agencies (co-lead, counterpart, participant), a due period (or is ongoing), an implementation status and progress; '
      + 'an update has an effective date, a note and evidence; an analyst records an assessment; a quarterly report is issued.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
    schemas: {
      ...DASHBOARD_SCHEMAS,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', enum: ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'unsupported_media_type', 'validation_failed', 'storage_full', 'internal_error'] },
              message: { type: 'string' },
              fieldErrors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
              current: { $ref: '#/components/schemas/CommitmentState' },
            },
          },
        },
      },
      Status: { type: 'string', enum: [...STATUSES] },
      CommitmentState: {
        type: 'object',
        properties: { code: { type: 'string' }, status: { $ref: '#/components/schemas/Status' }, progress: { type: 'integer' }, version: { type: 'integer' }, updatedAt: { type: 'string', format: 'date-time' } },
      },
      Reason: {
        type: ['object', 'null'],
        description: 'Why the assignment was inferred, in both languages (kept once it is confirmed); null otherwise',
        required: ['ko', 'en'],
        properties: { ko: { type: 'string' }, en: { type: 'string' } },
      },
      Confirmation: {
        type: ['object', 'null'],
        description: 'Who at the agency confirmed the assignment, on which date (`on`: YYYY-MM-DD), and the evidence; null unless confirmed',
        required: ['by', 'on', 'evidenceUrl'],
        properties: { by: { type: 'string' }, on: { type: 'string', format: 'date' }, evidenceUrl: { type: ['string', 'null'], format: 'uri' } },
      },
      Assignment: {
        type: 'object',
        description:
          'The lead agency or a partner agency of a commitment, with the basis of the assignment: `stated` (the source names it; `words` are the words of the source excerpt that name it), `inferred` (`reason` says why) or `confirmed` (an administrator recorded the agency’s own confirmation)',
        required: ['code', 'nameKo', 'shortNameKo', 'nameEn', 'country', 'basis', 'words', 'reason', 'confirmation'],
        properties: {
          code: { type: 'string' },
          nameKo: { type: 'string' },
          shortNameKo: { type: ['string', 'null'], description: 'The Korean short name shown on Korean screens (e.g. 과기정통부); null when the Korean name is already short' },
          nameEn: { type: 'string' },
          country: { type: 'string' },
          basis: { type: 'string', enum: [...BASES] },
          words: { type: ['string', 'null'] },
          reason: { $ref: '#/components/schemas/Reason' },
          confirmation: { $ref: '#/components/schemas/Confirmation' },
        },
      },
      Partner: {
        allOf: [{ $ref: '#/components/schemas/Assignment' }, { type: 'object', required: ['role'], properties: { role: { type: 'string', enum: [...PARTNER_ROLES], description: '`co_lead` (co-lead), `counterpart` or `participant`' } } }],
      },
      DueBasis: {
        type: 'object',
        description: 'Where the due period comes from: `stated` (`words`: the source’s phrase, e.g. 내년 초 for early-2024), `inferred` (`reason`), or `not_stated` (the source gives no time: the commitment is ongoing)',
        required: ['basis', 'words', 'reason'],
        properties: { basis: { type: 'string', enum: [...DUE_BASES] }, words: { type: ['string', 'null'] }, reason: { $ref: '#/components/schemas/Reason' } },
      },
      TargetBasis: {
        type: ['object', 'null'],
        description: 'Where the target comes from, as for the due period; null when the commitment has no target',
        required: ['basis', 'words', 'reason'],
        properties: { basis: { type: 'string', enum: [...TARGET_BASES] }, words: { type: ['string', 'null'] }, reason: { $ref: '#/components/schemas/Reason' } },
      },
      CommitmentListItem: {
        type: 'object',
        description: 'A commitment as it stood at the end of `asOf` (its implementation status and progress then); bases are as recorded now',
        properties: {
          code: { type: 'string' },
          titleKo: { type: 'string' },
          titleEn: { type: 'string' },
          dueSpec: { type: 'string', description: 'The due period, e.g. 2024, 2024-Q2, early-2024, or `ongoing`' },
          dueEnd: { type: ['string', 'null'], format: 'date', description: 'The due period’s last day (YYYY-MM-DD); null when ongoing' },
          status: { $ref: '#/components/schemas/Status' },
          progress: { type: 'integer', description: 'Progress (%), 0 to 100' },
          overdue: { type: 'boolean', description: 'Overdue: the due period has ended and the commitment is neither completed nor discontinued' },
          synthetic: { type: ['boolean', 'null'], description: 'True for invented demo data (a synthetic dialogue); null when the commitment was renamed while the page was read' },
          lead: { $ref: '#/components/schemas/Assignment' },
          partners: { type: 'array', items: { $ref: '#/components/schemas/Partner' } },
          inferredAssignments: { type: 'integer', description: 'How many of its assignments (lead agency and partner agencies) are inferred' },
          dueBasis: { $ref: '#/components/schemas/DueBasis' },
          targetBasis: { $ref: '#/components/schemas/TargetBasis' },
        },
      },
      Commitment: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          titleKo: { type: 'string' },
          titleEn: { type: 'string' },
          sourceExcerpt: { type: 'string', description: 'The source’s words: every stated basis quotes them' },
          dueSpec: { type: 'string', description: 'The due period, e.g. 2024, 2024-Q2, early-2024, or `ongoing`' },
          targetKo: { type: ['string', 'null'] },
          targetEn: { type: ['string', 'null'] },
          status: { $ref: '#/components/schemas/Status' },
          progress: { type: 'integer' },
          version: { type: 'integer' },
          dialogue: { type: 'object', description: 'The dialogue’s fields; `synthetic: true` marks invented demo data (the sample dialogue of `npm run demo`)' },
          area: { type: 'object' },
          lead: { $ref: '#/components/schemas/Assignment' },
          partners: { type: 'array', items: { $ref: '#/components/schemas/Partner' } },
          dueBasis: { $ref: '#/components/schemas/DueBasis' },
          targetBasis: { $ref: '#/components/schemas/TargetBasis' },
          history: { type: 'array', description: 'The history: every update recorded, with its effective date, note and evidence', items: { type: 'object' } },
        },
      },
      StatusUpdate: {
        type: 'object',
        required: ['status', 'progress', 'effectiveDate', 'version'],
        properties: {
          status: { $ref: '#/components/schemas/Status' },
          progress: { type: 'integer', minimum: 0, maximum: 100, description: 'Progress (%); `completed` requires 100' },
          note: { type: 'string', maxLength: 5000, description: 'The note; required when the status changes to `at_risk`, `delayed` or `discontinued`' },
          evidenceUrl: { type: ['string', 'null'], format: 'uri', description: 'Evidence: a link (http or https only)' },
          effectiveDate: { type: 'string', format: 'date', description: 'Effective date (YYYY-MM-DD): not in the future, not before the dialogue' },
          version: { type: 'integer', minimum: 1, description: 'The version you read; a stale one gets 409' },
        },
      },
    },
  },
  security: [{ session: [] }],
  paths: {
    '/api/health': {
      get: {
        summary: 'Health, without a session: schema version and a database round trip',
        security: [],
        responses: { 200: { description: '`{ status: "ok", schemaVersion, databaseMs }`' }, 503: { description: '`{ status: "unavailable" }`: the database cannot be read' } },
      },
    },
    '/api/metrics': {
      get: {
        summary: 'Administrators: the read cache (hits, misses, hit rate, entries, bytes, data version), the read workers (busy, queued, replaced) and the server’s memory (resident now and at its peak)',
        responses: { 200: { description: '`{ readModel: { cache, workers }, process: { rssBytes, peakRssBytes, heapUsedBytes, uptimeSeconds } }`' }, 401: error('Signed out'), 403: error('Not an administrator') },
      },
    },
    '/api/v1/openapi.json': { get: { summary: 'This document', security: [], responses: { 200: { description: 'The OpenAPI 3.1 description of the API' } } } },
    '/api/v1/me': { get: { summary: 'The signed-in user', responses: { 200: { description: '{ id, email, role, agency }: role is `admin` (administrator), `official` or `analyst`; agency is the code of my agency (officials) or null' }, 401: error('Signed out') } } },
    '/api/v1/commitments': {
      get: {
        summary: 'Commitments matching the filters, one page at a time',
        parameters: [
          query('dialogue', 'Dialogue code'),
          query('area', 'Area code'),
          query('agency', 'Agency code, as lead agency or partner agency'),
          query('country', 'Lead agency’s country (ISO 3166-1 alpha-2, e.g. KR, US)'),
          query('status', 'Implementation status; repeat or comma-separate for several', { type: 'array', items: { $ref: '#/components/schemas/Status' } }),
          query('due', 'Falls due in a year (2024) or a quarter (2024-Q1)'),
          query('overdue', 'Only overdue commitments', { type: 'boolean' }),
          query('archived', 'Include archived commitments', { type: 'boolean' }),
          query('inferred', 'Only commitments with at least one inferred assignment, lead agency or partner agency (a confirmed one is no longer inferred): 1 or true', { type: 'boolean' }),
          query('confirmation', 'Claims as of the list’s date: awaiting confirmation by the other side (`pending`), awaiting it for over 30 days (`pending_overdue`), or sides disagree (`disputed`)', { type: 'string', enum: ['pending', 'pending_overdue', 'disputed'] }),
          query('verdict', 'Analysts’ assessment for the quarter of the list’s date: 1 (complied), 0 (partly), -1 (not complied), or `none` (not assessed this quarter)', { type: 'string', enum: ['1', '0', '-1', 'none'] }),
          query('q', 'Text in the code or in either title (Korean or English)'),
          query('sort', 'Sort key', { type: 'string', enum: [...SORT_KEYS] }),
          query('dir', 'Sort direction', { type: 'string', enum: ['asc', 'desc'] }),
          query('page', 'Page number from 1', { type: 'integer', minimum: 1 }),
          query('pageSize', 'Page size', { type: 'integer', enum: [...PAGE_SIZES] }),
        ],
        responses: {
          200: {
            description: '{ asOf, past, items, total, page, pageSize }: asOf is the list’s date (YYYY-MM-DD)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    asOf: { type: 'string', format: 'date' },
                    past: { type: 'boolean' },
                    items: { type: 'array', items: { $ref: '#/components/schemas/CommitmentListItem' } },
                    total: { type: 'integer' },
                    page: { type: 'integer' },
                    pageSize: { type: 'integer' },
                  },
                },
              },
            },
          },
          401: error('Signed out'),
          422: error('Invalid filter'),
        },
      },
    },
    '/api/v1/commitments/{code}': {
      get: {
        summary: 'One commitment with its partner agencies, its history, the claim awaiting confirmation and each side’s latest update, and its assessments',
        parameters: [{ in: 'path', name: 'code', required: true, schema: { type: 'string' } }, query('asOf', 'Also return the implementation status as of this date (YYYY-MM-DD, from 1900-01-01; 422 otherwise)', { type: 'string', format: 'date' })],
        responses: {
          200: { description: 'The commitment, its lead agency and partner agencies with the basis of each, and its history', content: { 'application/json': { schema: { $ref: '#/components/schemas/Commitment' } } } },
          401: error('Signed out'),
          404: error('Unknown code'),
          422: error('Invalid asOf'),
        },
      },
    },
    '/api/v1/commitments/{code}/updates': {
      post: {
        summary: 'Record an update: implementation status, progress, effective date, note and evidence',
        parameters: [{ in: 'path', name: 'code', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/StatusUpdate' } } } },
        responses: {
          201: { description: 'The new state', content: { 'application/json': { schema: { $ref: '#/components/schemas/CommitmentState' } } } },
          400: error('Malformed JSON'),
          401: error('Signed out'),
          403: error('Not an official of the lead agency or a partner agency, nor an administrator; or a cross-site request (Origin or Sec-Fetch-Site)'),
          404: error('Unknown code'),
          409: error('Version conflict (`current` holds the state now), or the commitment is archived (read-only until an administrator restores it)'),
          415: error('The body is not application/json'),
          422: error('Invalid values; `fieldErrors` says which'),
          503: STORAGE_FULL,
        },
      },
    },
    '/api/v1/commitments/{code}/confirmations': {
      post: {
        summary: 'Confirm or dispute the claim awaiting confirmation (an update to completed or discontinued, awaiting the other country’s side)',
        parameters: [{ in: 'path', name: 'code', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['decision', 'updateId', 'version'],
                properties: {
                  decision: { type: 'string', enum: ['confirm', 'dispute'] },
                  note: { type: 'string', maxLength: 5000, description: 'The note; required for a dispute' },
                  evidenceUrl: { type: 'string', format: 'uri', description: 'Evidence: a link (http or https only)' },
                  updateId: { type: 'integer', description: 'The claim: the id of the update awaiting confirmation (the latest update)' },
                  effectiveDate: { type: 'string', format: 'date', description: 'Effective date (YYYY-MM-DD): on or after the claim’s effective date, not in the future; default today' },
                  version: { type: 'integer', description: 'The commitment’s version as read' },
                },
              },
            },
          },
        },
        responses: {
          201: { description: '{ id, code, decision, updateId, side, effectiveDate, version }' },
          400: error('Malformed JSON'),
          401: error('Signed out'),
          403: error('No claim awaiting confirmation, or not an official of a lead agency or partner agency on the side the claim awaits (administrators may answer for it); or a cross-site request'),
          404: error('Unknown code'),
          409: error('Version conflict, the claim was superseded by a newer update (`claim.superseded`), or the commitment is archived'),
          415: error('The body is not application/json'),
          422: error('Invalid values (a dispute without a note, a date before the claim or in the future); `fieldErrors` says which'),
          503: STORAGE_FULL,
        },
      },
    },
    '/api/v1/commitments/{code}/assessments': {
      post: {
        summary: 'Record an analyst’s assessment for a quarter (G7 compliance scale); a revision is a new entry',
        parameters: [{ in: 'path', name: 'code', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['quarter', 'verdict', 'confidence', 'rationale'],
                properties: {
                  quarter: { type: 'string', example: '2024-Q2', description: 'Quarter as YYYY-Qn (2024-Q2 is Q2 2024)' },
                  verdict: { type: 'integer', enum: [1, 0, -1], description: '+1 complied, 0 partly complied, -1 not complied' },
                  confidence: { type: 'string', enum: ['high', 'medium', 'low'] },
                  rationale: { type: 'string', minLength: 1, maxLength: 2000 },
                  links: { type: 'array', maxItems: 10, items: { type: 'string', format: 'uri' } },
                  revises: { type: 'integer', nullable: true, description: 'The quarter’s latest assessment id when revising it (409 if another was recorded since)' },
                },
              },
            },
          },
        },
        responses: {
          201: { description: '{ id, code, quarter, verdict, confidence, rationale, links, recordedAt, revises }' },
          400: error('Malformed JSON'),
          401: error('Signed out'),
          403: error('Not an analyst or administrator; or a cross-site request'),
          404: error('Unknown code'),
          409: error('Another assessment for the quarter was recorded since (`assessment.conflict`), or the commitment is archived'),
          415: error('The body is not application/json'),
          422: error('Invalid values; `fieldErrors` says which'),
          503: STORAGE_FULL,
        },
      },
    },
    '/api/v1/dashboard': {
      get: {
        summary: 'Every dashboard figure as of a date, with each figure’s drill-down link',
        parameters: [
          query('dialogue', 'Dialogue code'),
          query('area', 'Area code'),
          query('agency', 'Agency code, as lead agency or partner agency'),
          query('country', 'Lead agency’s country (ISO 3166-1 alpha-2, e.g. KR, US)'),
          query('asOf', 'As-of date (YYYY-MM-DD), from 1900-01-01 to today (default today; 422 otherwise)', { type: 'string', format: 'date' }),
        ],
        responses: {
          200: { description: 'The as-of view', content: { 'application/json': { schema: { $ref: '#/components/schemas/DashboardView' } } } },
          401: error('Signed out'),
          422: error('Invalid filter (an unknown code is no error: it matches nothing) or a future date; `fieldErrors` names the field'),
        },
      },
    },
    '/api/v1/reports/quarterly': {
      get: {
        summary: 'The quarterly report, generated now, as of the quarter end (the quarter’s last day)',
        parameters: [...REPORT_PARAMETERS, query('format', 'File format', { type: 'string', enum: [...REPORT_FORMATS], default: 'json' })],
        responses: {
          200: { description: 'The report; `Content-Disposition` names the file, e.g. commitments-2024-Q2-en.xlsx', content: REPORT_CONTENT },
          401: error('Signed out'),
          422: error('Malformed or future quarter, unknown filter value, format or language; `fieldErrors` names the field'),
        },
      },
    },
    '/api/v1/reports': {
      get: { summary: 'The issued quarterly reports, newest first, with each file’s SHA-256', responses: { 200: { description: '{ items }' }, 401: error('Signed out') } },
      post: {
        summary: 'Issue a quarterly report: its files are frozen; later downloads give the same bytes (analysts and administrators)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['quarter'], properties: { quarter: { type: 'string', example: '2024-Q2', description: 'Quarter as YYYY-Qn (2024-Q2 is Q2 2024)' }, lang: { type: 'string', enum: ['ko', 'en'] }, dialogue: { type: 'string' }, area: { type: 'string' }, agency: { type: 'string' }, country: { type: 'string' } } },
            },
          },
        },
        responses: { 201: { description: '{ id, params, issuedAt, lastUpdateId, files: [{ format, fileName, sha256, bytes }] }' }, 400: error('Malformed JSON'), 401: error('Signed out'), 403: error('Not an analyst or administrator; or a cross-site request (Origin or Sec-Fetch-Site)'), 415: error('The body is not application/json'), 422: error('Invalid parameters'), 503: STORAGE_FULL },
      },
    },
    '/api/v1/reports/{id}': {
      get: {
        summary: 'An issued report’s frozen file, byte for byte',
        parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }, query('format', 'File format', { type: 'string', enum: [...REPORT_FORMATS], default: 'json' })],
        responses: { 200: { description: 'The file; `X-Content-SHA256` is its hash', content: REPORT_CONTENT }, 401: error('Signed out'), 404: error('Unknown id'), 422: error('Unknown format') },
      },
    },
    '/api/v1/reports/{id}/revisions': {
      get: {
        summary: 'Updates recorded after the report was issued that change it, and how each figure and row changed',
        parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }],
        responses: { 200: { description: '{ report, revisions: { entries, figures, rows } }' }, 401: error('Signed out'), 404: error('Unknown id') },
      },
    },
  },
} as const;
