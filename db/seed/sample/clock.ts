/**
 * Runs a synchronous function with the clock set to `instant` (epoch milliseconds): `new Date()`
 * and `Date.now()` return it, every other use of Date is unchanged.
 *
 * Why: the sample dialogue's history is written through the real services (status updates, claim
 * answers, assessments), so its history, claims, audit events and derived tables are exactly what
 * people recording it would have produced. Those services stamp the recorded time from the clock;
 * the sample needs entries recorded in the past (back-dated entries, stale commitments). The
 * services are synchronous, so the clock is set for the duration of one call and nothing else runs
 * meanwhile.
 */
export function atInstant<T>(instant: number, run: () => T): T {
  const RealDate = globalThis.Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(instant);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return instant;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    const result = run();
    if (result instanceof Promise) throw new Error('atInstant runs synchronous functions only');
    return result;
  } finally {
    globalThis.Date = RealDate;
  }
}
