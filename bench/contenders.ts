// The tools under test, each started the way a pipeline starts it:
//   gate        one process: apply, then one deadline over shared watches (fail-fast on)
//   kubectl     `kubectl apply --server-side`, then `kubectl rollout status` per Deployment in turn, stopping at the
//               first failure (a shell loop under `set -e`)
//   k8s-deploy  Azure/k8s-deploy's checkManifestStability: after the apply, `kubectl rollout status TYPE/NAME
//               --namespace NS --timeout=T` for every resource in manifest order, a `kubectl describe` after each
//               failure, and the red verdict only once all of them were checked
import { combine, runMeasured, type Measured } from './processes.js';
import { gateVerdict, type GateRunner } from './runners.js';

export interface ToolRun extends Measured {
  ok: boolean;
  verdict: string;
}

export interface Target {
  manifests: string;
  namespace: string;
  kubeconfig: string;
  timeout: string;
  /** More CLI flags for the gate (`--min-ready 0s`). */
  gateArgs?: readonly string[];
}

export async function runGateTool(runner: GateRunner, target: Target): Promise<ToolRun> {
  const run = await runMeasured(
    runner.command,
    runner.args(target.manifests, target.namespace, target.kubeconfig, target.timeout, target.gateArgs),
  );
  const verdict = gateVerdict(run.stdout);
  return { ...run, ok: verdict === 'healthy', verdict };
}

export interface KubectlTarget extends Target {
  kubectl: string;
  /** A fresh discovery cache per run, as on a fresh CI runner; later commands of the run reuse it. */
  cacheDir: string;
  /** The Deployments to wait for, in manifest order: a name (in `namespace`), or a namespace and name. */
  deployments: readonly (string | { namespace: string; name: string })[];
  style: 'kubectl' | 'k8s-deploy';
}

export async function runKubectlTool(t: KubectlTarget): Promise<ToolRun> {
  const kubectl = (...args: string[]) => runMeasured(t.kubectl, ['--kubeconfig', t.kubeconfig, '--cache-dir', t.cacheDir, ...args]);
  // Manifests that name their namespaces (several of them) are applied as they are.
  const applyNamespace = t.deployments.every((d) => typeof d === 'string') ? ['--namespace', t.namespace] : [];
  const steps: Measured[] = [await kubectl('apply', '--server-side', '-f', t.manifests, ...applyNamespace)];
  let ok = steps[0].code === 0;
  for (const d of ok ? t.deployments : []) {
    const { name, namespace } = typeof d === 'string' ? { name: d, namespace: t.namespace } : d;
    const status = await kubectl('rollout', 'status', `deployment/${name}`, '--namespace', namespace, `--timeout=${t.timeout}`);
    steps.push(status);
    if (status.code === 0) continue;
    ok = false;
    if (t.style === 'kubectl') break;
    steps.push(await kubectl('describe', 'deployment', name, '--namespace', namespace));
  }
  const run = combine(steps, ok);
  const failed = steps.find((s) => s.code !== 0 && !s.command.includes(' describe '));
  return { ...run, verdict: ok ? 'healthy' : `failed: ${failed ? lastLine(failed.stderr) : 'unknown'}` };
}

export function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
