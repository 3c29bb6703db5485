import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * The tests Stryker runs (`npm run test:mutation`): stryker.config.mjs passes the chosen group's
 * test files in MUTATION_TESTS. Only those run, also for mutants in module-level code that
 * Stryker cannot tie to single tests, so such a mutant costs one run of the group's tests.
 */
const tests: string[] = JSON.parse(process.env.MUTATION_TESTS ?? '[]');
if (!tests.length) throw new Error('vitest.mutation.config.mts is for `npm run test:mutation` (MUTATION_TESTS is empty)');

export default defineConfig({ ...base, test: { ...base.test, include: tests } });
