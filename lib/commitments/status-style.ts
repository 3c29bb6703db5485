import type { Status } from './vocabulary';

/**
 * One colour per status, used by badges and charts alike. Okabe–Ito hues, chosen to stay
 * distinguishable with the common colour-vision deficiencies; badges also carry the text.
 */
export const STATUS_COLORS: Record<Status, string> = {
  not_started: '#8c8c8c',
  in_progress: '#0072b2',
  at_risk: '#e69f00',
  delayed: '#d55e00',
  completed: '#009e73',
  discontinued: '#3d3d3d',
};
