// `npm run bench`: measures the gate against kubectl on the test cluster, row by row, each row with both tools in the
// same run. Progress goes to stderr; the table (and, last, the one-line summary) to stdout. See docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditLog } from './audit-log.js';
import { TOOLS, type BenchContext } from './context.js';
import { writeDocs } from './docs-writer.js';
import { leftoverNodes, removeNodes } from './extra-nodes.js';
import { createIdentities, deleteIdentities } from './identities.js';
import { api, loadAccess } from './kube-api.js';
import { machineInfo } from './machine.js';
import { clusterIdentity, deleteCrowdedNamespaces, leftoverNamespaces } from './namespaces.js';
import { gateRunner } from './runners.js';
import { measureColdStart } from './rows/cold-start.js';
import { measureGreen } from './rows/green.js';
import { measureLateCrash } from './rows/late-crash.js';
import { measureRed } from './rows/red.js';
import { measureScale } from './rows/scale.js';
import { measureBusy } from './rows/busy.js';
import { measureWide } from './rows/wide.js';
import { parseBenchArgs, type BenchOptions } from './lib/args.js';
import { emptyResults, type BenchResults } from './lib/results.js';
import { quickSummaryLine, resultRows, ROW_HEADERS } from './lib/rows.js';
import { renderTable } from './lib/markdown.js';

const root = path.resolve(import.meta.dirname, '..');

export async function main(argv: string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const admin = loadAccess(path.join(root, '.cluster', 'kubeconfig'));
  const ready = await api(admin, 'GET', '/readyz').catch((e: Error) => ({ status: 0, body: e.message }));
  if (ready.status !== 200)
    throw new Error(
      `the test cluster is not ready (${ready.status}: ${String(ready.body).slice(0, 200)}); start it with npm run cluster:up`,
    );
  const audit = new AuditLog(path.join(root, '.cluster', 'logs', 'audit.log'));
  if (!audit.available()) throw new Error(`no audit log at ${audit.file}: the bench counts requests there`);
  const kubectl = path.join(
    execFileSync('bash', [path.join(root, 'test/cluster/build.sh'), '--print'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!,
    'kubectl',
  );
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-bench-'));
  const { runner, dist } = gateRunner(root, scratch);
  const runId = `r${Date.now().toString(36)}`;
  const results = emptyResults(runner.describe);
  log(`gate runs as ${runner.describe}`);
  await cleanLeftovers(admin, log);
  const cluster = await clusterIdentity(admin);
  const ctx: BenchContext = {
    root,
    admin,
    kubectl,
    runner,
    dist,
    audit,
    scratch,
    runId,
    log,
    identities: await createIdentities(admin, TOOLS, scratch, runId),
    note: (line) => {
      results.notes.push(line);
      log(`note: ${line}`);
    },
    checkCluster: async () => {
      const now = await clusterIdentity(admin).catch((e: Error) => e.message);
      if (now !== cluster)
        throw new Error(`the test cluster was restarted during the bench (kube-system ${cluster} is now ${now}); run it again`);
    },
  };
  const started = Date.now();
  try {
    await runRows(ctx, options, results);
  } finally {
    await deleteIdentities(admin, runId).catch(() => {});
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.stdout.write(`\n${renderTable(ROW_HEADERS, resultRows(results))}\n`);
  if (options.writeDocs) {
    const written = writeDocs(root, results, {
      date: new Date().toISOString().slice(0, 10),
      command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
      machine: await machineInfo(admin, kubectl),
      repetitions: options.rows
        .map((r) => (r === 'scale' ? `scale ${options.reps.scale} per size (${options.sizes.join(', ')})` : `${r} ${options.reps[r]}`))
        .join(', '),
    });
    log(`wrote ${written.map((f) => path.relative(root, f)).join(', ')}`);
  }
  for (const n of results.notes) process.stdout.write(`note: ${n}\n`);
  process.stdout.write(`${quickSummaryLine(results)}\n`);
  return 0;
}

async function runRows(ctx: BenchContext, options: BenchOptions, results: BenchResults): Promise<void> {
  for (const row of options.rows) {
    if (row === 'red') results.red = await measureRed(ctx, options.reps.red);
    if (row === 'green') results.green = await measureGreen(ctx, options.reps.green);
    if (row === 'late') results.late = await measureLateCrash(ctx, options.reps.late);
    if (row === 'scale') results.scale = await measureScale(ctx, options.sizes, options.reps.scale);
    if (row === 'cold') results.cold = await measureColdStart(ctx, options.reps.cold);
    if (row === 'busy') results.busy = await measureBusy(ctx, options.reps.busy);
    if (row === 'wide') results.wide = await measureWide(ctx, options.reps.wide);
  }
}

/** An interrupted earlier run may have left namespaces and nodes; they would skew this one. */
async function cleanLeftovers(admin: ReturnType<typeof loadAccess>, log: (l: string) => void): Promise<void> {
  const namespaces = await leftoverNamespaces(admin);
  const nodes = await leftoverNodes(admin);
  if (namespaces.length === 0 && nodes.length === 0) return;
  log(`removing what an earlier run left: ${[...namespaces, ...nodes].join(', ')}`);
  await deleteCrowdedNamespaces(admin, namespaces, 600_000);
  await removeNodes(admin, nodes);
  await deleteIdentities(admin);
}
