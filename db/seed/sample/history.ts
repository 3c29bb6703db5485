import { addDays } from '@/lib/periods/dates';
import { formatQuarter, previousQuarter, quarterOf, quarterRange } from '@/lib/periods/quarters';
import type { Confidence, Status } from '@/lib/commitments/vocabulary';
import { rng, SAMPLE_SEED, SAMPLE_SPAN_DAYS, type Arc, type SamplePlan } from './dialogue';
import { dayStartInZone } from '@/lib/periods/day-start';

/** One thing someone records, at `at` (epoch ms); `day` offsets below are days from the seed day. */
export type SampleEvent = { at: number; code: string } & (
  | { kind: 'update'; by: string; status: Status; progress: number; note: string; evidenceUrl: string | null; effectiveDate: string }
  | { kind: 'decide'; by: string; decision: 'confirm' | 'dispute'; note: string; effectiveDate: string }
  | { kind: 'assess'; quarter: string; verdict: -1 | 0 | 1; confidence: Confidence; rationale: string }
);

const NOTES = {
  ko: ['착수 회의 개최', '1차 실무 협의 완료', '공동 추진 계획 확정', '중간 점검 회의 개최', '공동 보고서 초안 작성', '참여 기관 추가 확정'],
  en: ['Kick-off meeting held', 'First working-level meeting held', 'Joint work plan agreed', 'Mid-term review held', 'Draft joint report prepared', 'Further participants confirmed'],
};
const STATUS_NOTES: Record<'at_risk' | 'delayed' | 'completed' | 'discontinued', { ko: string; en: string }> = {
  at_risk: { ko: '예산 배정이 늦어져 일정에 차질이 우려됩니다.', en: 'Schedule at risk: funding has not been allocated yet.' },
  delayed: { ko: '상대국 기관의 일정 조정으로 추진이 지연되었습니다.', en: 'Delayed: the counterpart rescheduled the work.' },
  completed: { ko: '최종 결과 보고서를 제출했습니다.', en: 'Final report submitted.' },
  discontinued: { ko: '양측 협의에 따라 후속 사업으로 대체했습니다.', en: 'Replaced by a follow-on project by mutual agreement.' },
};
const DISPUTE = { ko: '최종 결과 보고서를 아직 받지 못하여 완료로 확인할 수 없습니다.', en: 'The final report has not been shared with us yet; we do not consider this completed.' };
const CONFIRM = { ko: '최종 결과 보고서를 받아 완료를 확인했습니다.', en: 'Final report received and reviewed.' };
const LATE = { ko: '사후 입력: ', en: 'Recorded late: ' };

const DAY = 86_400_000;

/**
 * Every entry of the sample's history, in the order it is recorded. Deterministic for a seed day;
 * each arc (dialogue.ts) is a story: steady progress, warnings, overdue and stale commitments,
 * catch-up entries recorded months after they took effect, closing claims the other side confirms,
 * disputes or has not answered yet, and analysts' assessments of the last two quarters.
 */
export function planSampleHistory(plans: readonly SamplePlan[], today: string): SampleEvent[] {
  const random = rng(SAMPLE_SEED + 1);
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const date = (day: number) => addDays(today, day);
  // Recorded during office hours (09:00–17:00) in the app's time zone, never later than yesterday.
  const instant = (day: number, minute = between(0, 480)) => Date.parse(dayStartInZone(date(Math.min(day, -1)))) + (9 * 60 + minute) * 60_000;
  const events: SampleEvent[] = [];
  const adopted = -SAMPLE_SPAN_DAYS;
  let claimsRecordedLate = 0;

  for (const p of plans) {
    const lang = p.leadCode.startsWith('SAMPLE-K') ? 'ko' : 'en';
    const otherLang = lang === 'ko' ? 'en' : 'ko';
    let progress = 0;
    let step = 0;
    const update = (day: number, status: Status, options: { recordedDay?: number; minute?: number; prefix?: string } = {}) => {
      if (status === 'completed') progress = 100;
      else if (status === 'in_progress') progress = Math.min(95, progress + between(10, 25));
      const note = status === 'in_progress' ? NOTES[lang][step++ % NOTES[lang].length]! : STATUS_NOTES[status as keyof typeof STATUS_NOTES][lang];
      const recordedDay = options.recordedDay ?? Math.min(day + between(0, 3), -1);
      const at = instant(recordedDay, options.minute);
      events.push({
        kind: 'update',
        at,
        code: p.code,
        by: p.leadCode,
        status,
        progress,
        note: (options.prefix ?? '') + note,
        evidenceUrl: status === 'completed' ? `https://example.org/sample-evidence/${p.code.toLowerCase()}` : null,
        effectiveDate: date(day),
      });
      return { day: recordedDay, at };
    };
    /** `n` in-progress entries spread over [from, to]. */
    const steady = (n: number, from: number, to: number) => {
      for (let k = 0; k < n; k++) update(n === 1 ? between(from, to) : Math.round(from + ((to - from) * k) / (n - 1)) - between(0, 5), 'in_progress');
    };
    const answer = (claim: { day: number; at: number }, decision: 'confirm' | 'dispute') => {
      const day = Math.min(claim.day + between(6, 35), -1);
      const text = decision === 'confirm' ? CONFIRM : DISPUTE;
      // Never before the claim it answers, even when both fall on yesterday.
      const at = Math.max(instant(day), claim.at + 60_000);
      events.push({ kind: 'decide', at, code: p.code, by: p.counterpartCode, decision, note: text[otherLang], effectiveDate: date(day) });
    };
    const close = (status: 'completed' | 'discontinued', day: number, decision: 'confirm' | 'dispute' | null) => {
      // Two completions are recorded well after they took effect: back-dated claims.
      const late = status === 'completed' && decision === 'confirm' && claimsRecordedLate < 2;
      if (late) claimsRecordedLate += 1;
      const recorded = update(day, status, late ? { recordedDay: Math.min(day + between(30, 60), -1) } : {});
      if (decision) answer(recorded, decision);
    };

    const arc: Arc = p.arc;
    switch (arc) {
      case 'on_track':
        steady(between(2, 4), between(adopted + 20, -500), between(-75, -5));
        break;
      case 'at_risk':
        steady(between(1, 3), between(adopted + 20, -450), between(-300, -80));
        update(between(-60, -10), 'at_risk');
        break;
      case 'delayed':
        steady(between(1, 3), between(adopted + 20, -500), between(-400, -200));
        update(between(Math.max(-120, (p.dueEnd ?? -120) - 20), -15), 'delayed');
        break;
      case 'overdue':
        steady(between(2, 3), between(adopted + 20, -450), between(-80, -10));
        break;
      case 'stale':
        steady(between(1, 3), between(adopted + 20, -550), between(-400, -110));
        break;
      case 'not_started':
        break;
      case 'backdated': {
        update(between(adopted + 20, -450), 'in_progress');
        // A catch-up: entries that took effect months ago, recorded together on one day.
        const day = between(-30, -7);
        const n = between(2, 3);
        for (let k = 0; k < n; k++) update(-330 + Math.round((270 * k) / n) + between(0, 20), 'in_progress', { recordedDay: day, minute: 60 + k * 7, prefix: LATE[lang] });
        break;
      }
      case 'done_confirmed':
        steady(between(1, 3), between(adopted + 20, -500), between(-420, -300));
        close('completed', between(-280, -60), 'confirm');
        break;
      case 'done_pending':
        steady(between(1, 2), between(adopted + 20, -400), between(-300, -150));
        close('completed', between(-50, -3), null);
        break;
      case 'done_disputed':
        steady(between(1, 3), between(adopted + 20, -450), between(-350, -260));
        close('completed', between(-250, -40), 'dispute');
        break;
      case 'discontinued_confirmed':
        steady(between(1, 2), between(adopted + 20, -500), between(-450, -350));
        close('discontinued', between(-330, -100), 'confirm');
        break;
      case 'discontinued_pending':
        steady(1, adopted + 20, -300);
        close('discontinued', between(-40, -5), null);
        break;
    }
  }
  events.push(...assessments(plans, today, between, instant));
  // Stable: entries recorded at the same instant keep the order they were planned in.
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map((x) => x.e);
}

const VERDICTS: Partial<Record<Arc, { verdict: -1 | 0 | 1; confidence: Confidence; rationale: string }>> = {
  done_confirmed: { verdict: 1, confidence: 'high', rationale: '최종 결과 보고서가 제출되었고 상대국 기관이 완료를 확인하여 이행으로 평가합니다.' },
  done_disputed: { verdict: 0, confidence: 'medium', rationale: '주관 기관은 완료로 등록했으나 상대국 기관이 이견을 제기하여 부분 이행으로 평가합니다.' },
  delayed: { verdict: -1, confidence: 'medium', rationale: '기한이 경과했고 추진이 지연되어 미이행으로 평가합니다.' },
  on_track: { verdict: 0, confidence: 'low', rationale: '계획대로 추진 중이나 성과가 아직 나오지 않아 부분 이행으로 평가합니다.' },
  stale: { verdict: -1, confidence: 'low', rationale: '오랫동안 추진 실적이 등록되지 않아 미이행으로 평가합니다. 추가 확인이 필요합니다.' },
};

/** Two assessments for each of the arcs above, of the last two quarters, recorded after each quarter ends. */
function assessments(plans: readonly SamplePlan[], today: string, between: (a: number, b: number) => number, instant: (day: number) => number): SampleEvent[] {
  const last = previousQuarter(quarterOf(today));
  const quarters = [previousQuarter(last), last];
  const out: SampleEvent[] = [];
  for (const [arc, v] of Object.entries(VERDICTS) as [Arc, NonNullable<(typeof VERDICTS)[Arc]>][]) {
    plans
      .filter((p) => p.arc === arc)
      .slice(0, 2)
      .forEach((p, k) => {
        const q = quarters[k]!;
        const ended = Math.round((Date.parse(quarterRange(q).end) - Date.parse(today)) / DAY);
        out.push({ kind: 'assess', at: instant(Math.min(ended + between(7, 20), -1)), code: p.code, quarter: formatQuarter(q), ...v });
      });
  }
  return out;
}
