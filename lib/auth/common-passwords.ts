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

/** Long passwords the list misses but guessers try first (the app's own list before the package). */
const KNOWN_LONG = new Set(['correcthorsebatterystaple', 'trustno1trustno1', 'masterpassword', 'administrator', 'changeme1234', 'passwordpassword']);

/** Keyboard rows and the alphabet: a password that is a run of one of them (either way) is common. */
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1234567890', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', 'qazwsxedcrfvtgbyhnujmikolp'];

function isSequence(p: string): boolean {
  const core = p.replace(/[^\p{L}\p{N}]+/gu, '');
  if (core.length < 8) return false;
  return SEQUENCES.some((run) => run.includes(core) || [...run].reverse().join('').includes(core));
}

/** Letters written as look-alike digits and symbols (`p@ssw0rd`), read back as letters. */
const LOOK_ALIKES: Record<string, string> = { '@': 'a', '4': 'a', '$': 's', '5': 's', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '7': 't' };
function unLeet(p: string, chars: RegExp): string {
  // Again until nothing changes: `p@$$w0rd` needs its second `$` read before its first.
  for (let prev = ''; prev !== p; ) [prev, p] = [p, p.replace(chars, (c) => LOOK_ALIKES[c]!)];
  return p;
}
/** Symbols anywhere next to a letter; digits too (a trailing `1234` can then lose its `1`, so both are tried). */
const LEET_SYMBOLS = /(?<=\p{L})[@$!]|[@$!](?=\p{L})/gu;
const LEET_ALL = /(?<=\p{L})[@4$50!137]|[@4$50!137](?=\p{L})/gu;

/**
 * True for a password on the common list (case-insensitively, look-alike characters read as the
 * letters they stand for), a top-10,000 one with only digits or symbols around it, two top-10,000
 * ones joined (`qwertyqwerty`, `iloveyou12345`), or a run of the keyboard or the alphabet.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (KNOWN_LONG.has(lower) || isSequence(lower)) return true;
  const forms = new Set([lower, unLeet(lower, LEET_SYMBOLS), unLeet(lower, LEET_ALL)]);
  return [...forms].some(isCommonForm);
}

function isCommonForm(p: string): boolean {
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
