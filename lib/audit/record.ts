import type { AgencyNames } from '@/lib/agencies/short-name';
import type { Db } from '@/db/client';
import type { Role } from '@/lib/auth/roles';
import { appendChained } from './chain';

/** Who acted and from where; threaded from the request into every service call. */
export interface Actor {
  id: number;
  email: string;
  /** Display names (users.name, users.name_ko); set for signed-in users, absent in bare fixtures. */
  name?: string;
  nameKo?: string | null;
  role: Role;
  agencyId: number | null;
  agencyCode: string | null;
  /** The agency's names, for display (set for signed-in users, absent in bare fixtures). */
  agency?: AgencyNames | null;
  active: boolean;
  mustChangePassword: boolean;
}

export interface RequestContext {
  /** Client address (and channel) the request came from, for the audit trail. */
  origin: string;
}

type Tx = Pick<Db, 'get' | 'run'>;

export interface AuditInput {
  actor: Pick<Actor, 'id' | 'email'> | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
  origin?: string | null;
  /** Email typed at a failed sign-in, when there is no actor. */
  actorEmail?: string;
}

/** A JSON column's stored text, or NULL. */
const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one audit event to the hash chain (lib/audit/chain.ts); call it inside the transaction
 * of the change it records. Returns the event's id.
 */
export function recordAudit(tx: Tx, e: AuditInput): number {
  return appendChained(tx, 'audit_events', {
    at: new Date().toISOString(),
    actor_id: e.actor?.id ?? null,
    actor_email: e.actor?.email ?? e.actorEmail ?? null,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId == null ? null : String(e.targetId),
    before: json(e.before),
    after: json(e.after),
    origin: e.origin ?? null,
  }).id;
}
