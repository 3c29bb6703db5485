import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import {
  agencies,
  areas,
  commitmentPartners,
  commitments,
  dialogueParticipants,
  dialogues,
} from '../schema';
import { projectCreated } from '@/lib/as-of/projector';
import { recordAudit } from '@/lib/audit/record';
import { basisColumns, basisProblems, dueBasisColumns, leadBasisColumns, targetBasisColumns } from '@/lib/commitments/basis';
import { parseDuePeriod } from '@/lib/periods/due-period';
import type { SeedDialogue } from './types';

export interface ImportCounts {
  agencies: number;
  areas: number;
  dialogues: number;
  commitments: number;
}

/**
 * Imports one dialogue's reference data and commitments. Insert-only: rows that already
 * exist (matched by code) are left exactly as they are, so re-running changes nothing and
 * never overwrites edits or progress recorded since.
 */
export function importDialogue(db: Db, data: SeedDialogue): ImportCounts {
  return db.transaction((tx) => {
    const counts: ImportCounts = { agencies: 0, areas: 0, dialogues: 0, commitments: 0 };

    for (const a of data.agencies) {
      counts.agencies += tx.insert(agencies).values(a).onConflictDoNothing().run().changes;
    }
    for (const a of data.areas) {
      counts.areas += tx.insert(areas).values(a).onConflictDoNothing().run().changes;
    }
    const { agencies: _a, areas: _r, commitments: _c, participantAgencyCodes, ...dialogue } = data;
    counts.dialogues += tx.insert(dialogues).values(dialogue).onConflictDoNothing().run().changes;

    const agencyId = idLookup(tx.select({ id: agencies.id, code: agencies.code }).from(agencies).all());
    const areaId = idLookup(tx.select({ id: areas.id, code: areas.code }).from(areas).all());
    const dialogueRow = tx.select({ id: dialogues.id }).from(dialogues).where(eq(dialogues.code, data.code)).get();
    if (!dialogueRow) throw new Error(`Dialogue ${data.code} missing after insert`);

    for (const code of participantAgencyCodes) {
      tx.insert(dialogueParticipants)
        .values({ dialogueId: dialogueRow.id, agencyId: agencyId(code) })
        .onConflictDoNothing()
        .run();
    }

    const created: number[] = [];
    for (const c of data.commitments) {
      const due = parseDuePeriod(c.due);
      // Shipped data claims nothing its source does not say: every basis is checked before it is stored.
      const problems = basisProblems({ sourceExcerpt: c.sourceExcerpt, dueSpec: due.spec, hasTarget: c.targetKo !== null || c.targetEn !== null, lead: c.leadBasis, partners: c.partners, due: c.dueBasis, target: c.targetBasis });
      if (Object.keys(problems).length) throw new Error(`Seed data for ${c.code} has unsupported bases: ${JSON.stringify(problems)}`);
      const inserted = tx
        .insert(commitments)
        .values({
          code: c.code,
          dialogueId: dialogueRow.id,
          areaId: areaId(c.areaCode),
          titleKo: c.titleKo,
          titleEn: c.titleEn,
          descriptionKo: c.descriptionKo,
          descriptionEn: c.descriptionEn,
          leadAgencyId: agencyId(c.leadAgencyCode),
          dueSpec: due.spec,
          duePrecision: due.precision,
          dueStart: due.start,
          dueEnd: due.end,
          targetKo: c.targetKo,
          targetEn: c.targetEn,
          sourceExcerpt: c.sourceExcerpt,
          ...leadBasisColumns(c.leadBasis),
          ...dueBasisColumns(c.dueBasis),
          ...targetBasisColumns(c.targetBasis),
        })
        .onConflictDoNothing()
        .returning({ id: commitments.id })
        .get();
      if (!inserted) continue;
      counts.commitments += 1;
      created.push(inserted.id);
      for (const p of c.partners) {
        tx.insert(commitmentPartners)
          .values({ commitmentId: inserted.id, agencyId: agencyId(p.agencyCode), role: p.role, ...basisColumns(p.basis) })
          .run();
      }
    }

    // The read model derives the new commitments' adoption, history chain and rollups.
    if (created.length) projectCreated(tx, created);
    if (counts.agencies + counts.areas + counts.dialogues + counts.commitments > 0) {
      recordAudit(tx, { actor: null, action: 'dialogue.import', targetType: 'dialogue', targetId: data.code, after: counts, origin: 'seed' });
    }
    return counts;
  });
}

function idLookup(rows: { id: number; code: string }[]): (code: string) => number {
  const map = new Map(rows.map((r) => [r.code, r.id]));
  return (code) => {
    const id = map.get(code);
    if (id === undefined) throw new Error(`Unknown code in seed data: ${code}`);
    return id;
  };
}
