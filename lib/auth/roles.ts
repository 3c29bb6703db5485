export const ROLES = ['admin', 'official', 'analyst'] as const;
export type Role = (typeof ROLES)[number];
