// Scores `diagnose --from-file` on the project's corpus (test/fixtures/corpus): runs the diagnosis on every case at the
// case's --now, compares the findings with expected.yaml, prints one line per wrong case, a line per family and
// `corpus: N/M right (P%)`, and exits 1 when P is below --min (default 97).
//
//   node scripts/score-corpus.mjs [--min 97] [--dist] [--case NAME]... [--family NAME] [--show]
//
// By default the TypeScript source is bundled on the fly with esbuild (a devDependency), so the score is the current
// code's; --dist runs the built `node dist/cli.js diagnose` instead, one process per case. --show prints each case's
// findings.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpusDir = path.join(root, 'test', 'fixtures', 'corpus');

function parseArgs(argv) {
  const out = { min: 97, dist: false, cases: [], family: null, show: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dist') out.dist = true;
    else if (a === '--show') out.show = true;
    else if (a.startsWith('--min')) out.min = Number(value());
    else if (a.startsWith('--case')) out.cases.push(value());
    else if (a.startsWith('--family')) out.family = value();
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isFinite(out.min)) throw new Error('--min must be a number');
  return out;
}

/** The CLI's diagnose command, bundled from src/ so no build step is needed. */
async function sourceDiagnose() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: {
      contents: "export { runDiagnoseCommand } from './src/cli/diagnose.ts';",
      resolveDir: root,
      sourcefile: 'score-corpus-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    write: false,
    logLevel: 'error',
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'score-corpus-')), 'diagnose.cjs');
  fs.writeFileSync(file, result.outputFiles[0].text);
  const { runDiagnoseCommand } = createRequire(import.meta.url)(file);
  return async (args) => {
    let stdout = '';
    let stderr = '';
    const code = await runDiagnoseCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };
}

function distDiagnose() {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build, or score the source without --dist');
  return async (args) => {
    const r = spawnSync(process.execPath, [cli, 'diagnose', ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

const key = (f) => `${f.workload} ${f.category} ${f.fatal ? 'fatal' : 'not-fatal'}`;
const show = (f) => `${f.category}(${f.fatal ? 'fatal' : 'not fatal'}) ${f.workload}${f.node ? ` @${f.node}` : ''}`;

/** Right when the findings' (workload, category, fatal) set is the expected one, give or take allowed quiet findings. */
export function judge(expected, findings) {
  const problems = [];
  const want = expected.expectNone ? [] : expected.expect;
  const allow = expected.allow ?? [];
  for (const e of want) {
    const match = findings.filter((f) => key(f) === key(e));
    if (match.length === 0) problems.push(`missing ${show(e)}`);
    else if (e.node && !match.some((f) => (f.node ?? '').split(', ').includes(e.node)))
      problems.push(`${show(e)} does not name node ${e.node}`);
  }
  const seen = new Set();
  for (const f of findings) {
    const k = key(f);
    if (seen.has(k)) continue;
    seen.add(k);
    const expectedHere = want.some((e) => key(e) === k);
    const allowed = !f.fatal && allow.some((a) => a.workload === f.workload && a.category === f.category);
    if (!expectedHere && !allowed) problems.push(`unexpected ${show(f)}`);
  }
  return problems;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const expected = parse(fs.readFileSync(path.join(corpusDir, 'expected.yaml'), 'utf8'));
  let cases = expected.cases;
  if (args.cases.length) cases = cases.filter((c) => args.cases.includes(c.name));
  if (args.family) cases = cases.filter((c) => c.family === args.family);
  if (cases.length === 0) throw new Error('no case selected');
  const diagnose = args.dist ? distDiagnose() : await sourceDiagnose();
  const byFamily = new Map();
  let right = 0;
  for (const c of cases) {
    const file = path.join(corpusDir, `${c.name}.yaml`);
    const run = await diagnose(['--from-file', file, '--now', c.now, '--output', 'json']);
    let problems;
    let findings = [];
    if (run.code !== 0) problems = [`diagnose exited ${run.code}: ${run.stderr.trim()}`];
    else {
      findings = JSON.parse(run.stdout).findings;
      problems = judge(c, findings);
    }
    const tally = byFamily.get(c.family) ?? { right: 0, total: 0 };
    tally.total++;
    if (problems.length === 0) {
      right++;
      tally.right++;
    } else {
      console.log(`WRONG ${c.name} [${c.family}]: ${problems.join('; ')}`);
    }
    byFamily.set(c.family, tally);
    if (args.show) console.log(`  ${c.name}: ${findings.map(show).join('; ') || 'no findings'}`);
  }
  for (const [family, t] of byFamily) console.log(`family ${family}: ${t.right}/${t.total} right`);
  const percent = (100 * right) / cases.length;
  console.log(`corpus: ${right}/${cases.length} right (${percent.toFixed(1)}%)`);
  return percent >= args.min ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`score-corpus: ${e.message}`);
    process.exit(2);
  },
);
