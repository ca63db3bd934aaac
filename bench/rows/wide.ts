// The 'wide' row: 500 Deployments of 4 pods over 10 namespaces, gated by one gate process and by kubectl the way
// pipelines do it (apply, then rollout status per Deployment in turn). Per tool: the verdict's lag after the bench's
// own watch saw the last Deployment available (kubectl's rule; the gate runs with --min-ready 0 so both judge by it),
// wall time, API requests (list+watch apart: the part that must not grow with the workloads) and peak RSS.
import { freshCacheDir, writeManifests, type BenchContext } from '../context.js';
import { lastLine, runGateTool, runKubectlTool, type ToolRun } from '../contenders.js';
import { addNodesFor, removeNodes } from '../extra-nodes.js';
import { createNamespace, deleteCrowdedNamespaces, namespaceName } from '../namespaces.js';
import { Observer } from '../observer.js';
import { countRequests, describeCounts, requestsOf } from '../lib/audit.js';
import { formatDuration, formatMiB } from '../lib/format.js';
import { deploymentManifest, scaleDeployments } from '../lib/manifests.js';
import type { WideResults } from '../lib/results.js';

export const WIDE = { workloads: 500, replicas: 4, namespaces: 10 } as const;
const TIMEOUT = '15m';

export async function measureWide(ctx: BenchContext, reps: number): Promise<WideResults> {
  const r: WideResults = {
    ...WIDE,
    gateLag: [],
    kubectlLag: [],
    gateWall: [],
    kubectlWall: [],
    gateRequests: [],
    kubectlRequests: [],
    gateRss: [],
    kubectlRss: [],
  };
  const added = await addNodesFor(ctx.admin, ctx.root, WIDE.workloads * WIDE.replicas, ctx.log);
  const observer = new Observer();
  await observer.start(ctx.admin, ctx.runId, { pods: false });
  try {
    for (let rep = 1; rep <= reps; rep++) {
      const order: ('gate' | 'kubectl')[] = rep % 2 === 1 ? ['gate', 'kubectl'] : ['kubectl', 'gate'];
      for (const tool of order) await measureOne(ctx, observer, r, tool, rep);
    }
  } finally {
    observer.stop();
    await removeNodes(ctx.admin, added);
  }
  return r;
}

async function measureOne(ctx: BenchContext, observer: Observer, r: WideResults, tool: 'gate' | 'kubectl', rep: number): Promise<void> {
  const namespaces = Array.from({ length: WIDE.namespaces }, (_, i) => namespaceName(`wide${i + 1}`, tool, rep));
  for (const ns of namespaces) await createNamespace(ctx.admin, ns, ctx.runId);
  const targets = scaleDeployments(WIDE.workloads, ctx.runId, WIDE.replicas).map((spec, i) => ({
    spec,
    namespace: namespaces[i % namespaces.length],
  }));
  const objects = targets.map(({ spec, namespace }) => {
    const m = deploymentManifest(spec) as { metadata: Record<string, unknown> };
    return { ...m, metadata: { ...m.metadata, namespace } };
  });
  const manifests = writeManifests(ctx, objects);
  const kubeconfig = ctx.identities[tool].kubeconfig;
  const mark = ctx.audit.mark();
  const run: ToolRun =
    tool === 'gate'
      ? await runGateTool(ctx.runner, { manifests, namespace: '', kubeconfig, timeout: TIMEOUT, gateArgs: ['--min-ready', '0s'] })
      : await runKubectlTool({
          kubectl: ctx.kubectl,
          cacheDir: freshCacheDir(ctx),
          manifests,
          namespace: '',
          kubeconfig,
          timeout: TIMEOUT,
          deployments: targets.map((t) => ({ namespace: t.namespace, name: t.spec.name })),
          style: 'kubectl',
        });
  const events = await ctx.audit.eventsSince(mark);
  const counts = countRequests(
    requestsOf(events, { username: ctx.identities[tool].username, fromMs: run.startMs - 1, toMs: run.endMs + 1 }),
  );
  const available = targets.map((t) => observer.rolledOutAt(t.namespace, t.spec.name));
  const last = available.some((a) => a === null) ? null : Math.max(...(available as number[]));
  const lag = last === null ? Number.NaN : run.endMs - last;
  const wall = run.endMs - run.startMs;
  ctx.log(
    `wide ${rep} ${tool}: ${run.verdict} in ${formatDuration(wall)}, ${formatDuration(lag)} after the last Deployment was available; requests ${describeCounts(counts)}, peak RSS ${formatMiB(run.peakRss)}`,
  );
  if (!run.ok || last === null) {
    ctx.note(
      `wide run ${rep}: ${tool} ${run.ok ? 'ended before the bench saw every Deployment available' : `did not report success (${run.verdict}; exit ${run.code}: ${lastLine(run.stderr)})`}; the run is left out`,
    );
  } else if (tool === 'gate') {
    r.gateLag.push(lag);
    r.gateWall.push(wall);
    r.gateRequests.push(counts);
    if (run.peakRss !== null) r.gateRss.push(run.peakRss);
  } else {
    r.kubectlLag.push(lag);
    r.kubectlWall.push(wall);
    r.kubectlRequests.push(counts);
    if (run.peakRss !== null) r.kubectlRss.push(run.peakRss);
  }
  const gone = await deleteCrowdedNamespaces(ctx.admin, namespaces, 600_000);
  if (!gone) ctx.note(`the namespaces of wide run ${rep} (${tool}) were still being deleted when the next run started`);
  await ctx.checkCluster();
}
