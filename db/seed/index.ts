import type { Db } from '../client';
import { krUsCet2023 } from './data/kr-us-cet-2023';
import { importDialogue, type ImportCounts } from './import-dialogue';
import type { SeedDialogue } from './types';

/** Every dialogue whose commitments ship with the repository, oldest first. */
export const SEED_DIALOGUES: readonly SeedDialogue[] = [krUsCet2023];

/** Imports every shipped dialogue; idempotent. */
export function seedReferenceData(db: Db): ImportCounts[] {
  return SEED_DIALOGUES.map((d) => importDialogue(db, d));
}
