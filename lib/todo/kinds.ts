import type { Status } from '@/lib/commitments/vocabulary';

/** Days ahead that "falls due soon" looks. */
export const DUE_SOON_DAYS = 30;

/** The kinds of to-do item, most urgent first. */
export const TODO_KINDS = ['disputed', 'confirm', 'overdue', 'due_soon', 'stale'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export interface TodoItem {
  kind: TodoKind;
  code: string;
  titleKo: string;
  titleEn: string;
  status: Status;
  progress: number;
  dueSpec: string;
  dueEnd: string | null;
  lastUpdate: string | null;
  /** The date the item is about: the claim's, the due date, or the last update (the adoption without one). */
  since: string;
  /** The claim to answer or that was disputed. */
  claimUpdateId: number | null;
  /** Where the form that resolves it is: the commitment page's confirmation or update form. */
  href: string;
}

export interface Todo {
  agency: { code: string; nameKo: string; shortNameKo?: string | null; nameEn: string; country: string };
  items: TodoItem[];
  counts: Record<TodoKind, number> & { total: number };
}
