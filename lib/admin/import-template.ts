import 'server-only';
import { asc, desc, eq, like } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, areas, commitments, dialogues } from '@/db/schema';
import { CSV_COLUMNS } from './csv-import';

type Reader = Pick<Db, 'select'>;

/** The codes an import row may refer to, as the page lists them. */
export function importCodes(db: Reader) {
  return {
    dialogues: db.select({ code: dialogues.code, nameKo: dialogues.nameKo, nameEn: dialogues.nameEn, heldOn: dialogues.heldOn }).from(dialogues).orderBy(desc(dialogues.heldOn), asc(dialogues.code)).all(),
    areas: db.select({ code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).orderBy(asc(areas.sortOrder), asc(areas.code)).all(),
    agencies: db.select({ code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country, kind: agencies.kind }).from(agencies).orderBy(asc(agencies.country), asc(agencies.code)).all(),
  };
}
export type ImportCodes = ReturnType<typeof importCodes>;

const EXAMPLE_CODE = 'EXAMPLE';

/** The first of EXAMPLE-01, EXAMPLE-02, … no commitment has yet. */
function freeExampleCode(db: Reader): string {
  const taken = new Set(db.select({ code: commitments.code }).from(commitments).where(like(commitments.code, `${EXAMPLE_CODE}-%`)).all().map((c) => c.code));
  for (let n = 1; ; n++) {
    const code = `${EXAMPLE_CODE}-${String(n).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
}

/**
 * One example row that imports as it is into this database: its newest real dialogue, first area,
 * a Korean lead agency and a counterpart from another country (placeholders where there are none).
 */
function exampleRow(db: Reader): Record<keyof typeof CSV_COLUMNS, string> {
  const codes = importCodes(db);
  const synthetic = new Set(db.select({ code: dialogues.code }).from(dialogues).where(eq(dialogues.synthetic, true)).all().map((d) => d.code));
  const dialogue = codes.dialogues.find((d) => !synthetic.has(d.code)) ?? codes.dialogues[0];
  const offices = codes.agencies.filter((a) => a.kind !== 'government');
  const lead = offices.find((a) => a.code === 'MSIT') ?? offices.find((a) => a.country === 'KR') ?? offices[0];
  const counterpart = offices.find((a) => lead && a.country !== lead.country);
  const year = Number((dialogue?.heldOn ?? new Date().toISOString()).slice(0, 4)) + 1;
  return {
    code: freeExampleCode(db),
    dialogue: dialogue?.code ?? 'DIALOGUE-CODE',
    area: codes.areas[0]?.code ?? 'AREA-CODE',
    title_ko: '예시: 공동 연구 과제 공모',
    title_en: 'Example: a joint research call',
    description_ko: '예시 행입니다. 실제 합의 사항으로 바꿔 입력해 주세요.',
    description_en: 'An example row: replace it with a real commitment.',
    lead_agency: lead?.code ?? 'AGENCY-CODE',
    lead_basis: '',
    lead_basis_words: '',
    partners: counterpart ? `${counterpart.code}:counterpart` : '',
    inferred_reason_ko: '소관 업무로 추정',
    inferred_reason_en: 'Inferred from the agency’s remit',
    due: `${year}-Q4`,
    due_basis_words: '',
    target_ko: '공동 공모 1건',
    target_en: 'One joint call',
    target_basis_words: '',
    source_excerpt: '',
  };
}

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The import's CSV template: the header row the importer reads (every column, lib/admin/csv-import.ts)
 * and one example row, UTF-8 with a byte-order mark so spreadsheet programs read the Korean.
 */
export function importTemplateCsv(db: Reader): string {
  const columns = Object.keys(CSV_COLUMNS) as (keyof typeof CSV_COLUMNS)[];
  const row = exampleRow(db);
  return `\uFEFF${[columns, columns.map((c) => row[c])].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export const IMPORT_TEMPLATE_FILE_NAME = 'commitments-import-template.csv';
