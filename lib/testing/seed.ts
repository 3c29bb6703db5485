/**
 * The seed of a randomised test: its own fixed one, or TEST_SEED from the environment to replay a
 * printed seed or try another (`TEST_SEED=11 npx vitest run <file>`). Each seed used is printed once
 * per test file, so a failure names the seed that reproduces it.
 */
export function testSeed(fixed: number, what = 'random data'): number {
  const override = process.env.TEST_SEED?.trim();
  const seed = override ? Number(override) : fixed;
  if (!Number.isInteger(seed)) throw new Error(`TEST_SEED must be an integer, not ${JSON.stringify(override)}`);
  const key = `${what}:${seed}`;
  if (!printed.has(key)) {
    printed.add(key);
    console.info(`${what}: seed ${seed} (TEST_SEED=${seed} replays it)`);
  }
  return seed;
}

const printed = new Set<string>();
