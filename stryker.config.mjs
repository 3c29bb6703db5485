// @ts-check
/**
 * Mutation testing of the code that decides: `npm run test:mutation` (not part of `npm test`).
 * MUTATION_GROUP picks one group (default: all): its source files are mutated and only its own
 * tests run, so a mutant Stryker cannot tie to single tests (module-level code, "static") costs
 * one run of those tests and not of the whole suite. Each group keeps its incremental file and
 * report under reports/mutation/<group>/, so a rerun only tests what changed. See the README.
 */
const GROUPS = {
  periods: {
    mutate: ['lib/periods/*.ts', '!lib/periods/*.test.ts'],
    tests: ['lib/periods/*.test.ts'],
  },
  auth: {
    mutate: ['lib/auth/policy.ts', 'lib/auth/throttle.ts', 'lib/auth/session-policy.ts', 'lib/auth/sessions.ts'],
    tests: ['lib/auth/{policy,throttle,sessions}.test.ts', 'lib/auth/*.mutation.test.ts'],
  },
  writes: {
    mutate: [
      'lib/commitments/update-status.ts',
      'lib/claims/decide.ts',
      'lib/assessments/record.ts',
      'lib/admin/commitment-service.ts',
      'lib/admin/reference-service.ts',
    ],
    tests: [
      'lib/commitments/{update-status,confirm-basis,updating-agencies,odd-input}.test.ts',
      'lib/claims/*.test.ts',
      'lib/assessments/*.test.ts',
      'lib/admin/{admin-services,commitment-basis}.test.ts',
      'lib/{commitments,claims,assessments,admin}/*.mutation.test.ts',
    ],
  },
  'as-of': {
    mutate: ['lib/as-of/*.ts', '!lib/as-of/*.test.ts'],
    // The list's search and filters are tested where the filter is parsed (lib/commitments).
    tests: ['lib/as-of/*.test.ts', 'lib/commitments/{search,filters}.test.ts'],
  },
};

const group = process.env.MUTATION_GROUP ?? 'all';
const chosen = group === 'all' ? Object.values(GROUPS) : [GROUPS[/** @type {keyof GROUPS} */ (group)]];
if (!chosen[0]) throw new Error(`MUTATION_GROUP must be one of: all, ${Object.keys(GROUPS).join(', ')}`);
const dir = `reports/mutation/${group}`;
// The group's tests, for vitest.mutation.config.mts in the test-runner processes (they inherit
// this environment). Not Stryker's `testFiles`: with the vitest runner 9.6 that runs no test at
// all for a static mutant, so every static mutant "survived".
process.env.MUTATION_TESTS = JSON.stringify(chosen.flatMap((g) => g.tests));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  // related: false. With `related: true` the runner ran a module-level ("static") mutant only on
  // the test files Vitest judged related to the mutated file, and missed test files that do kill
  // it (the throttle's 90 days, decide.ts's error codes, the date patterns "survived"); the test
  // list is already narrowed to the group by vitest.mutation.config.mts.
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  mutate: chosen.flatMap((g) => g.mutate),
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `${dir}/incremental.json`,
  concurrency: 2,
  // The database-backed tests are slow on a busy 2-core machine: a mutant times out only when it
  // runs well past its tests' dry-run time (an infinite loop), not because the machine is loaded.
  timeoutFactor: 3,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${dir}/index.html` },
  jsonReporter: { fileName: `${dir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  // Not needed by the unit tests, and large (databases, the Next build).
  ignorePatterns: ['/data', '/.next', '/test-results', '/playwright-report', '/reports', '/e2e'],
};

export default config;
