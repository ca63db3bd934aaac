// Row 6: cold start of the Action, `node dist/index.js` with INPUT_* variables as the runner sets them, to its first
// request at the API server (from the audit log, on the same clock). Also the bundle's size and how long Node takes
// to load and evaluate it. Without a built bundle the source runner is measured instead, and labelled so.
import fs from 'node:fs';
import path from 'node:path';
import { writeManifests, type BenchContext } from '../context.js';
import { createNamespace, deleteNamespaces, namespaceName } from '../namespaces.js';
import { runMeasured, type Measured } from '../processes.js';
import { firstRequestAt } from '../lib/audit.js';
import { formatDuration } from '../lib/format.js';
import type { ColdStartResults } from '../lib/results.js';

export async function measureColdStart(ctx: BenchContext, reps: number): Promise<ColdStartResults> {
  const bundle = path.join(ctx.dist ?? path.join(ctx.root, 'dist'), 'index.js');
  const hasBundle = fs.existsSync(bundle);
  const results: ColdStartResults = {
    subject: hasBundle ? '`node dist/index.js`' : 'the source runner (dist/index.js is not built)',
    firstRequestMs: [],
    bundleBytes: hasBundle ? fs.statSync(bundle).size : null,
    lazyBytes: hasBundle ? lazyBytes(path.dirname(bundle)) : null,
    importMs: [],
  };
  if (!hasBundle)
    ctx.note('dist/index.js is not built: the cold start is that of the source runner (Node type transform + src/), not of the bundle');
  const namespace = namespaceName('cold', 'gate', 0);
  await createNamespace(ctx.admin, namespace, ctx.runId);
  // No workloads: the run ends right after its first requests, and only the start matters here.
  const manifests = writeManifests(ctx, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cold-start' }, data: { a: '1' } }]);
  const identity = ctx.identities.cold;
  try {
    for (let rep = 1; rep <= reps; rep++) {
      const mark = ctx.audit.mark();
      const run = hasBundle ? await runAction(ctx, bundle, manifests, namespace) : await runSource(ctx, manifests, namespace);
      const first = firstRequestAt(await ctx.audit.eventsSince(mark), identity.username, run.startMs);
      results.firstRequestMs.push(first === null ? Number.NaN : first - run.startMs);
      if (hasBundle) results.importMs.push(await importTime(bundle));
      ctx.log(
        `cold start ${rep}/${reps}: first request after ${formatDuration(results.firstRequestMs.at(-1))}${hasBundle ? `, import ${formatDuration(results.importMs.at(-1))}` : ''} (exit ${run.code})`,
      );
      await ctx.checkCluster();
    }
  } finally {
    await deleteNamespaces(ctx.admin, [namespace]);
  }
  return results;
}

function runAction(ctx: BenchContext, bundle: string, manifests: string, namespace: string): Promise<Measured> {
  const outputs = path.join(ctx.scratch, 'github-output');
  fs.writeFileSync(outputs, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputs,
    GITHUB_ACTIONS: 'true',
    INPUT_MANIFESTS: manifests,
    INPUT_NAMESPACE: namespace,
    INPUT_KUBECONFIG: ctx.identities.cold.kubeconfigText,
    INPUT_TIMEOUT: '1m',
    INPUT_ROLLBACK: 'false',
    INPUT_SUMMARY: 'false',
    'INPUT_PR-COMMENT': 'false',
    'INPUT_FAIL-FAST': 'true',
  };
  return runMeasured(process.execPath, [bundle], { env, cwd: ctx.scratch });
}

function runSource(ctx: BenchContext, manifests: string, namespace: string): Promise<Measured> {
  return runMeasured(ctx.runner.command, ctx.runner.args(manifests, namespace, ctx.identities.cold.kubeconfig, '1m'));
}

/** Loading and evaluating the bundle in a fresh Node, stopped before it can reach the network. */
async function importTime(bundle: string): Promise<number> {
  const script =
    'const t = performance.now(); await import(process.argv[1]); process.stdout.write(`\\nIMPORT_MS=${performance.now() - t}\\n`); process.exit(0);';
  const run = await runMeasured(process.execPath, ['--input-type=module', '-e', script, bundle], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, INPUT_MANIFESTS: '/nonexistent' },
  });
  const m = /^IMPORT_MS=([\d.]+)$/m.exec(run.stdout);
  return m ? Number(m[1]) : Number.NaN;
}

function lazyBytes(dist: string): number {
  const dir = path.join(dist, 'lazy');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0);
}
