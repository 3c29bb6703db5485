import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

const marked = (segments: { text: string; labels: string[] }[]) => segments.map((s) => (s.labels.length ? `[${s.text}|${s.labels.join('+')}]` : s.text)).join('');

describe('highlightSegments', () => {
  it('keeps the text whole and marks each named passage with what it names', () => {
    const text = '바이오 분야는 내년에 과기부와 미 국립과학재단 간 협업을 개시한다.';
    const segments = highlightSegments(text, [
      { words: '과기부', label: 'lead' },
      { words: '미 국립과학재단', label: 'NSF' },
      { words: '내년에', label: 'due' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(marked(segments)).toBe('바이오 분야는 [내년에|due] [과기부|lead]와 [미 국립과학재단|NSF] 간 협업을 개시한다.');
  });

  it('gives words that name two agencies both labels, once', () => {
    const segments = highlightSegments('한미 정부와 제약기업', [
      { words: '한미 정부', label: 'KRGOV' },
      { words: '한미 정부', label: 'USGOV' },
    ]);
    expect(marked(segments)).toBe('[한미 정부|KRGOV+USGOV]와 제약기업');
  });

  it('splits overlapping words into runs that carry every covering label', () => {
    const segments = highlightSegments('한미 정부가 협력', [
      { words: '한미 정부', label: 'both' },
      { words: '미 정부', label: 'US' },
    ]);
    expect(marked(segments)).toBe('[한|both][미 정부|both+US]가 협력');
  });

  it('marks every occurrence of repeated words and ignores words the text lacks or empty words', () => {
    const segments = highlightSegments('AI는 내년에, 포럼도 내년에', [
      { words: '내년에', label: 'due' },
      { words: '없는 말', label: 'none' },
      { words: '', label: 'empty' },
    ]);
    expect(marked(segments)).toBe('AI는 [내년에|due], 포럼도 [내년에|due]');
  });

  it('treats markup in the text or the words as plain characters', () => {
    const segments = highlightSegments('<b>x</b> & y', [{ words: '<b>', label: 'tag' }]);
    expect(marked(segments)).toBe('[<b>|tag]x</b> & y');
  });

  it('returns nothing for an empty text', () => {
    expect(highlightSegments('', [{ words: 'a', label: 'a' }])).toEqual([]);
  });
});
