import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@/db/seed/demo-users';
import type { Status } from '@/lib/commitments/vocabulary';
import { parseDuePeriod } from '@/lib/periods/due-period';
import { rebuildDerived } from '@/lib/as-of/maintenance';
import { chainHash, GENESIS_HASH } from '@/lib/audit/chain';
import { seededRandom } from '@/lib/random';

/**
 * Fills a fresh database with a realistic synthetic corpus on top of the real seed:
 *   seed — the real dialogue only;  M — 100 dialogues, 10,000 commitments, 200,000 updates;
 *   L — 1,000 dialogues, 100,000 commitments, 1,000,000 updates.
 * Histories move forward mostly, with some back-dated entries. Only source rows are written here;
 * every derived table and column (state changes in world order, current status, rollups) comes
 * from rebuildDerived, the same code the projector and `npm run db:verify` use, so a generated
 * corpus passes db:verify by construction.
 *   npm run data:generate -- --size M --out data/bench-M.db
 */
export const SIZES = {
  seed: { dialogues: 0, commitments: 0, updates: 0 },
  M: { dialogues: 100, commitments: 10_000, updates: 200_000 },
  L: { dialogues: 1_000, commitments: 100_000, updates: 1_000_000 },
} as const;
export type Size = keyof typeof SIZES;

/** Deterministic (lib/random.ts) so every run builds the same corpus. */
const rng = seededRandom;

const DAY = 86_400_000;
const SYNTHETIC = `'측정용 합성 데이터', 'Synthetic data for measurement'`;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function generate(size: Size, out: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(out + suffix, { force: true });
  const db = openDatabase(out);
  migrateDatabase(db);
  seedReferenceData(db);
  await seedDemoUsers(db, process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
  const spec = SIZES[size];
  if (spec.dialogues === 0) {
    db.$client.close();
    return;
  }

  const sqlite = db.$client;
  sqlite.pragma('synchronous = OFF');
  const random = rng(20231209);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const agencyIds = (sqlite.prepare('select id from agencies').all() as { id: number }[]).map((r) => r.id);
  const areaIds = (sqlite.prepare('select id from areas').all() as { id: number }[]).map((r) => r.id);
  const authorId = (sqlite.prepare("select id from users where email = 'admin@demo.example'").get() as { id: number }).id;
  const today = Date.now();
  const start = Date.parse('2015-01-01T00:00:00Z');

  const insertDialogue = sqlite.prepare(
    "insert into dialogues (code, name_ko, name_en, held_on, place_ko, place_en) values (?, ?, ?, ?, '서울', 'Seoul') returning id",
  );
  const insertCommitment = sqlite.prepare(`insert into commitments
    (code, dialogue_id, area_id, title_ko, title_en, description_ko, description_en, lead_agency_id, due_spec, due_precision, due_start, due_end, status, progress, version, updated_at,
     lead_basis, lead_basis_reason_ko, lead_basis_reason_en, due_basis, due_basis_reason_ko, due_basis_reason_en)
    values (?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'inferred', ${SYNTHETIC}, ?, ?, ?) returning id`);
  // No source stands behind synthetic assignments and due periods: each says so (lib/commitments/basis.ts).
  const insertPartner = sqlite.prepare(`insert or ignore into commitment_partners (commitment_id, agency_id, role, basis, basis_reason_ko, basis_reason_en) values (?, ?, ?, 'inferred', ${SYNTHETIC})`);
  // The history is a hash chain (lib/audit/chain.ts): each row is numbered and hashed here.
  const insertUpdate = sqlite.prepare(`insert into status_updates
    (id, commitment_id, author_id, previous_status, new_status, previous_progress, new_progress, note, evidence_url, effective_date, recorded_at, prev_hash, hash)
    values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)`);
  const head = sqlite.prepare('select id, hash from status_updates order by id desc limit 1').get() as { id: number; hash: string } | undefined;
  let chain = { id: head?.id ?? 0, hash: head?.hash ?? GENESIS_HASH };
  const appendUpdate = (...values: [number, number, Status, Status, number, number, string, string, string]) => {
    const [commitmentId, author, fromStatus, toStatus, fromProgress, toProgress, note, effective, recorded] = values;
    const id = chain.id + 1;
    const hash = chainHash(chain.hash, [id, commitmentId, author, fromStatus, toStatus, fromProgress, toProgress, note, null, effective, recorded]);
    insertUpdate.run(id, ...values, chain.hash, hash);
    chain = { id, hash };
  };

  const perDialogue = spec.commitments / spec.dialogues;
  const perCommitment = spec.updates / spec.commitments;
  const dueSpecs = (year: number) => [`${year}`, `${year}-H1`, `${year}-H2`, `${year}-Q${1 + Math.floor(random() * 4)}`, `early-${year}`, `late-${year}`, 'ongoing'];

  sqlite.transaction(() => {
    for (let d = 0; d < spec.dialogues; d++) {
      const held = start + Math.floor(random() * (today - start - 120 * DAY));
      const dialogueId = (insertDialogue.get(`SYN-${String(d + 1).padStart(4, '0')}`, `합성 대화 ${d + 1}`, `Synthetic dialogue ${d + 1}`, iso(held)) as { id: number }).id;
      for (let c = 0; c < perDialogue; c++) {
        const due = parseDuePeriod(pick(dueSpecs(new Date(held).getUTCFullYear() + Math.floor(random() * 3))));
        // A history in world order: effective dates after the dialogue, never in the future.
        const n = Math.max(0, Math.round(perCommitment * (0.5 + random())));
        let status: Status = 'not_started';
        let progress = 0;
        const entries: { status: Status; progress: number; effective: number }[] = [];
        // Effective dates spread over the commitment's life so far (no pile-up on the last day).
        const span = today - DAY - held;
        const when = Array.from({ length: n }, () => held + Math.floor(random() * span)).sort((a, b) => a - b);
        for (let i = 0; i < n; i++) {
          const t = when[i]!;
          progress = Math.min(99, progress + Math.floor((random() * 190) / n));
          const r = random();
          status = r < 0.1 ? 'delayed' : r < 0.22 ? 'at_risk' : 'in_progress';
          if (i === n - 1 && r > 0.6) status = r > 0.95 ? 'discontinued' : 'completed';
          if (status === 'completed') progress = 100;
          entries.push({ status, progress, effective: t });
        }
        const last = entries.at(-1);
        const commitmentId = (
          insertCommitment.get(
            `SYN${d + 1}-${c + 1}`,
            dialogueId,
            pick(areaIds),
            `합성 합의 ${d + 1}-${c + 1}`,
            `Synthetic commitment ${d + 1}-${c + 1}`,
            pick(agencyIds),
            due.spec,
            due.precision,
            due.start,
            due.end,
            last?.status ?? 'not_started',
            last?.progress ?? 0,
            1 + entries.length,
            new Date(last ? last.effective : held).toISOString(),
            ...(due.spec === 'ongoing' ? ['not_stated', null, null] : ['inferred', '측정용 합성 데이터', 'Synthetic data for measurement']),
          ) as { id: number }
        ).id;
        for (let p = 0, k = 1 + Math.floor(random() * 3); p < k; p++) insertPartner.run(commitmentId, pick(agencyIds), pick(['co_lead', 'counterpart', 'participant']));
        // Record in a slightly shuffled order (some entries back-dated). World order is effective
        // date, then recording order, whatever time of day an entry was drawn at.
        const recordOrder = entries.map((e, i) => ({ ...e, i })).sort((a, b) => a.i + (random() < 0.05 ? 2 : 0) - (b.i + (random() < 0.05 ? 2 : 0)));
        let before = { status: 'not_started' as Status, progress: 0 };
        for (const e of recordOrder) {
          appendUpdate(commitmentId, authorId, before.status, e.status, before.progress, e.progress, 'synthetic', iso(e.effective), new Date(e.effective + DAY).toISOString());
          before = { status: e.status, progress: e.progress };
        }
      }
    }
  })();
  rebuildDerived(db);
  sqlite.pragma('synchronous = FULL');
  db.$client.close();
}

async function main() {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'M' }, out: { type: 'string' } } });
  const size = values.size as Size;
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const out = values.out ?? `data/bench-${size}.db`;
  const t0 = performance.now();
  await generate(size, out);
  const counts = openDatabase(out).$client.prepare('select (select count(*) from dialogues) d, (select count(*) from commitments) c, (select count(*) from status_updates) u').get();
  console.log(`Generated ${size} in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`, counts, `${(fs.statSync(out).size / 1e6).toFixed(1)} MB`);
}

if (process.argv[1]?.endsWith('generate-data.ts')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
