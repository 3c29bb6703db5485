/** A valid new commitment as the admin form sends it (codes in lower case, partners as text). */
export const newCommitment = {
  code: 'cet23-bio-09',
  dialogueCode: 'KR-US-CET-2023',
  areaCode: 'BIO',
  titleKo: '새 합의',
  titleEn: 'New commitment',
  leadAgencyCode: 'MOHW',
  partners: 'NIH:counterpart; DOE',
  due: '2025-H1',
  targetEn: '3 joint calls',
};
