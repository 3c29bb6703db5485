/**
 * The read model's answer cache: answers keyed by what they were computed from (the view and its
 * arguments: see `answerKey`) and valid for one data version only (lib/read-model/version.ts).
 *
 * - A hit returns the stored answer: no SQL, no worker.
 * - An answer is stored with the data version read just *before* it was computed (by the thread
 *   computing it, on the connection it computes on). Its data are at least that new, so it is
 *   never older than its tag. Once the version moves on, nothing older is returned: the first
 *   read at a new version drops every entry.
 * - Concurrent misses on one key share one computation (no stampede after a write).
 * - Bounded by memory: each entry's size is its JSON's length in bytes (UTF-16, as V8 holds the
 *   string), least recently used first out. An answer larger than a quarter of the bound is
 *   returned but not kept.
 * - Answers are frozen (deeply) before they are shared: a caller cannot change what the next
 *   reader gets.
 */

export interface CacheStats {
  hits: number;
  misses: number;
  /** Misses that waited for a computation already running for the same key. */
  shared: number;
  evictions: number;
  /** Entries dropped because the data version moved on. */
  invalidations: number;
  entries: number;
  bytes: number;
  maxBytes: number;
  version: number | null;
  /** hits / (hits + misses + shared), or null before any read. */
  hitRate: number | null;
}

/** An answer and the data version read just before it was computed. */
export interface Computed<T> {
  value: T;
  version: number;
}

interface Entry {
  value: unknown;
  bytes: number;
}

/** A key from a view's name and arguments, the same whatever the order of the arguments' properties. */
export function answerKey(view: string, args: unknown): string {
  return `${view}:${JSON.stringify(args, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? sortedObject(value as Record<string, unknown>) : value))}`;
}

function sortedObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<unknown>>();
  private version: number | null = null;
  private bytes = 0;
  private counts = { hits: 0, misses: 0, shared: 0, evictions: 0, invalidations: 0 };

  constructor(readonly maxBytes: number) {}

  /**
   * The answer for `key` at data version `version` (or newer): the stored one, the one being
   * computed, or a new one from `compute`, stored under the version it was computed at unless a
   * reader has seen a newer one meanwhile.
   */
  async get<T>(key: string, version: number, compute: () => Promise<Computed<T>>): Promise<T> {
    this.moveTo(version);
    const entry = this.entries.get(key);
    if (entry) {
      this.counts.hits++;
      // Most recently used last (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as T;
    }
    const runKey = `${version}\u0000${key}`;
    const running = this.running.get(runKey);
    if (running) {
      this.counts.shared++;
      return running as Promise<T>;
    }
    this.counts.misses++;
    const promise = compute().then((computed) => {
      const frozen = deepFreeze(computed.value);
      // Computed at `version` or later (the worker reads the version itself, after the request did).
      const at = Math.max(version, computed.version);
      this.moveTo(at);
      if (this.maxBytes > 0 && this.version === at) this.store(key, frozen);
      return frozen;
    });
    this.running.set(runKey, promise);
    const done = () => this.running.delete(runKey);
    promise.then(done, done);
    return promise;
  }

  /** Whether `key` is stored for `version` (a read now would be a hit). */
  has(key: string, version: number): boolean {
    return this.version === version && this.entries.has(key);
  }

  /** Drops every entry older than `version` (a version never goes back: an older one is ignored). */
  moveTo(version: number): void {
    if (this.version !== null && version <= this.version) return;
    if (this.entries.size) this.counts.invalidations += this.entries.size;
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }

  private store(key: string, value: unknown): void {
    const bytes = sizeOf(value);
    if (bytes > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
      this.counts.evictions++;
    }
  }

  stats(): CacheStats {
    const reads = this.counts.hits + this.counts.misses + this.counts.shared;
    return {
      ...this.counts,
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      version: this.version,
      hitRate: reads ? this.counts.hits / reads : null,
    };
  }
}

/** An answer's weight in memory, roughly: its JSON in UTF-16. */
function sizeOf(value: unknown): number {
  return (JSON.stringify(value)?.length ?? 0) * 2;
}
