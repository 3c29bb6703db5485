import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import { ROLES } from '@/lib/auth/roles';
import { STATUSES } from '@/lib/commitments/vocabulary';

/**
 * The catalogues against ../shared/GLOSSARY.md, the product's words and style. Fails, not skips,
 * without the glossary: the words are checked against it or not at all.
 */
const GLOSSARY = path.resolve(process.cwd(), '../shared/GLOSSARY.md');

interface Term {
  concept: string;
  ko: string;
  en: string;
  notes: string;
}

/** The glossary's table, one row per concept. */
function readGlossary(text: string): Term[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .filter((cells) => cells.length === 4 && cells[0] !== 'Concept')
    .map(([concept, koWord, enWord, notes]) => ({ concept: concept!, ko: koWord!, en: enWord!, notes: notes! }));
}

/** Every string of a catalogue with its key. */
function entries(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value as object, `${prefix}${key}.`),
  );
}

/**
 * What no Korean string may contain, and why. The glossary's "not …" notes are added to these
 * (약속, 진행 상황, 우리 기관, 진행 중, 위험, 공무원, 분석가).
 */
const FORBIDDEN_KO: { pattern: RegExp; why: string }[] = [
  // ~세요 only as 주세요: 하세요, 보세요, 고르세요, 쓰세요, and the 해요 style are another politeness level.
  { pattern: /(?<!주)세요|십시오|하시오|하시기 바랍니다|[어아해봐돼줘]요[.!?]?$/, why: 'instructions end in ~해 주세요 (one politeness level)' },
  { pattern: /(?<![A-Za-z])(AM|PM|A\.M\.|P\.M\.)(?![A-Za-z])/i, why: 'times are 24-hour or 오전/오후, never AM/PM' },
  // A quarter code is an input format only, and then explained in words at once: 2024-Q3(2024년 3분기).
  { pattern: /\d{4}-Q[1-4](?!\(\d{4}년 [1-4]분기\))|-Q\b|\{[^}]*\}-Q|Q[1-4] ?\d{4}/, why: 'quarters read 2024년 2분기, never a code such as 2024-Q2' },
  { pattern: /(@[\w.-]+|\{\s*(email|address|e?mail\w*)\s*\})\s*님/i, why: 'never 님 after an e-mail address: use the display name' },
  { pattern: /뒤처진|낙오|이 시도는 기록/, why: 'no blunt judgements of agencies and no threats' },
];

describe('the catalogues follow the glossary (../shared/GLOSSARY.md)', () => {
  const glossary = readGlossary(fs.readFileSync(GLOSSARY, 'utf8'));
  const term = (concept: string) => {
    const found = glossary.find((t) => t.concept === concept);
    if (!found) throw new Error(`The glossary has no row "${concept}"`);
    return found;
  };
  /** The Korean words the notes rule out: "not 약속", "not 공무원, not 분석가". */
  const ruledOut = glossary.flatMap((t) => [...t.notes.matchAll(/not ([^,;()]+)/g)].map((m) => m[1]!.trim()).filter((w) => /\p{Script=Hangul}/u.test(w)));
  const koEntries = entries(ko);

  it('reads the glossary (a table of concepts with the words ruled out)', () => {
    expect(glossary.length).toBeGreaterThan(30);
    expect(ruledOut).toEqual(expect.arrayContaining(['약속', '진행 상황', '우리 기관', '진행 중', '위험', '공무원', '분석가']));
  });

  it('uses no word the glossary rules out, in any Korean string', () => {
    // Spacing does not hide a word: 진행중 is 진행 중.
    const bare = (text: string) => text.replace(/\s+/g, '');
    const found = koEntries.flatMap(([key, value]) => ruledOut.filter((w) => bare(value).includes(bare(w))).map((w) => `${key}: "${w}" in "${value}"`));
    expect(found).toEqual([]);
  });

  it.each(FORBIDDEN_KO)('no Korean string breaks the style rule: $why', ({ pattern }) => {
    const found = koEntries.filter(([, value]) => pattern.test(value)).map(([key, value]) => `${key}: ${value}`);
    expect(found).toEqual([]);
  });

  it('explains every quarter code it shows as an input format with the same quarter in words', () => {
    const codes = koEntries.flatMap(([key, value]) => [...value.matchAll(/(\d{4})-Q([1-4])(?:\((\d{4})년 ([1-4])분기\))?/g)].map((m) => ({ key, m })));
    expect(codes.length).toBeGreaterThan(0);
    for (const { key, m } of codes) expect(`${key}: ${m[0]}`).toBe(`${key}: ${m[1]}-Q${m[2]}(${m[1]}년 ${m[2]}분기)`);
  });

  it('names each status as the glossary does, in both languages, and in its order', () => {
    const concept: Record<(typeof STATUSES)[number], string> = {
      not_started: 'not started',
      in_progress: 'in progress',
      at_risk: 'at risk',
      delayed: 'delayed',
      completed: 'completed',
      discontinued: 'discontinued',
    };
    for (const s of STATUSES) {
      expect(ko.status[s], s).toBe(term(concept[s]).ko);
      expect(en.status[s].toLowerCase(), s).toBe(term(concept[s]).en.toLowerCase());
    }
    // The catalogue's order is the glossary's (the one order of cards, tables, legends and exports).
    const order = glossary.map((t) => t.concept).filter((c) => Object.values(concept).includes(c));
    expect(STATUSES.map((s) => concept[s])).toEqual(order);
    expect(ko.status.overdue).toBe(term('overdue').ko);
  });

  it('names the roles as the glossary does', () => {
    const koRoles = term('roles').ko.split('/').map((w) => w.trim());
    const enRoles = term('roles').en.split('/').map((w) => w.trim());
    const order = ['admin', 'official', 'analyst'] as const;
    expect([...ROLES].sort()).toEqual([...order].sort());
    order.forEach((role, i) => {
      expect(ko.roles[role]).toBe(koRoles[i]);
      expect(en.roles[role].toLowerCase()).toBe(enRoles[i]!.toLowerCase());
    });
  });

  it('uses the glossary words for the partner roles, the verdicts and the provenance of a fact', () => {
    expect(ko.partnerRole.co_lead).toBe(term('co-lead').ko);
    expect(term('counterpart').ko).toContain(ko.partnerRole.counterpart);
    expect(ko.partnerRole.participant).toBe(term('participant').ko);
    const [stated, inferred, confirmed] = term('stated / inferred / confirmed (provenance)').ko.split('/').map((w) => w.trim());
    const basisWords = Object.values(ko.basis).filter((v): v is string => typeof v === 'string');
    expect(basisWords).toEqual(expect.arrayContaining([stated, inferred, confirmed]));
  });
});

describe('the style rules catch what they are meant to catch', () => {
  // Each rule is tried on a string that breaks it, so a rule that matches nothing cannot pass unseen.
  const breaking: [RegExp, string][] = [
    [FORBIDDEN_KO[0]!.pattern, '다시 로그인하세요.'],
    [FORBIDDEN_KO[0]!.pattern, '목록에서 고르세요.'],
    [FORBIDDEN_KO[0]!.pattern, '저장했어요.'],
    [FORBIDDEN_KO[1]!.pattern, '3:06AM 기록'],
    [FORBIDDEN_KO[1]!.pattern, '2026. 11. 27. AM 3:06 기록'],
    [FORBIDDEN_KO[2]!.pattern, '2026-Q3 보고서'],
    [FORBIDDEN_KO[2]!.pattern, '{quarter}-Q 기준'],
    [FORBIDDEN_KO[3]!.pattern, 'analyst@demo.example 님'],
    [FORBIDDEN_KO[3]!.pattern, '{email} 님'],
    [FORBIDDEN_KO[4]!.pattern, '뒤처진 기관을 한눈에 봅니다.'],
  ];
  it.each(breaking)('%s flags "%s"', (pattern, text) => {
    expect(pattern.test(text)).toBe(true);
  });

  it('lets an input code explained in words pass', () => {
    expect(FORBIDDEN_KO[2]!.pattern.test('2024-Q3(2024년 3분기)처럼 입력해 주세요.')).toBe(false);
    expect(FORBIDDEN_KO[0]!.pattern.test('날짜를 입력해 주세요.')).toBe(false);
    expect(FORBIDDEN_KO[3]!.pattern.test('{name} 님')).toBe(false);
  });
});
