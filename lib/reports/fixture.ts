import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import type { Locale } from '@/lib/i18n/config';
import type { ComplianceFigures, QuarterFigures, ReportChange, ReportCommitment, ReportSource, StandingFigures } from './types';

/** A small hand-made report for the writers' tests: Korean text, a formula-like note, a new commitment, every basis. */
const standing = (counts: Partial<Record<Status, number>>, overdue: number, meanProgress: number): StandingFigures => {
  const full = Object.fromEntries(STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<Status, number>;
  const total = STATUSES.reduce((n, s) => n + full[s], 0);
  return { total, counts: full, shares: Object.fromEntries(STATUSES.map((s) => [s, total ? full[s] / total : 0])) as Record<Status, number>, overdue, meanProgress };
};

/** `verdicts`: those of the group's assessed commitments. */
const compliance = (total: number, verdicts: number[]): ComplianceFigures => ({
  total,
  assessed: verdicts.length,
  notAssessed: total - verdicts.length,
  mean: verdicts.length ? verdicts.reduce((a, b) => a + b, 0) / verdicts.length : null,
});

const figures = (end: StandingFigures, prev: StandingFigures, completed: number, newlyOverdue: number, dueNext: number, verdicts: number[]): QuarterFigures => ({
  atEnd: end,
  atPreviousEnd: prev,
  completedThisQuarter: completed,
  newlyOverdue,
  dueNextQuarter: dueNext,
  meanProgressChange: end.meanProgress - prev.meanProgress,
  compliance: compliance(end.total, verdicts),
});

const semi = { code: 'SEMI', nameKo: '반도체', nameEn: 'Semiconductors' };
const ai = { code: 'AI', nameKo: '인공지능', nameEn: 'Artificial intelligence' };
const msit = { code: 'MSIT', nameKo: '과학기술정보통신부', nameEn: 'Ministry of Science and ICT', country: 'KR' };
const nsf = { code: 'NSF', nameKo: '미국 국립과학재단', nameEn: 'National Science Foundation', country: 'US' };

export function fixtureCommitments(count = 3): ReportCommitment[] {
  const base: ReportCommitment[] = [
    { code: 'SEMI-01', dialogue: 'KR-US-CET-2023', area: semi, titleKo: '반도체 공급망 협력', titleEn: 'Semiconductor supply chain cooperation', lead: { ...msit, basis: 'inferred' }, partners: [{ code: 'NSF', nameKo: nsf.nameKo, nameEn: nsf.nameEn, basis: 'stated' }], dueSpec: '2024', dueBasis: 'stated', dueBasisWords: '내년에', dueEnd: '2024-12-31', status: 'completed', progress: 100, previousStatus: 'in_progress', previousProgress: 60, progressChange: 40, latestEntryOn: '2024-05-10', latestNote: '=HYPERLINK("http://evil.example")', latestEvidenceUrl: 'https://example.gov/evidence/1', overdue: false, verdict: 1, confidence: 'high', rationale: '공급망 점검 회의 결과 보고서 확인', assessmentLinks: ['https://example.gov/review/1', 'https://example.gov/review/2'], claim: 'disputed' },
    { code: 'AI-02', dialogue: 'KR-US-CET-2023', area: ai, titleKo: '인공지능 안전 연구 협력', titleEn: 'AI safety research', lead: { ...nsf, basis: 'confirmed' }, partners: [], dueSpec: 'early-2024', dueBasis: 'inferred', dueBasisWords: null, dueEnd: '2024-04-30', status: 'delayed', progress: 30, previousStatus: 'in_progress', previousProgress: 30, progressChange: 0, latestEntryOn: null, latestNote: null, latestEvidenceUrl: null, overdue: true, verdict: -1, confidence: 'low', rationale: '=SUM(A1) no evidence of progress', assessmentLinks: [], claim: null },
    { code: 'AI-03', dialogue: 'KR-US-CET-2023', area: ai, titleKo: '양자 공동 연구, "협력"', titleEn: 'Quantum joint research, "cooperation"', lead: { ...msit, basis: 'stated' }, partners: [], dueSpec: 'ongoing', dueBasis: 'not_stated', dueBasisWords: null, dueEnd: null, status: 'not_started', progress: 0, previousStatus: 'absent', previousProgress: 0, progressChange: 0, latestEntryOn: null, latestNote: null, latestEvidenceUrl: null, overdue: false, verdict: null, confidence: null, rationale: null, assessmentLinks: [], claim: null },
  ];
  const out = [...base];
  for (let i = base.length; i < count; i++) out.push({ ...base[i % base.length]!, code: `GEN-${String(i).padStart(6, '0')}` });
  return out.slice(0, count);
}

export function fixtureChanges(): ReportChange[] {
  return [
    { id: 7, effectiveDate: '2024-04-02', recordedAt: '2024-04-02T01:00:00.000Z', code: 'SEMI-01', titleKo: '반도체 공급망 협력', titleEn: 'Semiconductor supply chain cooperation', fromStatus: 'in_progress', toStatus: 'in_progress', fromProgress: 60, toProgress: 80, note: '+1 회의 개최', evidenceUrl: null, authorAgency: msit, authorName: '과기정통부 담당자' },
    { id: 9, effectiveDate: '2024-05-10', recordedAt: '2024-07-08T06:30:00.000Z', code: 'SEMI-01', titleKo: '반도체 공급망 협력', titleEn: 'Semiconductor supply chain cooperation', fromStatus: 'in_progress', toStatus: 'completed', fromProgress: 80, toProgress: 100, note: '=HYPERLINK("http://evil.example")', evidenceUrl: 'https://example.gov/evidence/1', authorAgency: null, authorName: 'Administrator' },
  ];
}

/** A report source over the fixture rows; `count` above 3 repeats them (for size tests). */
export function fixtureSource(lang: Locale = 'ko', count = 3): ReportSource {
  const end = standing({ completed: 1, delayed: 1, not_started: 1 }, 1, 43.3);
  const prev = standing({ in_progress: 2 }, 0, 45);
  const summary = figures(end, prev, 1, 1, 0, [1, -1]);
  const byArea = [
    { ...semi, ...figures(standing({ completed: 1 }, 0, 100), standing({ in_progress: 1 }, 0, 60), 1, 0, 0, [1]) },
    { ...ai, ...figures(standing({ delayed: 1, not_started: 1 }, 1, 15), standing({ in_progress: 1 }, 0, 30), 0, 1, 0, [-1]) },
  ];
  return {
    summary: {
      params: { quarter: '2024-Q2', lang },
      quarter: { key: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
      previousQuarterEnd: '2024-03-31',
      nextQuarter: { key: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
      dialogues: [{ code: 'KR-US-CET-2023', nameKo: '한미 차세대 핵심·신흥기술 대화', nameEn: 'Korea–U.S. Next-Generation Critical and Emerging Technology Dialogue', heldOn: '2023-12-09' }],
      filters: { dialogue: null, area: null, agency: null, country: null },
      generatedBy: { name: '분석 담당자', email: 'analyst@demo.example' },
      generatedAt: '2024-07-05T06:00:00.000Z',
      asOf: '2024-06-30',
      partial: false,
      recordedThrough: '2024-07-05T06:00:00.000Z',
      lastUpdateId: 9,
      timeZone: 'Asia/Seoul',
      emptyReason: null,
      summary,
      byArea,
      byLeadAgency: [
        { ...msit, ...figures(standing({ completed: 1, not_started: 1 }, 0, 50), standing({ in_progress: 1 }, 0, 60), 1, 0, 0, [1]) },
        { ...nsf, ...figures(standing({ delayed: 1 }, 1, 30), standing({ in_progress: 1 }, 0, 30), 0, 1, 0, [-1]) },
      ],
      charts: {
        statusByArea: byArea,
        quarterSeries: ['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'].map((q, i) => ({
          quarter: q,
          end: ['2022-09-30', '2022-12-31', '2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31', '2024-06-30'][i]!,
          counts: i < 5 ? standing({}, 0, 0).counts : i === 7 ? end.counts : prev.counts,
          total: i < 5 ? 0 : i === 7 ? end.total : prev.total,
        })),
      },
      commitmentCount: count,
      changeCount: 2,
    },
    commitments: () => fixtureCommitments(count),
    changes: () => fixtureChanges(),
  };
}

/** Wraps a source to count the commitment rows a writer has taken from it. */
export function countingSource(source: ReportSource): { source: ReportSource; read: () => number } {
  let read = 0;
  const commitments = function* () {
    for (const row of source.commitments()) {
      read++;
      yield row;
    }
  };
  return { source: { ...source, commitments }, read: () => read };
}
