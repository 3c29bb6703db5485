import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencies, commitments } from '@/db/schema';
import { agencyShortName } from '@/lib/agencies/short-name';
import { can } from '@/lib/auth/policy';
import { loadCommitmentScope } from './scope';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { agenciesThatMayUpdate } from './updating-agencies';

describe('agenciesThatMayUpdate', () => {
  it('names the lead first, then every partner: exactly the agencies whose officials the policy lets update', () => {
    const db = useSeededTestDb();
    expect(agenciesThatMayUpdate('CET23-BIO-01', db).map((a) => a.code)).toEqual(['MSIT', 'NSF']);
    expect(agenciesThatMayUpdate('CET23-SEMI-01', db).map((a) => a.code)).toEqual(['MOTIE', 'ASTC', 'DOC', 'NSTC']);
    for (const { code } of db.select({ code: commitments.code }).from(commitments).all()) {
      const scope = loadCommitmentScope(db, code)!;
      const named = new Set(agenciesThatMayUpdate(code, db).map((a) => a.code));
      for (const a of db.select({ id: agencies.id, code: agencies.code }).from(agencies).all()) {
        expect(named.has(a.code), `${code} ${a.code}`).toBe(can({ role: 'official', agencyId: a.id, active: true }, 'commitment.updateStatus', scope));
      }
    }
  });

  it('is empty for an unknown commitment', () => {
    expect(agenciesThatMayUpdate('NO-SUCH', useSeededTestDb())).toEqual([]);
  });
});

describe('agencyShortName', () => {
  it('uses the glossary’s Korean short names on Korean screens and acronyms on English ones', () => {
    const db = useSeededTestDb();
    const get = (code: string) => db.select().from(agencies).where(eq(agencies.code, code)).get()!;
    expect(agencyShortName(get('MOTIE'), 'ko')).toBe('산업부');
    expect(agencyShortName(get('DOC'), 'ko')).toBe('미 상무부');
    expect(agencyShortName(get('DOC'), 'en')).toBe('DOC');
    // No short name: the Korean name.
    expect(agencyShortName(get('ASTC'), 'ko')).toBe('첨단반도체기술센터');
  });
});
