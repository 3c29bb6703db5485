import { describe, expect, it } from 'vitest';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { verifyDerived } from './maintenance';
import { projectCreated } from './projector';

// What the mutation run found unpinned in projector.ts (npm run test:mutation, group as-of): the
// commitments' ids go into its scratch table in chunks of 500 (SQLite's parameter limit), and no
// test wrote more than 500 at once, or exactly 500, or none, or more than SQLite takes in one statement.
describe('the projector', () => {
  it('derives every commitment of a batch of none, exactly 500, or more than 500', () => {
    const db = useSeededTestDb();
    const columns = (db.$client.pragma('table_info(commitments)') as { name: string }[]).map((c) => c.name).filter((n) => n !== 'id' && n !== 'code');
    const copies = (n: number, prefix: string): number[] => {
      const insert = db.$client.prepare(`insert into commitments (code, ${columns.join(', ')}) select ?, ${columns.join(', ')} from commitments where code = 'CET23-AI-01' returning id`);
      return Array.from({ length: n }, (_, i) => (insert.get(`${prefix}-${i}`) as { id: number }).id);
    };
    let total = 19;
    for (const [n, prefix] of [[0, 'NONE'], [500, 'FIVE-HUNDRED'], [1201, 'MANY']] as const) {
      const ids = copies(n, prefix);
      db.transaction((tx) => projectCreated(tx, ids));
      total += n;
      expect(verifyDerived(db), `${n} created`).toEqual([]);
      const counted = db.$client.prepare('select sum(n) as n from commitment_tallies').get() as { n: number };
      expect(counted.n, `${n} created`).toBe(total);
    }
  });

  it('derives a batch larger than SQLite takes in one statement (32,766 parameters)', () => {
    const db = useSeededTestDb();
    const columns = (db.$client.pragma('table_info(commitments)') as { name: string }[]).map((c) => c.name).filter((n) => n !== 'id' && n !== 'code');
    db.$client.exec(`insert into commitments (code, ${columns.join(', ')})
      with recursive k(i) as (select 1 union all select i + 1 from k where i < 32800)
      select 'BULK-' || i, ${columns.map((c) => `c.${c}`).join(', ')} from k cross join commitments c where c.code = 'CET23-AI-01'`);
    const ids = (db.$client.prepare(`select id from commitments where code like 'BULK-%'`).all() as { id: number }[]).map((r) => r.id);
    expect(ids).toHaveLength(32_800);
    db.transaction((tx) => projectCreated(tx, ids));
    expect(db.$client.prepare('select sum(n) as n from commitment_tallies').get()).toEqual({ n: 19 + 32_800 });
  });
});
