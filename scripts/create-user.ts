import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { databasePath, migrateDatabase, openDatabase } from '@/db/client';
import { ValidationError, type FieldErrors } from '@/lib/errors';
import { MESSAGES } from '@/lib/i18n/messages';
import { insertUser } from '@/lib/users/service';
import { CreateUserInput } from '@/lib/users/input';
import { fieldErrorsOf } from '@/lib/validation/common';

const USAGE = `Usage: npm run user:create -- --email EMAIL --role admin|analyst|official [--agency CODE] [--name NAME] [--name-ko KOREAN_NAME]
The password is read from the USER_PASSWORD environment variable, or from standard input.`;

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const answer = await rl.question(process.stdin.isTTY ? 'Password (at least 12 characters): ' : '');
  rl.close();
  return answer.trim();
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' }, name: { type: 'string' }, 'name-ko': { type: 'string' } },
  });
  if (!values.email || !values.role) throw new Error(USAGE);
  const parsed = CreateUserInput.safeParse({
    email: values.email,
    role: values.role,
    agencyCode: values.agency,
    name: values.name ?? values.email,
    nameKo: values['name-ko'],
    password: await readPassword(),
  });
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const db = openDatabase();
  migrateDatabase(db);
  const user = await insertUser(db, parsed.data, { mustChangePassword: false, actor: null, origin: 'cli' });
  db.$client.close();
  console.log(`Created ${user.role} ${user.email} (id ${user.id}) in ${databasePath()}`);
}

/** Field errors as the forms word them, in Korean when LANG says so, with their codes. */
function describeRefusal(fieldErrors: FieldErrors): string {
  const words: Record<string, string> = MESSAGES[process.env.LANG?.startsWith('ko') ? 'ko' : 'en'].validation;
  const lines = Object.entries(fieldErrors).flatMap(([field, codes]) => codes.map((c) => `  ${field}: ${words[c] ?? c} (${c})`));
  return ['Refused:', ...lines].join('\n');
}

main().catch((e: unknown) => {
  if (e instanceof ValidationError) console.error(describeRefusal(e.fieldErrors));
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
