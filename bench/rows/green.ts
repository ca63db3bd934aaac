// Row 2: time from the Deployment being available (kubectl's "successfully rolled out" rule, as the bench's own
// watch sees it) to the tool's green verdict. The gate runs twice per repetition: with `--min-ready 0s` (exactly
// kubectl's rule: the lag is the gate's own) and with its default stability window (the new pods must then stay
// Ready that long: the lag is measured from the end of the window). The tools take turns, each in a fresh namespace,
// so none slows another down; the API requests of each run are counted on the way.
import { freshCacheDir, writeManifests, type BenchContext } from '../context.js';
import { lastLine, runGateTool, runKubectlTool, type ToolRun } from '../contenders.js';
import { createNamespace, deleteNamespaces, namespaceName } from '../namespaces.js';
import { Observer } from '../observer.js';
import { countRequests, describeCounts, requestsOf } from '../lib/audit.js';
import { formatDuration } from '../lib/format.js';
import { deploymentManifest } from '../lib/manifests.js';
import type { GreenResults } from '../lib/results.js';

const TIMEOUT = '5m';
/** The gate's default min-ready (src/inputs.ts DEFAULT_MIN_READY_MS). */
export const DEFAULT_WINDOW_MS = 10_000;

type Contender = 'gate' | 'gateWindow' | 'kubectl';

export async function measureGreen(ctx: BenchContext, reps: number): Promise<GreenResults> {
  const results: GreenResults = {
    gate: [],
    gateWindow: [],
    windowMs: DEFAULT_WINDOW_MS,
    kubectl: [],
    gateRequests: [],
    kubectlRequests: [],
  };
  const observer = new Observer();
  await observer.start(ctx.admin, ctx.runId);
  try {
    for (let rep = 1; rep <= reps; rep++) {
      const order: Contender[] = rep % 2 === 1 ? ['gate', 'kubectl', 'gateWindow'] : ['kubectl', 'gateWindow', 'gate'];
      for (const tool of order) {
        const identity = tool === 'kubectl' ? 'kubectl' : 'gate';
        const namespace = namespaceName('green', tool === 'gateWindow' ? 'gate-window' : tool, rep);
        await createNamespace(ctx.admin, namespace, ctx.runId);
        const manifests = writeManifests(ctx, [deploymentManifest({ name: 'web', replicas: 3, runId: ctx.runId })]);
        const kubeconfig = ctx.identities[identity].kubeconfig;
        const mark = ctx.audit.mark();
        const run: ToolRun =
          tool === 'kubectl'
            ? await runKubectlTool({
                kubectl: ctx.kubectl,
                cacheDir: freshCacheDir(ctx),
                manifests,
                namespace,
                kubeconfig,
                timeout: TIMEOUT,
                deployments: ['web'],
                style: 'kubectl',
              })
            : await runGateTool(ctx.runner, {
                manifests,
                namespace,
                kubeconfig,
                timeout: TIMEOUT,
                gateArgs: tool === 'gate' ? ['--min-ready', '0s'] : [],
              });
        const events = await ctx.audit.eventsSince(mark);
        const counts = countRequests(
          requestsOf(events, { username: ctx.identities[identity].username, fromMs: run.startMs - 1, toMs: run.endMs + 1 }),
        );
        const available = observer.rolledOutAt(namespace, 'web');
        const finishLine = available === null ? Number.NaN : available + (tool === 'gateWindow' ? DEFAULT_WINDOW_MS : 0);
        const lag = run.endMs - finishLine;
        if (!run.ok)
          ctx.note(
            `green run ${rep}: ${tool} did not report success (${run.verdict}; exit ${run.code}: ${lastLine(run.stderr)}); the run is left out`,
          );
        // A run that did not end green (the apiserver restarting under it, say) measures nothing here.
        results[tool].push(run.ok ? lag : Number.NaN);
        if (run.ok && tool !== 'gateWindow') results[tool === 'gate' ? 'gateRequests' : 'kubectlRequests'].push(counts);
        const after =
          tool === 'gateWindow'
            ? `the Deployment was available + the ${DEFAULT_WINDOW_MS / 1000} s window`
            : 'the Deployment was available';
        ctx.log(
          `green ${rep}/${reps} ${tool}: verdict ${run.verdict} ${formatDuration(lag)} after ${after}; requests ${describeCounts(counts)}`,
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
