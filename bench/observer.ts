// The bench's own eyes on the cluster, independent of the tools under test: one watch on the run's pods and one on
// its Deployments, timestamping the moments the rows are measured from (first pod, first CrashLoopBackOff, rollout
// complete).
import { listAndWatch, type KubeAccess } from './kube-api.js';
import { BENCH_LABEL } from './lib/manifests.js';
import { deploymentRolledOut, podContainerExited, podInCrashLoop } from './lib/rollout.js';

export class Observer {
  private readonly firstPod = new Map<string, number>();
  private readonly firstCrashLoop = new Map<string, number>();
  private readonly firstExit = new Map<string, number>();
  private readonly rolledOut = new Map<string, number>();
  private readonly watches: { ready: Promise<void>; stop: () => void }[] = [];

  /** `pods: false` leaves the pods alone (a row of thousands of pods needs only the Deployments). */
  async start(access: KubeAccess, runId: string, watch: { pods?: boolean } = {}): Promise<void> {
    const selector = `labelSelector=${encodeURIComponent(`${BENCH_LABEL}=${runId}`)}`;
    if (watch.pods !== false)
      this.watches.push(listAndWatch(access, `/api/v1/pods?${selector}`, (type, pod, at) => this.onPod(type, pod, at)));
    this.watches.push(listAndWatch(access, `/apis/apps/v1/deployments?${selector}`, (type, d, at) => this.onDeployment(type, d, at)));
    await Promise.all(this.watches.map((w) => w.ready));
  }

  stop(): void {
    for (const w of this.watches) w.stop();
  }

  /** When the first pod of Deployment `app` in `namespace` was seen. */
  firstPodAt(namespace: string, app: string): number | null {
    return this.firstPod.get(`${namespace}/${app}`) ?? null;
  }

  /** When a pod of `app` first showed CrashLoopBackOff. */
  firstCrashLoopAt(namespace: string, app: string): number | null {
    return this.firstCrashLoop.get(`${namespace}/${app}`) ?? null;
  }

  /** When a container of a pod of `app` first exited. */
  firstExitAt(namespace: string, app: string): number | null {
    return this.firstExit.get(`${namespace}/${app}`) ?? null;
  }

  /** When Deployment `name` first met kubectl's "successfully rolled out" rule. */
  rolledOutAt(namespace: string, name: string): number | null {
    return this.rolledOut.get(`${namespace}/${name}`) ?? null;
  }

  private onPod(type: string, pod: any, at: number): void {
    if (type === 'DELETED') return;
    const key = `${pod.metadata.namespace}/${pod.metadata.labels?.app}`;
    if (!this.firstPod.has(key)) this.firstPod.set(key, at);
    if (!this.firstCrashLoop.has(key) && podInCrashLoop(pod)) this.firstCrashLoop.set(key, at);
    if (!this.firstExit.has(key) && podContainerExited(pod)) this.firstExit.set(key, at);
  }

  private onDeployment(type: string, deployment: any, at: number): void {
    if (type === 'DELETED') return;
    const key = `${deployment.metadata.namespace}/${deployment.metadata.name}`;
    if (!this.rolledOut.has(key) && deploymentRolledOut(deployment)) this.rolledOut.set(key, at);
  }
}
