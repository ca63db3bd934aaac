// Row 1: time from the kubelet's first fatal status (CrashLoopBackOff) to a red verdict. The three tools run at the
// same time, each in its own namespace with the same manifests: a healthy `web` and a crash-looping `api` with a
// readiness probe (so it never counts as available) and progressDeadlineSeconds 60 (the Kubernetes default, 600,
// would make each repetition take ten minutes).
import { freshCacheDir, writeManifests, type BenchContext } from '../context.js';
import { lastLine, runGateTool, runKubectlTool } from '../contenders.js';
import { createNamespace, deleteNamespaces, namespaceName } from '../namespaces.js';
import { Observer } from '../observer.js';
import { deploymentManifest } from '../lib/manifests.js';
import type { RedResults } from '../lib/results.js';
import { formatDuration } from '../lib/format.js';

export const PROGRESS_DEADLINE_SECONDS = 60;
/** kubectl's rollout status error for a Deployment past its deadline: the only red the baselines can give here. */
const KUBECTL_RED = 'exceeded its progress deadline';
const TIMEOUT = '5m';
const TOOLS = ['gate', 'kubectl', 'k8sDeploy'] as const;

/** One tool's run as the bench saw it: the verdict, the first CrashLoopBackOff and the first pod of `api`. */
interface Sample {
  /** The red verdict came for the expected reason (not, say, a refused connection while the apiserver restarted). */
  valid: boolean;
  endMs: number;
  crashMs: number | null;
  podMs: number | null;
}

export async function measureRed(ctx: BenchContext, reps: number): Promise<RedResults> {
  const samples: Record<(typeof TOOLS)[number], Sample[]> = { gate: [], kubectl: [], k8sDeploy: [] };
  const observer = new Observer();
  await observer.start(ctx.admin, ctx.runId);
  try {
    for (let rep = 1; rep <= reps; rep++) {
      const manifests = writeManifests(ctx, [
        deploymentManifest({ name: 'web', replicas: 2, runId: ctx.runId }),
        deploymentManifest({
          name: 'api',
          replicas: 2,
          runId: ctx.runId,
          crash: true,
          readinessProbe: true,
          progressDeadlineSeconds: PROGRESS_DEADLINE_SECONDS,
        }),
      ]);
      const ns = {
        gate: namespaceName('red', 'gate', rep),
        kubectl: namespaceName('red', 'kubectl', rep),
        k8sDeploy: namespaceName('red', 'k8s-deploy', rep),
      };
      for (const n of Object.values(ns)) await createNamespace(ctx.admin, n, ctx.runId);
      ctx.log(`red ${rep}/${reps}: gate, kubectl and the k8s-deploy model side by side (up to ~${PROGRESS_DEADLINE_SECONDS + 15} s)`);
      const kubectlTarget = (tool: 'kubectl' | 'k8s-deploy', namespace: string) => ({
        kubectl: ctx.kubectl,
        cacheDir: freshCacheDir(ctx),
        manifests,
        namespace,
        kubeconfig: ctx.identities[tool].kubeconfig,
        timeout: TIMEOUT,
      });
      const runs = await Promise.all([
        runGateTool(ctx.runner, { manifests, namespace: ns.gate, kubeconfig: ctx.identities.gate.kubeconfig, timeout: TIMEOUT }),
        runKubectlTool({ ...kubectlTarget('kubectl', ns.kubectl), deployments: ['api'], style: 'kubectl' }),
        runKubectlTool({ ...kubectlTarget('k8s-deploy', ns.k8sDeploy), deployments: ['web', 'api'], style: 'k8s-deploy' }),
      ]);
      TOOLS.forEach((tool, i) => {
        const valid = tool === 'gate' ? runs[i].verdict === 'failed' : runs[i].verdict.includes(KUBECTL_RED);
        if (!valid)
          ctx.note(
            `red run ${rep}: ${tool} ended with "${runs[i].verdict}"${runs[i].code === 2 ? ` (${lastLine(runs[i].stderr)})` : ''}, not the expected red verdict; the run is left out`,
          );
        samples[tool].push({
          valid,
          endMs: runs[i].endMs,
          crashMs: observer.firstCrashLoopAt(ns[tool], 'api'),
          podMs: observer.firstPodAt(ns[tool], 'api'),
        });
      });
      const crash = TOOLS.map((t) => samples[t].at(-1)!).map((s) => formatDuration(s.endMs - (s.crashMs ?? s.podMs ?? Number.NaN)));
      ctx.log(
        `  gate ${crash[0]} (${runs[0].verdict}), kubectl ${crash[1]}, k8s-deploy ${crash[2]} after the first CrashLoopBackOff (or pod, if none)`,
      );
      await deleteNamespaces(ctx.admin, Object.values(ns), 60_000);
      await ctx.checkCluster();
    }
  } finally {
    observer.stop();
  }
  // One reference for the whole row: CrashLoopBackOff only if every valid run of every tool saw one.
  const crashSeen = TOOLS.every((t) => samples[t].every((s) => !s.valid || s.crashMs !== null));
  if (!crashSeen) {
    ctx.note(
      'no CrashLoopBackOff was seen in some runs (is the KWOK crash scenario installed in the running cluster?): time to red is measured from the first pod of "api" instead',
    );
  }
  const since = (s: Sample) => (s.valid ? s.endMs - ((crashSeen ? s.crashMs : s.podMs) ?? Number.NaN) : Number.NaN);
  return {
    gate: samples.gate.map(since),
    kubectl: samples.kubectl.map(since),
    k8sDeploy: samples.k8sDeploy.map(since),
    reference: crashSeen ? 'CrashLoopBackOff' : 'pod created',
    progressDeadlineSeconds: PROGRESS_DEADLINE_SECONDS,
  };
}
