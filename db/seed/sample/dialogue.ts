import { addDays } from '@/lib/periods/dates';
import { parseDuePeriod } from '@/lib/periods/due-period';
import { krUsCet2023 } from '../data/kr-us-cet-2023';
import { inferred, NOT_STATED, type SeedAgency, type SeedCommitment, type SeedDialogue } from '../types';
import { SAMPLE_TOPICS } from './topics';
import { seededRandom } from '@/lib/random';

/**
 * The sample dialogue `npm run demo` adds so a newcomer sees what the product is for: invented
 * agencies on two sides, 60 commitments and two years of history. Everything in it is synthetic
 * (`dialogues.synthetic`), and every view and export says so. Real dialogues keep real history only.
 */
export const SAMPLE_DIALOGUE_CODE = 'SAMPLE';
/** The dialogue was held this many days before the seed day: the history spans two years. */
export const SAMPLE_SPAN_DAYS = 730;

const INVENTED = inferred('시연용으로 만든 가상 자료입니다.', 'Invented for the demo.');
const EXCERPT = '시연용으로 만든 가상 합의 사항이며, 실제 합의문에서 인용한 문장이 아닙니다.';

export const SAMPLE_AGENCIES: readonly SeedAgency[] = [
  { code: 'SAMPLE-KA', nameKo: '가상 부처 가', nameEn: 'Sample Ministry A (synthetic)', country: 'KR', kind: 'ministry' },
  { code: 'SAMPLE-KB', nameKo: '가상 부처 나', nameEn: 'Sample Ministry B (synthetic)', country: 'KR', kind: 'ministry' },
  { code: 'SAMPLE-KC', nameKo: '가상 연구원 다', nameEn: 'Sample Institute C (synthetic)', country: 'KR', kind: 'institute' },
  { code: 'SAMPLE-UA', nameKo: '미 가상 부처 A', nameEn: 'Sample Department A (synthetic)', country: 'US', kind: 'ministry' },
  { code: 'SAMPLE-UB', nameKo: '미 가상 부처 B', nameEn: 'Sample Department B (synthetic)', country: 'US', kind: 'ministry' },
  { code: 'SAMPLE-UC', nameKo: '미 가상 연구소 C', nameEn: 'Sample Laboratory C (synthetic)', country: 'US', kind: 'national_lab' },
];

/** One demo official per sample agency: `<agency code>@demo.example`, the demo password. */
export const SAMPLE_OFFICIALS = SAMPLE_AGENCIES.map((a) => ({
  agencyCode: a.code,
  email: `${a.code.toLowerCase()}@demo.example`,
  name: `${a.nameEn.replace(' (synthetic)', '')} official`,
  nameKo: `${a.nameKo} 담당자`,
}));

/** How a commitment's story goes; history.ts writes it. Counts add up to 60. */
export const ARC_COUNTS = {
  on_track: 12,
  at_risk: 6,
  delayed: 6,
  overdue: 3,
  stale: 6,
  not_started: 5,
  backdated: 4,
  done_confirmed: 8,
  done_pending: 4,
  done_disputed: 3,
  discontinued_confirmed: 2,
  discontinued_pending: 1,
} as const;
export type Arc = keyof typeof ARC_COUNTS;

export interface SamplePlan {
  code: string;
  arc: Arc;
  leadCode: string;
  counterpartCode: string;
  /** The due period's end in days from the seed day (null: ongoing). */
  dueEnd: number | null;
}

/** Deterministic (lib/random.ts): the same seed day always gives the same sample. */
export const rng = seededRandom;
export const SAMPLE_SEED = 20_231_209;

const DUE_KINDS = ['year', 'half', 'quarter', 'early', 'late', 'mid', 'month', 'none'] as const;
type DueKind = (typeof DUE_KINDS)[number];
/** Where each arc's due period lies, in months from the seed day; `past` arcs must be overdue. */
const DUE_WINDOW: Record<Arc, { from: number; to: number; must?: 'past' | 'future' }> = {
  on_track: { from: 3, to: 18, must: 'future' },
  at_risk: { from: 1, to: 8, must: 'future' },
  delayed: { from: -10, to: -2, must: 'past' },
  overdue: { from: -8, to: -1, must: 'past' },
  stale: { from: -6, to: 12 },
  not_started: { from: 4, to: 18, must: 'future' },
  backdated: { from: 3, to: 18, must: 'future' },
  done_confirmed: { from: -14, to: 4 },
  done_pending: { from: -4, to: 6 },
  done_disputed: { from: -10, to: 4 },
  discontinued_confirmed: { from: -12, to: 6 },
  discontinued_pending: { from: -2, to: 8 },
};

function specFor(kind: DueKind, year: number, month: number): string {
  const part = month <= 4 ? 'early' : month <= 8 ? 'mid' : 'late';
  switch (kind) {
    case 'year':
      return `${year}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'none':
      return 'ongoing';
    default:
      // The part of the year the month is in, named by the kind where it matches it.
      return kind === part ? `${kind}-${year}` : `${part}-${year}`;
  }
}

/** A due period of the wanted kind around `months` from today, narrowed until it lies where the arc needs it. */
function dueSpec(kind: DueKind, today: string, months: number, must: 'past' | 'future' | undefined): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const fits = (spec: string) => {
    const end = parseDuePeriod(spec).end;
    if (must === 'past') return end !== null && end < addDays(today, -14);
    if (must === 'future') return end === null || end > addDays(today, 30);
    return true;
  };
  const tries = [kind, 'half', 'quarter', 'month'] as DueKind[];
  return tries.map((k) => specFor(k === 'none' && must === 'past' ? 'quarter' : k, year, month)).find(fits) ?? specFor('month', year, month);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The sample dialogue (held SAMPLE_SPAN_DAYS before `today`) and each commitment's plan. */
export function buildSample(today: string): { dialogue: SeedDialogue; plans: SamplePlan[] } {
  const random = rng(SAMPLE_SEED);
  const arcs = (Object.entries(ARC_COUNTS) as [Arc, number][]).flatMap(([arc, n]) => Array<Arc>(n).fill(arc));
  // A fixed shuffle, so arcs mix across areas and agencies.
  for (let i = arcs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [arcs[i], arcs[j]] = [arcs[j]!, arcs[i]!];
  }
  const kr = SAMPLE_AGENCIES.filter((a) => a.country === 'KR');
  const us = SAMPLE_AGENCIES.filter((a) => a.country === 'US');
  const commitments: SeedCommitment[] = [];
  const plans: SamplePlan[] = [];
  let i = 0;
  for (const [areaCode, topics] of Object.entries(SAMPLE_TOPICS)) {
    topics.forEach((topic, n) => {
      const arc = arcs[i]!;
      const [own, other] = i % 2 === 0 ? [kr, us] : [us, kr];
      const lead = own[i % 3]!;
      const counterpart = other[(i + 1) % 3]!;
      const participant = i % 3 === 0 ? own[(i + 1) % 3]! : null;
      const window = DUE_WINDOW[arc];
      const kind = DUE_KINDS[i % DUE_KINDS.length]!;
      const due = dueSpec(kind, today, window.from + Math.floor(random() * (window.to - window.from + 1)), window.must);
      const code = `SAMPLE-${areaCode}-${String(n + 1).padStart(2, '0')}`;
      commitments.push({
        code,
        areaCode,
        titleKo: topic.ko,
        titleEn: topic.en,
        descriptionKo: `주관 기관(${lead.nameKo})과 상대국 기관(${counterpart.nameKo})이 함께 추진하는 것으로 설정한 시연용 가상 합의 사항입니다. 실제 합의와는 관계가 없습니다.`,
        descriptionEn: `Invented for the demo: ${lead.nameEn} and ${counterpart.nameEn} take this forward together. It is no real commitment.`,
        leadAgencyCode: lead.code,
        leadBasis: INVENTED,
        partners: [
          { agencyCode: counterpart.code, role: 'counterpart', basis: INVENTED },
          ...(participant ? [{ agencyCode: participant.code, role: 'participant' as const, basis: INVENTED }] : []),
        ],
        due,
        dueBasis: due === 'ongoing' ? NOT_STATED : INVENTED,
        targetKo: topic.target?.ko ?? null,
        targetEn: topic.target?.en ?? null,
        ...(topic.target ? { targetBasis: INVENTED } : {}),
        sourceExcerpt: EXCERPT,
      });
      const end = parseDuePeriod(due).end;
      plans.push({ code, arc, leadCode: lead.code, counterpartCode: counterpart.code, dueEnd: end === null ? null : daysBetween(today, end) });
      i += 1;
    });
  }
  const areas = new Set(Object.keys(SAMPLE_TOPICS));
  const dialogue: SeedDialogue = {
    code: SAMPLE_DIALOGUE_CODE,
    nameKo: '예시 대화(가상)',
    nameEn: 'Sample dialogue (synthetic)',
    synthetic: true,
    heldOn: addDays(today, -SAMPLE_SPAN_DAYS),
    placeKo: '가상 도시',
    placeEn: 'Sample City (synthetic)',
    coChairsKo: '가상 공동의장 2명',
    coChairsEn: 'Two invented co-chairs',
    sourceTitle: '예시 대화 합의 사항(가상 자료, 실제 합의문 아님)',
    sourcePublisher: '시연용 가상 자료 (Synthetic demo data)',
    sourceUrl: null,
    sourceFile: null,
    participantAgencyCodes: SAMPLE_AGENCIES.map((a) => a.code),
    agencies: [...SAMPLE_AGENCIES],
    // The shipped dialogue's areas (the sample adds none); the trilateral one does not fit a two-sided sample.
    areas: krUsCet2023.areas.filter((a) => areas.has(a.code)),
    commitments,
  };
  return { dialogue, plans };
}
