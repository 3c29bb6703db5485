import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../client';
import { agencies, commitments, dialogues, users } from '../../schema';
import type { Actor } from '@/lib/audit/record';
import { recordAssessment } from '@/lib/assessments/record';
import { decideClaim } from '@/lib/claims/decide';
import { openClaimOf } from '@/lib/claims/parties';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { dateInZone, todayIso } from '@/lib/periods/dates';
import { insertUser } from '@/lib/users/service';
import { importDialogue } from '../import-dialogue';
import { atInstant } from './clock';
import { buildSample, SAMPLE_AGENCIES, SAMPLE_DIALOGUE_CODE, SAMPLE_OFFICIALS } from './dialogue';
import { planSampleHistory, type SampleEvent } from './history';

export { SAMPLE_DIALOGUE_CODE, SAMPLE_OFFICIALS } from './dialogue';

export interface SampleCounts {
  users: number;
  commitments: number;
  updates: number;
  decisions: number;
  assessments: number;
}

const CTX = { origin: 'seed' };

/**
 * Demo mode only (`npm run db:seed -- --demo`): adds the synthetic sample dialogue (dialogue.ts)
 * with its officials and two years of history before `today`, recorded through the real services
 * so history, claims, audit trail and derived tables agree. Needs the demo analyst
 * (seedDemoUsers first). Idempotent: officials are added when missing, and the dialogue with its
 * history only when it is not there yet (all of it in one transaction).
 */
export async function seedSampleDialogue(db: Db, password: string, today: string = todayIso()): Promise<SampleCounts> {
  const counts: SampleCounts = { users: 0, commitments: 0, updates: 0, decisions: 0, assessments: 0 };
  db.insert(agencies).values([...SAMPLE_AGENCIES]).onConflictDoNothing().run();
  for (const o of SAMPLE_OFFICIALS) {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, o.email)).get()) continue;
    await insertUser(db, { email: o.email, name: o.name, nameKo: o.nameKo, role: 'official', agencyCode: o.agencyCode, password }, { mustChangePassword: false, actor: null, origin: 'seed' });
    counts.users += 1;
  }
  if (db.select({ id: dialogues.id }).from(dialogues).where(eq(dialogues.code, SAMPLE_DIALOGUE_CODE)).get()) return counts;

  const { dialogue, plans } = buildSample(today);
  const events = planSampleHistory(plans, today);
  const actors = sampleActors(db);
  // One transaction: the services' own transactions nest inside it, and a failure leaves no half sample.
  db.transaction(
    () => {
      counts.commitments = importDialogue(db, dialogue).commitments;
      for (const e of events) atInstant(e.at, () => record(db, e, actors));
    },
    { behavior: 'immediate' },
  );
  counts.updates = events.filter((e) => e.kind === 'update').length;
  counts.decisions = events.filter((e) => e.kind === 'decide').length;
  counts.assessments = events.filter((e) => e.kind === 'assess').length;
  return counts;
}

/** Records one planned entry through its service, on the day it is recorded. */
function record(db: Db, e: SampleEvent, actors: Map<string, Actor>): void {
  const day = dateInZone(new Date());
  const version = () => db.select({ version: commitments.version }).from(commitments).where(eq(commitments.code, e.code)).get()!.version;
  switch (e.kind) {
    case 'update': {
      const { status, progress, note, evidenceUrl, effectiveDate } = e;
      updateCommitmentStatus(db, actorOf(actors, e.by), e.code, { status, progress, note, evidenceUrl, effectiveDate, version: version() }, CTX, day);
      return;
    }
    case 'decide': {
      const id = db.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, e.code)).get()!.id;
      const claim = openClaimOf(db, id);
      if (!claim) throw new Error(`Sample history: ${e.code} has no open claim to answer`);
      const { decision, note, effectiveDate } = e;
      decideClaim(db, actorOf(actors, e.by), e.code, { decision, note, effectiveDate, updateId: claim.updateId, version: version() }, CTX, day);
      return;
    }
    case 'assess': {
      const { quarter, verdict, confidence, rationale } = e;
      recordAssessment(db, actorOf(actors, 'analyst'), e.code, { quarter, verdict, confidence, rationale, links: [], revises: null }, CTX, day);
      return;
    }
  }
}

/** The sample officials by agency code, and the demo analyst as `analyst`. */
function sampleActors(db: Db): Map<string, Actor> {
  const rows = db
    .select({ id: users.id, email: users.email, name: users.name, nameKo: users.nameKo, role: users.role, agencyId: users.agencyId, agencyCode: agencies.code, active: users.active, mustChangePassword: users.mustChangePassword })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(inArray(users.email, [...SAMPLE_OFFICIALS.map((o) => o.email), 'analyst@demo.example']))
    .all();
  return new Map(rows.map((r) => [r.role === 'analyst' ? 'analyst' : r.agencyCode!, r]));
}

function actorOf(actors: Map<string, Actor>, key: string): Actor {
  const actor = actors.get(key);
  if (!actor) throw new Error(`Sample history: no demo account for ${key} (run the demo accounts' seed first)`);
  return actor;
}
