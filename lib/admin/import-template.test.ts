import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { commitmentPartners, commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';
import { CSV_COLUMNS, importCommitments, previewCommitmentImport } from './csv-import';
import { importCodes, importTemplateCsv } from './import-template';

const ctx = { origin: 'test' };
let db: Db;
let admin: Actor;

beforeEach(() => {
  db = useSeededTestDb();
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  admin = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
});

describe('the import’s CSV template', () => {
  it('has every column the importer reads, in its order, and one example row', () => {
    const text = importTemplateCsv(db);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(Object.keys(CSV_COLUMNS));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(rows[0]!.length);
  });

  it('imports as it is: the example row checks clean and then imports', () => {
    const text = importTemplateCsv(db);
    const preview = previewCommitmentImport(db, admin, text, ctx);
    expect(preview).toMatchObject({ fileErrors: [], valid: 1, invalid: 0 });
    expect(importCommitments(db, admin, text, ctx)).toEqual({ imported: 1 });
    const created = db.select().from(commitments).where(eq(commitments.code, 'EXAMPLE-01')).get()!;
    expect(db.select().from(commitmentPartners).where(eq(commitmentPartners.commitmentId, created.id)).all()).toHaveLength(1);
    // Once imported, the next template names a code still free.
    const next = importTemplateCsv(db);
    expect(next).toContain('EXAMPLE-02');
    expect(previewCommitmentImport(db, admin, next, ctx)).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('uses the database’s own dialogue, area and agency codes, which the page lists', () => {
    const codes = importCodes(db);
    const [, example] = parse(importTemplateCsv(db), { bom: true }) as string[][];
    const cell = (column: keyof typeof CSV_COLUMNS) => example![Object.keys(CSV_COLUMNS).indexOf(column)]!;
    expect(codes.dialogues.map((d) => d.code)).toContain(cell('dialogue'));
    expect(codes.areas.map((a) => a.code)).toContain(cell('area'));
    expect(codes.agencies.map((a) => a.code)).toContain(cell('lead_agency'));
    expect(codes.dialogues.map((d) => d.code)).toEqual(['KR-US-CET-2023']);
  });
});
