/** How commitments falling due in a quarter stand: the due timeline's segments. */
export const DUE_CATEGORIES = ['completed', 'onCourse', 'overdue', 'discontinued'] as const;
export type DueCategory = (typeof DUE_CATEGORIES)[number];
export const DUE_COLORS: Record<DueCategory, string> = { completed: '#009e73', onCourse: '#0072b2', overdue: '#d55e00', discontinued: '#3d3d3d' };
