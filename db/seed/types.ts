import type { AgencyKind, Country, PartnerRole } from '@/lib/commitments/vocabulary';

/** Reference data for one dialogue, kept in the repository and imported by the seed. */
export interface SeedAgency {
  /** Usual English acronym in capitals, e.g. MSIT, NIST. Unique across all dialogues. */
  code: string;
  nameKo: string;
  /** The short name Korean officials use (GLOSSARY.md: 과기정통부, 미 상무부, NSF); omitted when the Korean name is already short. */
  shortNameKo?: string;
  nameEn: string;
  country: Country;
  kind: AgencyKind;
}

export interface SeedArea {
  /** Short upper-case code used inside commitment codes, e.g. SEMI, BIO. */
  code: string;
  nameKo: string;
  nameEn: string;
  sortOrder: number;
}

/** Why an agency, a due period or a target is what it is (see lib/commitments/basis.ts). */
export type SeedBasis = { stated: string } | { inferred: { ko: string; en: string } };
/** A due period may also rest on nothing: the source gives no time. */
export type SeedDueBasis = SeedBasis | { notStated: true };

/** The source names it: `words` are the words of the excerpt that do. */
export const stated = (words: string): SeedBasis => ({ stated: words });
/** Someone inferred it: why, in both languages. */
export const inferred = (ko: string, en: string): SeedBasis => ({ inferred: { ko, en } });
/** The source gives no time (the due period is then `ongoing`). */
export const NOT_STATED: SeedDueBasis = { notStated: true };

export interface SeedPartner {
  agencyCode: string;
  role: PartnerRole;
  basis: SeedBasis;
}

export interface SeedCommitment {
  /** Stable human code, e.g. CET23-BIO-01. */
  code: string;
  areaCode: string;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  leadAgencyCode: string;
  leadBasis: SeedBasis;
  partners: SeedPartner[];
  /** Due-period spec understood by lib/periods (e.g. "2024", "early-2024", "ongoing"). */
  due: string;
  dueBasis: SeedDueBasis;
  targetKo: string | null;
  targetEn: string | null;
  /** Required when there is a target. */
  targetBasis?: SeedBasis;
  /** Verbatim Korean sentence(s) of the source the commitment came from. */
  sourceExcerpt: string;
}

export interface SeedDialogue {
  /** Stable code, e.g. KR-US-CET-2023. */
  code: string;
  nameKo: string;
  nameEn: string;
  /** Invented demo data (the sample dialogue): every view and export marks it. */
  synthetic?: boolean;
  /** ISO date the dialogue was held. */
  heldOn: string;
  placeKo: string;
  placeEn: string;
  coChairsKo: string;
  coChairsEn: string;
  sourceTitle: string;
  sourcePublisher: string;
  sourceUrl: string | null;
  /** Path of the source file relative to the shared sources folder, when there is one. */
  sourceFile: string | null;
  /** Agencies that took part in the meeting itself (not only those named in commitments). */
  participantAgencyCodes: string[];
  agencies: SeedAgency[];
  areas: SeedArea[];
  commitments: SeedCommitment[];
}
