// Mutation testing of the pure core, one part at a time (the parts are in stryker.config.mjs), then a score table
// per part, per folder and overall from the parts' JSON reports (reports/mutation/<part>/mutation.json).
//
//   npm run mutation                  every part (hours the first time; incremental reruns are much faster)
//   npm run mutation -- k8s watch     these parts only
//   npm run mutation -- --summary     the table from the last reports, running nothing
//   MUTATION_STATIC=1 npm run mutation  static mutants too (hours; reports in reports/mutation/static/, --summary
//                                       --static reads them)
//
// The score is Stryker's: (killed + timed out) / (killed + timed out + survived + no coverage); mutants that do not
// compile or crash the runner (errors) and static mutants left out (ignored) do not count.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PARTS } from '../stryker.config.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const staticReports = args.includes('--static') || process.env.MUTATION_STATIC === '1';
const named = args.filter((a) => !a.startsWith('--'));
for (const p of named) if (!Object.hasOwn(PARTS, p)) throw new Error(`no part named ${p}; parts: ${Object.keys(PARTS).join(', ')}`);
const parts = named.length > 0 ? named : Object.keys(PARTS);

if (!summaryOnly) {
  const all = Date.now();
  for (const part of parts) {
    const started = Date.now();
    const run = spawnSync('npx', ['stryker', 'run'], { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_PART: part } });
    if (run.status !== 0) process.exit(run.status ?? 1);
    console.log(`mutation: part ${part} took ${Math.round((Date.now() - started) / 60_000)} min`);
  }
  console.log(`mutation: ${parts.join(', ')} took ${Math.round((Date.now() - all) / 60_000)} min`);
}

const empty = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
const STATUS = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', Ignored: 'ignored' };
const score = (c) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * (c.killed + c.timeout)) / valid).toFixed(2)}%`;
};
const add = (to, from) => Object.keys(to).forEach((k) => (to[k] += from[k]));

const rows = [];
const byFolder = new Map();
const overall = empty();
for (const part of Object.keys(PARTS)) {
  const file = path.join(root, 'reports', 'mutation', ...(staticReports ? ['static'] : []), part, 'mutation.json');
  if (!fs.existsSync(file)) {
    rows.push([part, 'not run']);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const counts = empty();
  for (const [name, f] of Object.entries(report.files)) {
    const folder = name.split('/').slice(0, 2).join('/');
    if (!byFolder.has(folder)) byFolder.set(folder, empty());
    const c = empty();
    for (const m of f.mutants) {
      const key = STATUS[m.status];
      if (key) c[key]++;
      else if (m.status === 'CompileError' || m.status === 'RuntimeError') c.errors++;
    }
    add(counts, c);
    add(byFolder.get(folder), c);
  }
  add(overall, counts);
  rows.push([part, counts, fs.statSync(file).mtime.toISOString().slice(0, 10)]);
}

const line = (name, c, date = '') =>
  typeof c === 'string'
    ? `| ${name} | ${c} | | | | | | | |`
    : `| ${name} | ${score(c)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.ignored} | ${c.errors} | ${date} |`;
console.log('| part | score | killed | timeout | survived | no coverage | ignored (static) | errors | run on |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, c, date] of rows) console.log(line(name, c, date));
console.log('');
console.log('| folder | score | killed | timeout | survived | no coverage | ignored (static) | errors | |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [folder, c] of [...byFolder].sort()) console.log(line(folder, c));
console.log(line('**pure core**', overall));
