// Mutation testing of the pure core (docs/mutation.md): not part of `npm test` nor CI; run with `npm run mutation`.
// Only the unit tests run (vitest.mutation.config.ts), each mutant against the tests that cover it.

/** The pure core. Excluded are the IO edges only; docs/mutation.md says why each one is an edge. */
export const PURE_CORE = [
  'src/k8s/**/*.ts',
  'src/diagnose/**/*.ts',
  '!src/diagnose/live.ts',
  'src/watch/**/*.ts',
  '!src/watch/wait.ts',
  '!src/watch/clock.ts',
  'src/rollback/**/*.ts',
  '!src/rollback/run.ts',
  '!src/rollback/forced.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: PURE_CORE,
  // Two cores shared with other work: two workers at most, and generous timeouts for a loaded machine.
  concurrency: 2,
  timeoutMS: 30_000,
  timeoutFactor: 4,
  dryRunTimeoutMinutes: 20,
  // Reruns test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
};
