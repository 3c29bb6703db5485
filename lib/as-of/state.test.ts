import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import { statusAsOf } from '@/lib/commitments/history';
import { handMadeHistory } from '@/lib/testing/hand-made-history';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { prepareStateTable, stateAtSql } from './state';

const TODAY = '2025-06-30';
const CODE = 'CET23-BIO-01';
let db: Db;

/** BIO-01 (adopted on 2023-12-09): at risk, 10 from 2024-02-01, in progress, 30 from 2024-03-01. */
beforeEach(() => {
  db = useSeededTestDb();
  const { record } = handMadeHistory(db, TODAY);
  record(CODE, 'in_progress', 30, '2024-03-01');
  record(CODE, 'at_risk', 10, '2024-02-01');
});

/** What each way of reading a state at a date answers for BIO-01. */
function readings(date: string) {
  const at = stateAtSql(date);
  const bySql = db.select({ status: sql<string>`${at.status}`, progress: sql<number>`${at.progress}` }).from(commitments).where(eq(commitments.code, CODE)).get();
  const table = prepareStateTable(db, date, null);
  try {
    const byTable = db.get<{ status: string; progress: number }>(
      sql`select ${table.columns.status} as status, ${table.columns.progress} as progress from ${table.from} where ${commitments.code} = ${CODE}`,
    );
    return { statusAsOf: statusAsOf(CODE, date, db), stateAtSql: bySql, stateTable: byTable };
  } finally {
    table.release();
  }
}

const everywhere = (state: { status: string; progress: number }) => ({ statusAsOf: state, stateAtSql: state, stateTable: state });

describe('a commitment’s state at the end of a date', () => {
  it('includes the entries effective on that very date, not only those before it', () => {
    // The entry effective on 02-01 holds at the end of 02-01; the 03-01 entry has not happened yet.
    expect(readings('2024-02-01')).toEqual(everywhere({ status: 'at_risk', progress: 10 }));
    expect(readings('2024-03-01')).toEqual(everywhere({ status: 'in_progress', progress: 30 }));
  });

  it('is the state the next entry started from between entries, and the adoption’s before any', () => {
    expect(readings('2024-01-31')).toEqual(everywhere({ status: 'not_started', progress: 0 }));
    expect(readings('2024-02-29')).toEqual(everywhere({ status: 'at_risk', progress: 10 }));
    expect(readings(TODAY)).toEqual(everywhere({ status: 'in_progress', progress: 30 }));
  });

  it('is absent before the adoption date and exists from that day on', () => {
    // The stored table marks a date's absent commitments, for counting, with the pseudo-status too.
    expect(readings('2023-12-08')).toEqual(everywhere({ status: 'absent', progress: 0 }));
    expect(readings('2023-12-09')).toEqual(everywhere({ status: 'not_started', progress: 0 }));
  });
});
