// The workloads the bench deploys. KWOK plays the kubelet, so images are never pulled; the scenario annotation
// tells the test cluster's KWOK stages to make the pods crash-loop.

export const SCENARIO_ANNOTATION = 'kwok.kube-deploy-gate.dev/scenario';
/** Every bench object carries this label so the bench's own watches see only its objects. */
export const BENCH_LABEL = 'kube-deploy-gate.dev/bench-run';

export interface DeploymentSpec {
  name: string;
  replicas: number;
  runId: string;
  crash?: boolean;
  /** kubectl rollout status only gives up after this; the bench sets 60 s (the Kubernetes default is 600 s). */
  progressDeadlineSeconds?: number;
  /**
   * An HTTP readiness probe, as production Deployments have. Without one a container that runs a second before it
   * crashes is Ready for that second, the Deployment counts as available, and rollout status reports success.
   */
  readinessProbe?: boolean;
  /**
   * The release dies this long after it starts (a Go duration): crash-looping pods that are Ready until then, so
   * kubectl's rule calls the rollout done before the first exit. Implies crash.
   */
  crashAfter?: string;
}

/** The test cluster's annotation for how long a crashing container runs before each exit. */
export const RUN_FOR_ANNOTATION = 'kwok.kube-deploy-gate.dev/run-for';

const READINESS_PROBE = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 };

export function deploymentManifest(spec: DeploymentSpec): Record<string, unknown> {
  const labels = { app: spec.name, [BENCH_LABEL]: spec.runId };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, labels },
    spec: {
      replicas: spec.replicas,
      ...(spec.progressDeadlineSeconds ? { progressDeadlineSeconds: spec.progressDeadlineSeconds } : {}),
      selector: { matchLabels: { app: spec.name } },
      template: {
        metadata: { labels, ...(spec.crash || spec.crashAfter ? { annotations: crashAnnotations(spec) } : {}) },
        spec: {
          containers: [
            { name: 'app', image: 'ghcr.io/acme/app:1.0.0', ...(spec.readinessProbe ? { readinessProbe: READINESS_PROBE } : {}) },
          ],
        },
      },
    },
  };
}

function crashAnnotations(spec: DeploymentSpec): Record<string, string> {
  return { [SCENARIO_ANNOTATION]: 'crash', ...(spec.crashAfter ? { [RUN_FOR_ANNOTATION]: spec.crashAfter } : {}) };
}

/** Several objects as one multi-document YAML file (JSON is valid YAML, and both tools read it). */
export function manifestFile(objects: readonly Record<string, unknown>[]): string {
  return objects.map((o) => JSON.stringify(o, null, 2)).join('\n---\n') + '\n';
}

/** The Deployments of the N-workloads row: `app-001` ... `app-N`, 10 pods each by default. */
export function scaleDeployments(count: number, runId: string, replicas = 10): DeploymentSpec[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => ({ name: `app-${String(i + 1).padStart(Math.max(3, width), '0')}`, replicas, runId }));
}
