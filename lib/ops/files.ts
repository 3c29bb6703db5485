import fs from 'node:fs';
import path from 'node:path';

/** An operator command that will not go ahead (file missing, in use, failing its checks…). */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

/** SQLite's files beside a database: a backup or restore creates, moves or removes them together. */
export const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/**
 * A temporary name beside `target`, in its folder, so the final rename stays on one filesystem
 * (atomic) and a copy interrupted half-way never carries the final name.
 */
export function tempPathBeside(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${purpose}-${process.pid}.tmp`);
}

/** Forces a file's contents to disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Forces a folder's entries (a rename into it) to disk. */
export function fsyncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a (temporary) database file and any journal, WAL or shared-memory file beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', ...COMPANION_SUFFIXES]) fs.rmSync(file + suffix, { force: true });
}

/** Whether two paths name one existing file (the same path, a link, or another route to it). */
export function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** `1.2 MB (1,234,567 bytes)`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const short = unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
  return unit === 0 ? short : `${short} (${bytes.toLocaleString('en-US')} bytes)`;
}

/** Seconds with two decimals, for the commands' output. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
