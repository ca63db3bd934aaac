// Row 2: time from the Deployment being available (kubectl's "successfully rolled out" rule, as the bench's own
// watch sees it) to the tool's green verdict. The tools take turns, first one then the other, each in a fresh
// namespace, so neither slows the other down; the API requests of each run are counted on the way.
import { freshCacheDir, writeManifests, type BenchContext } from '../context.js';
import { lastLine, runGateTool, runKubectlTool, type ToolRun } from '../contenders.js';
import { createNamespace, deleteNamespaces, namespaceName } from '../namespaces.js';
import { Observer } from '../observer.js';
import { countRequests, describeCounts, requestsOf } from '../lib/audit.js';
import { formatDuration } from '../lib/format.js';
import { deploymentManifest } from '../lib/manifests.js';
import type { GreenResults } from '../lib/results.js';

const TIMEOUT = '5m';

export async function measureGreen(ctx: BenchContext, reps: number): Promise<GreenResults> {
  const results: GreenResults = { gate: [], kubectl: [], gateRequests: [], kubectlRequests: [] };
  const observer = new Observer();
  await observer.start(ctx.admin, ctx.runId);
  try {
    for (let rep = 1; rep <= reps; rep++) {
      const order: ('gate' | 'kubectl')[] = rep % 2 === 1 ? ['gate', 'kubectl'] : ['kubectl', 'gate'];
      for (const tool of order) {
        const namespace = namespaceName('green', tool, rep);
        await createNamespace(ctx.admin, namespace, ctx.runId);
        const manifests = writeManifests(ctx, [deploymentManifest({ name: 'web', replicas: 3, runId: ctx.runId })]);
        const kubeconfig = ctx.identities[tool].kubeconfig;
        const mark = ctx.audit.mark();
        const run: ToolRun =
          tool === 'gate'
            ? await runGateTool(ctx.runner, { manifests, namespace, kubeconfig, timeout: TIMEOUT })
            : await runKubectlTool({
                kubectl: ctx.kubectl,
                cacheDir: freshCacheDir(ctx),
                manifests,
                namespace,
                kubeconfig,
                timeout: TIMEOUT,
                deployments: ['web'],
                style: 'kubectl',
              });
        const events = await ctx.audit.eventsSince(mark);
        const counts = countRequests(
          requestsOf(events, { username: ctx.identities[tool].username, fromMs: run.startMs - 1, toMs: run.endMs + 1 }),
        );
        const available = observer.rolledOutAt(namespace, 'web');
        const lag = available === null ? Number.NaN : run.endMs - available;
        if (!run.ok)
          ctx.note(
            `green run ${rep}: ${tool} did not report success (${run.verdict}; exit ${run.code}: ${lastLine(run.stderr)}); the run is left out`,
          );
        // A run that did not end green (the apiserver restarting under it, say) measures nothing here.
        results[tool].push(run.ok ? lag : Number.NaN);
        if (run.ok) results[tool === 'gate' ? 'gateRequests' : 'kubectlRequests'].push(counts);
        ctx.log(
          `green ${rep}/${reps} ${tool}: verdict ${run.verdict} ${formatDuration(lag)} after the Deployment was available; requests ${describeCounts(counts)}`,
        );
        await deleteNamespaces(ctx.admin, [namespace]);
        await ctx.checkCluster();
      }
    }
  } finally {
    observer.stop();
  }
  return results;
}
