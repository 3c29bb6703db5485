import { CLAIM_OVERDUE_DAYS } from '@/lib/commitments/vocabulary';
import type { TodoItem, TodoKind } from './kinds';

/** What the page and the e-mail say about an item, as message keys under `todo.` and their values. */
export interface TodoFacts {
  /** `todo.dates.*`: the date the item is about. */
  date: { key: 'claimed' | 'due' | 'lastUpdate' | 'adopted'; iso: string };
  /** `todo.*`: how long it has waited, is overdue, or has left. */
  days: { key: 'waiting' | 'overdueBy' | 'dueIn' | 'staleFor'; days: number };
  /** `todo.claim.*`: the claim's state beside the status, for claims. */
  claim: 'pending' | 'disputed' | null;
  /** A claim waiting for an answer longer than CLAIM_OVERDUE_DAYS. */
  late: boolean;
  /** `todo.actions.*`: what the link does. */
  action: 'confirm' | 'update';
}

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const DAYS_KEY: Record<TodoKind, TodoFacts['days']['key']> = {
  disputed: 'waiting',
  confirm: 'waiting',
  overdue: 'overdueBy',
  due_soon: 'dueIn',
  stale: 'staleFor',
};

/** The facts an item is shown with on `today`. */
export function describeTodoItem(item: Pick<TodoItem, 'kind' | 'since' | 'lastUpdate'>, today: string): TodoFacts {
  const { kind, since } = item;
  const claim = kind === 'confirm' ? 'pending' : kind === 'disputed' ? 'disputed' : null;
  const dateKey = claim ? 'claimed' : kind === 'stale' ? (item.lastUpdate ? 'lastUpdate' : 'adopted') : 'due';
  const days = kind === 'due_soon' ? daysFrom(today, since) : daysFrom(since, today);
  return {
    date: { key: dateKey, iso: since },
    days: { key: DAYS_KEY[kind], days },
    claim,
    late: kind === 'confirm' && days > CLAIM_OVERDUE_DAYS,
    action: kind === 'confirm' ? 'confirm' : 'update',
  };
}

/** The items of each kind, in the list's order, leaving out kinds without items. */
export function groupTodoItems<T extends Pick<TodoItem, 'kind'>>(items: T[], kinds: readonly TodoKind[]): { kind: TodoKind; items: T[] }[] {
  return kinds.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
}
