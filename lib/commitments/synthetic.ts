import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { commitments, dialogues } from '@/db/schema';
import { existsOn, scopeConditions } from '@/lib/as-of/scope';
import type { CommitmentFilter } from './filters';

/**
 * Whether the scope covers, on `asOf`, any commitment of a synthetic dialogue (the sample
 * `npm run demo` adds): a page whose figures include it says so.
 */
export function scopeIncludesSynthetic(scope: Partial<CommitmentFilter>, asOf: string, db: Db = getDb()): boolean {
  return anySynthetic(db, [...scopeConditions(scope), existsOn(asOf)]);
}

/** Whether any of these commitments (by code) belongs to a synthetic dialogue: a list page showing one says so. */
export function includesSyntheticCodes(codes: readonly string[], db: Db = getDb()): boolean {
  return codes.length > 0 && anySynthetic(db, [inArray(commitments.code, [...codes])]);
}

function anySynthetic(db: Db, where: ReturnType<typeof scopeConditions>): boolean {
  const row = db
    .select({ one: sql<number>`1` })
    .from(commitments)
    .innerJoin(dialogues, eq(dialogues.id, commitments.dialogueId))
    .where(and(eq(dialogues.synthetic, true), ...where))
    .limit(1)
    .get();
  return row !== undefined;
}
