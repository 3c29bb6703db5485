import type { CSSProperties } from 'react';
import type { Status } from './vocabulary';

/**
 * One colour per status for chart marks, legends and the badges' tint and border. Okabe–Ito hues,
 * chosen to stay distinguishable with the common colour-vision deficiencies.
 */
export const STATUS_COLORS: Record<Status, string> = {
  not_started: '#8c8c8c',
  in_progress: '#0072b2',
  at_risk: '#e69f00',
  delayed: '#d55e00',
  completed: '#009e73',
  discontinued: '#3d3d3d',
};

/**
 * A status badge's text: a darker shade of the same hue, at least 4.5:1 on the badge's tint
 * (WCAG 1.4.3). Most hues are too light to be read as text (at risk is 2:1 on its tint).
 */
export const STATUS_TEXT_COLORS: Record<Status, string> = {
  not_started: '#5b5b5b',
  in_progress: '#006197',
  at_risk: '#7f5700',
  delayed: '#954200',
  completed: '#00674b',
  discontinued: '#3d3d3d',
};

/** How much of its hue a badge's background holds, as `.badge` in app/globals.css mixes it with white. */
export const BADGE_TINT_SHARE = 0.12;

/** A `.badge`'s colours: the hue tints it and draws its border; the text takes the darker shade. */
export const badgeStyle = (hue: string, text = hue) => ({ '--badge-color': hue, '--badge-text': text }) as CSSProperties;

/** A status badge's colours. */
export const statusBadgeStyle = (status: Status) => badgeStyle(STATUS_COLORS[status], STATUS_TEXT_COLORS[status]);

/** Marks on a self-reported closing status (the list's claim marks): colours dark enough to be the text. */
export const CLAIM_BADGE_COLORS = { pending: '#0b4f8a', disputed: '#b3261e', overdue: '#7a5b00' } as const;
