/**
 * The server's claim on its database file: `<database>.lock`, holding {"pid", "startedAt"}.
 * server.js takes it before serving and gives it up when it stops; `npm run db:restore` refuses to
 * replace a database whose lock names a live process. Plain CommonJS so server.js can require it.
 */
const fs = require('node:fs');

/** @param {string} databaseFile */
function lockPath(databaseFile) {
  return `${databaseFile}.lock`;
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another account.
    return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
  }
}

/**
 * The live process holding the database, or null (no lock, an unreadable one, or a stale one left
 * by a process that died without releasing it).
 * @param {string} databaseFile
 * @returns {{ pid: number, startedAt: string } | null}
 */
function lockHolder(databaseFile) {
  let text;
  try {
    text = fs.readFileSync(lockPath(databaseFile), 'utf8');
  } catch {
    return null;
  }
  try {
    const held = JSON.parse(text);
    if (!Number.isInteger(held.pid) || held.pid <= 0) return null;
    return isAlive(held.pid) && held.pid !== process.pid ? { pid: held.pid, startedAt: String(held.startedAt) } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock for this process; throws when a live process holds it. A stale lock is replaced.
 * @param {string} databaseFile
 */
function acquireLock(databaseFile) {
  const holder = lockHolder(databaseFile);
  if (holder) throw new Error(`${databaseFile} is held by process ${holder.pid} (started ${holder.startedAt}); stop it first`);
  const file = lockPath(databaseFile);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Gives the lock up if this process holds it.
 * @param {string} databaseFile
 */
function releaseLock(databaseFile) {
  try {
    const held = JSON.parse(fs.readFileSync(lockPath(databaseFile), 'utf8'));
    if (held.pid === process.pid) fs.unlinkSync(lockPath(databaseFile));
  } catch {
    // No lock, or not ours: nothing to release.
  }
}

module.exports = { lockPath, lockHolder, acquireLock, releaseLock };
