import { describe, expect, it } from 'vitest';
import type { Todo } from '@/lib/todo/kinds';
import { composeDigest, digestLocaleOf } from './compose';

const todo: Todo = {
  agency: { code: 'MSIT', nameKo: '과학기술정보통신부', shortNameKo: '과기정통부', nameEn: 'Ministry of Science and ICT', country: 'KR' },
  items: [
    {
      kind: 'confirm',
      code: 'CET23-QNT-02',
      titleKo: '양자 <협력> & 확대',
      titleEn: 'Quantum <cooperation> & more',
      status: 'completed',
      progress: 100,
      dueSpec: 'ongoing',
      dueEnd: null,
      lastUpdate: '2024-01-06',
      since: '2024-01-06',
      claimUpdateId: 7,
      href: '/commitments/CET23-QNT-02#confirm',
    },
    {
      kind: 'stale',
      code: 'CET23-ICT-01',
      titleKo: '제3국 ICT 인프라 협력',
      titleEn: 'ICT infrastructure in third countries',
      status: 'in_progress',
      progress: 20,
      dueSpec: 'ongoing',
      dueEnd: null,
      lastUpdate: null,
      since: '2023-12-09',
      claimUpdateId: null,
      href: '/commitments/CET23-ICT-01#update',
    },
  ],
  counts: { disputed: 0, confirm: 1, overdue: 0, due_soon: 0, stale: 1, total: 2 },
};
const input = { recipient: { name: 'Kim <Official>' }, todo, week: '2024-05-06', today: '2024-05-08', appUrl: 'https://monitor.example.go.kr' };

describe('composeDigest', () => {
  it('writes the Korean digest in the glossary’s words, the groups in order, with absolute links', () => {
    const m = composeDigest({ ...input, locale: 'ko' });
    expect(m.subject).toBe('[합의 이행 점검] 2024. 5. 6. 주간 처리할 업무 2건');
    const lines = m.text.split('\n');
    expect(lines.indexOf('소속 기관 확인 요청(1건)')).toBeLessThan(lines.indexOf('90일간 실적 미등록(1건)'));
    expect(m.text).toContain('* CET23-QNT-02 양자 <협력> & 확대');
    expect(m.text).toContain('  추진 현황: 완료 · 상대 기관 확인 대기 · 진척도: 100%');
    expect(m.text).toContain('  보고 실적 기준일 2024. 1. 6.(123일째 확인 대기)');
    expect(m.text).toContain('  확인 또는 이견 입력: https://monitor.example.go.kr/commitments/CET23-QNT-02#confirm');
    expect(m.text).toContain('  채택일 2023. 12. 9. 이후 실적 없음(151일간 실적 미등록)');
    expect(m.text).toContain('처리할 업무 전체 목록: https://monitor.example.go.kr/my');
  });

  it('writes the English digest, and escapes what the HTML body quotes', () => {
    const m = composeDigest({ ...input, locale: 'en' });
    expect(m.subject).toBe('Commitment Monitor: your agency’s to-do list for the week of 6 May 2024 (2 items)');
    expect(m.text).toContain('Dear Kim <Official>,');
    expect(m.text).toContain('Here is what MSIT is asked to do');
    expect(m.html).toContain('<html lang="en">');
    expect(m.html).toContain('Dear Kim &lt;Official&gt;,');
    expect(m.html).toContain('<strong>CET23-QNT-02 Quantum &lt;cooperation&gt; &amp; more</strong>');
    expect(m.html).toContain('<a href="https://monitor.example.go.kr/commitments/CET23-ICT-01#update">Record an update</a>');
    expect(m.html).not.toContain('<cooperation>');
  });

  it('greets the official by the display name of the message’s language', () => {
    const recipient = { name: 'MSIT official', nameKo: '과기정통부 담당자' };
    expect(composeDigest({ ...input, recipient, locale: 'ko' }).text).toMatch(/^과기정통부 담당자 님께/);
    expect(composeDigest({ ...input, recipient, locale: 'en' }).text).toMatch(/^Dear MSIT official,/);
    expect(composeDigest({ ...input, recipient: { name: 'MSIT official', nameKo: null }, locale: 'ko' }).text).toMatch(/^MSIT official 님께/);
  });

  it('takes the language from the agency’s country', () => {
    expect(digestLocaleOf('KR')).toBe('ko');
    expect(digestLocaleOf('US')).toBe('en');
    expect(digestLocaleOf('IN')).toBe('en');
  });
});
