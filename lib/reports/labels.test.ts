import { describe, expect, it } from 'vitest';
import { quarterLabel } from '@/lib/format/quarters';
import { fixtureSource } from './fixture';
import { reportLabels } from './labels';
import { buildPdfDocument } from './pdf-writer';

describe('quarters in a report follow its language', () => {
  it('words a quarter key as the screens do, and leaves anything else alone', () => {
    expect(reportLabels('ko').quarter('2024-Q2')).toBe('2024년 2분기');
    expect(reportLabels('en').quarter('2024-Q2')).toBe('Q2 2024');
    for (const key of ['1999-Q4', '2024-Q1', '2031-Q3']) {
      expect(reportLabels('ko').quarter(key)).toBe(quarterLabel(key, 'ko'));
      expect(reportLabels('en').quarter(key)).toBe(quarterLabel(key, 'en'));
    }
    expect(reportLabels('ko').quarter('2024-Q9')).toBe('2024-Q9');
  });

  it('titles the Korean report “… — 2024년 2분기” and the English one “… — Q2 2024”', () => {
    expect(buildPdfDocument(fixtureSource('ko')).info).toMatchObject({ title: '합의 사항 이행 점검 분기 보고서 — 2024년 2분기', subject: '2024년 2분기' });
    expect(buildPdfDocument(fixtureSource('en')).info).toMatchObject({ subject: 'Q2 2024' });
    expect(buildPdfDocument(fixtureSource('en')).info!.title).toMatch(/ — Q2 2024$/);
  });

  it('shows no quarter key anywhere in the document, in either language', () => {
    for (const lang of ['ko', 'en'] as const) {
      const doc = buildPdfDocument(fixtureSource(lang));
      const text = JSON.stringify([doc.info, doc.content, doc.header, doc.footer].filter((x) => typeof x !== 'function'));
      expect(text, lang).not.toMatch(/\d{4}-Q[1-4]/);
      expect(text, lang).toContain(lang === 'ko' ? '2024년 1분기' : 'Q1 2024');
    }
  });
});

describe('agencies in a report', () => {
  it('are named by the Korean short name in Korean and the acronym in English; a report issued before short names existed uses the glossary’s', () => {
    const ko = reportLabels('ko');
    const en = reportLabels('en');
    const msit = { code: 'MSIT', nameKo: '과학기술정보통신부', nameEn: 'Ministry of Science and ICT' };
    expect(ko.agency({ ...msit, shortNameKo: '과기정통부' })).toBe('과기정통부');
    expect(ko.agency(msit)).toBe('과기정통부');
    expect(ko.agency({ ...msit, shortNameKo: null })).toBe('과학기술정보통신부');
    expect(ko.agency({ code: 'RIST', nameKo: '포항산업과학연구원', nameEn: 'RIST' })).toBe('포항산업과학연구원');
    expect(en.agency({ ...msit, shortNameKo: '과기정통부' })).toBe('MSIT');
  });
});
