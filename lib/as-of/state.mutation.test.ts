import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { tempTableNames, useSeededTestDb } from '@/lib/testing/test-db';
import { END_OF_TIME, fillOrDrop, prepareStateTable, scratchTable } from './state';

// What the mutation run found unpinned in state.ts (npm run test:mutation, group as-of): the date
// check on names spliced into SQL, the clean-up of scratch tables, and the narrow pass.
let db: Db;
const tempTables = () => tempTableNames(db).filter((n) => /^(state_at|broken)_/.test(n));

beforeEach(() => {
  db = useSeededTestDb();
});

describe('scratch tables of states at a date', () => {
  it('are named after a calendar date or the end of time, and nothing else reaches the SQL', () => {
    expect(() => scratchTable('state_at', '2024-02-30')).toThrow('Not an ISO date: 2024-02-30');
    expect(() => scratchTable('state_at', "2024-01-01; drop table commitments")).toThrow("Not an ISO date: 2024-01-01; drop table commitments");
    expect(() => scratchTable('state_at', END_OF_TIME)).not.toThrow();
    const a = prepareStateTable(db, END_OF_TIME, null);
    expect(tempTables()).toEqual(['state_at_99991231']);
    a.release();
  });

  it('are dropped on release, and when filling them fails', () => {
    const table = prepareStateTable(db, '2024-06-30', null);
    expect(tempTables()).toEqual(['state_at_20240630']);
    table.release();
    expect(tempTables()).toEqual([]);

    const broken = scratchTable('broken', '2024-06-30');
    db.run(sql`create table ${broken} (id integer)`);
    expect(() => fillOrDrop(db, broken, sql`insert into ${broken} (nope) values (1)`)).toThrow(/nope/);
    expect(tempTables()).toEqual([]);
  });

  it('hold only the commitments of a narrow scope when asked to', () => {
    const { record } = handMadeHistory(db, '2025-06-30');
    record('CET23-BIO-01', 'in_progress', 30, '2024-03-01');
    record('CET23-QNT-01', 'in_progress', 20, '2024-03-01');
    const bio = db.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, 'CET23-BIO-01')).get()!.id;
    const narrow = prepareStateTable(db, '2024-02-01', [eq(commitments.id, bio)]);
    const rows = db.$client.prepare('select id, status, progress from temp.state_at_20240201').all();
    expect(rows).toEqual([{ id: bio, status: 'not_started', progress: 0 }]);
    narrow.release();
    const wide = prepareStateTable(db, '2024-02-01', null);
    expect(db.$client.prepare('select count(*) as n from temp.state_at_20240201').get()).toEqual({ n: 2 });
    wide.release();
  });
});
