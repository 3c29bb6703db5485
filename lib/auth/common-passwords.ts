import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Common passwords, most common first: the `passwords-common` list of @zxcvbn-ts/language-common
 * (MIT, about 49,000 entries drawn from breach corpora). The whole list is refused as it stands;
 * its first 10,000 also as the building blocks of "common password + digits" and "two common
 * passwords joined", which a 12-character minimum otherwise lets through (`iloveyou12345`).
 */
const TOP_BLOCKS = 10_000;
/** Shorter entries ("abc", "123") are too short to call a password built from them common. */
const MIN_BLOCK_LENGTH = 4;

let all: Set<string> | undefined;
let blocks: Set<string> | undefined;

function lists(): { all: Set<string>; blocks: Set<string> } {
  if (!all || !blocks) {
    const ranked = dictionary['passwords-common'];
    all = new Set(ranked.map((p) => p.toLowerCase()));
    blocks = new Set(
      ranked
        .slice(0, TOP_BLOCKS)
        .map((p) => p.toLowerCase())
        .filter((p) => p.length >= MIN_BLOCK_LENGTH),
    );
  }
  return { all, blocks };
}

/** True when the text is a common password, or one padded with digits and symbols. */
function isCommonCore(text: string, set: Set<string>): boolean {
  const core = text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return set.has(text) || (core.length >= MIN_BLOCK_LENGTH && set.has(core));
}

/**
 * True for a password on the common list (case-insensitively), a top-10,000 one with only
 * digits or symbols around it, or two top-10,000 ones joined (`qwertyqwerty`, `iloveyou12345`).
 */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  const { all, blocks } = lists();
  if (all.has(p) || isCommonCore(p, blocks)) return true;
  for (let i = MIN_BLOCK_LENGTH; i <= p.length - MIN_BLOCK_LENGTH; i++) {
    const head = p.slice(0, i);
    const tail = p.slice(i);
    if (blocks.has(head) && (blocks.has(tail) || all.has(tail) || /^[^\p{L}]+$/u.test(tail))) return true;
  }
  return false;
}

/** True when the password contains the local part of the e-mail address (3+ characters). */
export function containsEmailLocalPart(password: string, email: string): boolean {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  return local.length >= 3 && password.toLowerCase().includes(local);
}
