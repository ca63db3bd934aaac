// Row 3: a release that crashes two seconds after it starts, with no readiness probe (as most manifests are): each
// new pod is Ready until then, so kubectl's rule calls the rollout done before the first exit and `kubectl rollout
// status` ends green. The gate's stability window turns it red: the time is measured from the first container exit
// the bench's own watch saw. Both tools run at the same time, each in its own namespace with the same manifests.
import { freshCacheDir, writeManifests, type BenchContext } from '../context.js';
import { runGateTool, runKubectlTool } from '../contenders.js';
import { createNamespace, deleteNamespaces, namespaceName } from '../namespaces.js';
import { Observer } from '../observer.js';
import { deploymentManifest } from '../lib/manifests.js';
import type { LateCrashResults } from '../lib/results.js';
import { formatDuration } from '../lib/format.js';

const TIMEOUT = '2m';
const CRASH_AFTER = '2s';

export async function measureLateCrash(ctx: BenchContext, reps: number): Promise<LateCrashResults> {
  const results: LateCrashResults = { gate: [], kubectlVerdicts: [], crashAfter: CRASH_AFTER };
  const observer = new Observer();
  await observer.start(ctx.admin, ctx.runId);
  try {
    for (let rep = 1; rep <= reps; rep++) {
      const manifests = writeManifests(ctx, [deploymentManifest({ name: 'shop', replicas: 3, runId: ctx.runId, crashAfter: CRASH_AFTER })]);
      const ns = { gate: namespaceName('late', 'gate', rep), kubectl: namespaceName('late', 'kubectl', rep) };
      for (const n of Object.values(ns)) await createNamespace(ctx.admin, n, ctx.runId);
      const [gate, kubectl] = await Promise.all([
        runGateTool(ctx.runner, { manifests, namespace: ns.gate, kubeconfig: ctx.identities.gate.kubeconfig, timeout: TIMEOUT }),
        runKubectlTool({
          kubectl: ctx.kubectl,
          cacheDir: freshCacheDir(ctx),
          manifests,
          namespace: ns.kubectl,
          kubeconfig: ctx.identities.kubectl.kubeconfig,
          timeout: TIMEOUT,
          deployments: ['shop'],
          style: 'kubectl',
        }),
      ]);
      const exit = observer.firstExitAt(ns.gate, 'shop');
      const red = gate.verdict === 'failed';
      if (!red) ctx.note(`late-crash run ${rep}: the gate ended with "${gate.verdict}", not red; the run is left out`);
      results.gate.push(red && exit !== null ? gate.endMs - exit : Number.NaN);
      results.kubectlVerdicts.push(kubectl.verdict);
      ctx.log(
        `late crash ${rep}/${reps}: gate ${gate.verdict} ${exit === null ? '(no exit seen)' : `${formatDuration(gate.endMs - exit)} after the first exit`}; kubectl rollout status: ${kubectl.verdict}`,
      );
      await deleteNamespaces(ctx.admin, Object.values(ns));
      await ctx.checkCluster();
    }
  } finally {
    observer.stop();
  }
  return results;
}
