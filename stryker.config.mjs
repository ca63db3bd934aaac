// Mutation testing of the pure core (docs/mutation.md): not part of `npm test` nor CI. Run it with
// `npm run mutation` (scripts/mutation.mjs), which runs one part at a time: the whole core is hours of work on two
// cores, and a part of it reruns in minutes thanks to its own incremental file.
// Only the unit tests run (vitest.mutation.config.ts), each mutant against the tests that cover it.

/**
 * The pure core, in parts that each take well under an hour. Excluded are the IO edges (docs/mutation.md says why
 * each is an edge): src/diagnose/live.ts, src/rollback/run.ts and src/rollback/forced.ts (API calls), the report's
 * GitHub client and sticky-comment upsert (src/report/github-*.ts, comment.ts) and plan's reads and dry runs
 * (src/plan/run.ts, dry-run.ts, read-facts.ts, access-review.ts, pod-preview.ts).
 */
export const PARTS = {
  k8s: ['src/k8s/**/*.ts'],
  'watch-status': ['src/watch/status/**/*.ts'],
  rollback: ['src/rollback/**/*.ts', '!src/rollback/run.ts', '!src/rollback/forced.ts'],
  'diagnose-rules': ['src/diagnose/rules/**/*.ts'],
  // The diagnosis entry points are covered by every diagnosis test, so each of their mutants reruns hundreds of tests.
  'diagnose-core': ['src/diagnose/*.ts', '!src/diagnose/live.ts'],
  'diagnose-categories': ['src/diagnose/categories/**/*.ts'],
  'diagnose-change': ['src/diagnose/change/**/*.ts'],
  report: ['src/report/**/*.ts', '!src/report/github-*.ts', '!src/report/comment.ts'],
  plan: [
    'src/plan/**/*.ts',
    '!src/plan/run.ts',
    '!src/plan/dry-run.ts',
    '!src/plan/read-facts.ts',
    '!src/plan/access-review.ts',
    '!src/plan/pod-preview.ts',
  ],
};

const part = process.env.MUTATION_PART ?? 'all';
if (part !== 'all' && !Object.hasOwn(PARTS, part)) throw new Error(`MUTATION_PART: no part named ${part}`);
// A static mutant (a module-level table, regex or constant) is tested against every unit test that reaches the part,
// not only the tests that cover it: 20-35% of the mutants, 90-95% of the run time (hours for the diagnosis). They are
// left out by default and reported as ignored; MUTATION_STATIC=1 puts them back for a long run.
const withStatic = process.env.MUTATION_STATIC === '1';
const reports = withStatic ? `reports/mutation/static/${part}` : `reports/mutation/${part}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  ignoreStatic: !withStatic,
  mutate: part === 'all' ? Object.values(PARTS).flat() : PARTS[part],
  // Two cores shared with other work: two workers at most, and generous timeouts for a loaded machine.
  concurrency: 2,
  timeoutMS: 30_000,
  timeoutFactor: 4,
  dryRunTimeoutMinutes: 20,
  // Reruns test only the mutants whose code or covering tests changed since the part's last run.
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
};
