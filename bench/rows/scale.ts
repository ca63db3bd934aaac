// Rows 3-5: N Deployments of 10 pods, gated by one gate process (one deadline, shared watches) and by kubectl the way
// pipelines and Azure/k8s-deploy do it (apply, then rollout status per Deployment in turn). The tools take turns;
// each run gets a fresh namespace and the next run waits until it is deleted. Wall time, API requests (audit log)
// and peak RSS come from the same runs.
import { freshCacheDir, writeManifests, type BenchContext } from '../context.js';
import { lastLine, runGateTool, runKubectlTool, type ToolRun } from '../contenders.js';
import { addNodesFor, removeNodes } from '../extra-nodes.js';
import { createNamespace, deleteNamespaces, namespaceName } from '../namespaces.js';
import { countRequests, describeCounts, requestsOf } from '../lib/audit.js';
import { formatDuration, formatMiB } from '../lib/format.js';
import { deploymentManifest, scaleDeployments } from '../lib/manifests.js';
import type { ScaleResults } from '../lib/results.js';

const REPLICAS = 10;
const TIMEOUT = '10m';

export async function measureScale(ctx: BenchContext, sizes: readonly number[], reps: number): Promise<ScaleResults[]> {
  const added = await addNodesFor(ctx.admin, ctx.root, Math.max(...sizes) * REPLICAS, ctx.log);
  try {
    const out: ScaleResults[] = [];
    for (const size of sizes) out.push(await measureSize(ctx, size, reps));
    return out;
  } finally {
    await removeNodes(ctx.admin, added);
  }
}

async function measureSize(ctx: BenchContext, size: number, reps: number): Promise<ScaleResults> {
  const r: ScaleResults = {
    workloads: size,
    replicas: REPLICAS,
    gate: [],
    kubectl: [],
    gateRequests: [],
    kubectlRequests: [],
    gateRss: [],
    kubectlRss: [],
  };
  const specs = scaleDeployments(size, ctx.runId, REPLICAS);
  for (let rep = 1; rep <= reps; rep++) {
    const order: ('gate' | 'kubectl')[] = rep % 2 === 1 ? ['gate', 'kubectl'] : ['kubectl', 'gate'];
    for (const tool of order) {
      const namespace = namespaceName(`n${size}`, tool, rep);
      await createNamespace(ctx.admin, namespace, ctx.runId);
      const manifests = writeManifests(ctx, specs.map(deploymentManifest));
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
              deployments: specs.map((s) => s.name),
              style: 'kubectl',
            });
      const events = await ctx.audit.eventsSince(mark);
      const counts = countRequests(
        requestsOf(events, { username: ctx.identities[tool].username, fromMs: run.startMs - 1, toMs: run.endMs + 1 }),
      );
      const wall = run.endMs - run.startMs;
      // A run that did not end green (the apiserver restarting under it, say) measures nothing here.
      if (!run.ok) {
        ctx.note(
          `${size} x ${REPLICAS} run ${rep}: ${tool} did not report success (${run.verdict}; exit ${run.code}: ${lastLine(run.stderr)}); the run is left out`,
        );
      } else if (tool === 'gate') {
        r.gate.push(wall);
        r.gateRequests.push(counts);
        if (run.peakRss !== null) r.gateRss.push(run.peakRss);
      } else {
        r.kubectl.push(wall);
        r.kubectlRequests.push(counts);
        if (run.peakRss !== null) r.kubectlRss.push(run.peakRss);
      }
      ctx.log(
        `${size} x ${REPLICAS} ${rep}/${reps} ${tool}: ${run.verdict} in ${formatDuration(wall)}, requests ${describeCounts(counts)}, peak RSS ${formatMiB(run.peakRss)}`,
      );
      const gone = await deleteNamespaces(ctx.admin, [namespace], 300_000);
      if (!gone) ctx.note(`namespace ${namespace} was still being deleted when the next run started`);
      await ctx.checkCluster();
    }
  }
  return r;
}
