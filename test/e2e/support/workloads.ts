// Manifests and queries the cluster tests share: a Deployment or Job whose pod template carries a scenario, and
// reads of its pods and of the Events about them.
import { getJson } from './kube.js';

export const SCENARIO = 'kwok.kube-deploy-gate.dev/scenario';

export interface TemplateOptions {
  scenario?: string;
  containers?: object[];
  initContainers?: object[];
  podSpec?: Record<string, unknown>;
}

function template(name: string, opts: TemplateOptions): object {
  return {
    metadata: { labels: { app: name }, annotations: opts.scenario ? { [SCENARIO]: opts.scenario } : undefined },
    spec: {
      containers: opts.containers ?? [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0' }],
      initContainers: opts.initContainers,
      ...opts.podSpec,
    },
  };
}

export function deployment(name: string, opts: TemplateOptions & { replicas?: number; progressDeadlineSeconds?: number } = {}): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: opts.replicas ?? 1,
      progressDeadlineSeconds: opts.progressDeadlineSeconds,
      selector: { matchLabels: { app: name } },
      template: template(name, opts),
    },
  };
}

export function job(name: string, opts: TemplateOptions & { backoffLimit?: number; restartPolicy?: string } = {}): object {
  const t: any = template(name, opts);
  t.spec.restartPolicy = opts.restartPolicy ?? 'Never';
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { backoffLimit: opts.backoffLimit ?? 0, template: t } };
}

export async function podsOf(namespace: string, app: string): Promise<any[]> {
  return (await getJson(['get', 'pods', '-n', namespace, '-l', `app=${app}`])).items;
}

/** The single pod of app `app`, once there is exactly one that is not being deleted. */
export async function onlyPod(namespace: string, app: string): Promise<any | undefined> {
  const live = (await podsOf(namespace, app)).filter((p) => !p.metadata.deletionTimestamp);
  return live.length === 1 ? live[0] : undefined;
}

export function containerStatus(pod: any, name = 'app', list: 'containerStatuses' | 'initContainerStatuses' = 'containerStatuses'): any {
  return (pod?.status?.[list] ?? []).find((s: any) => s.name === name);
}

export function condition(pod: any, type: string): any {
  return (pod?.status?.conditions ?? []).find((c: any) => c.type === type);
}

/** Events in `namespace` about the object named `name` (a pod, ReplicaSet, Job...). */
export async function eventsAbout(namespace: string, name: string): Promise<any[]> {
  const all = (await getJson(['get', 'events', '-n', namespace])).items;
  return all.filter((e: any) => e.involvedObject.name === name);
}

/** The Event with this reason and type about `name` whose message passes `match`, if any. */
export async function findEvent(
  namespace: string,
  name: string,
  type: string,
  reason: string,
  match: (m: string) => boolean = () => true,
): Promise<any | undefined> {
  return (await eventsAbout(namespace, name)).find((e) => e.type === type && e.reason === reason && match(e.message));
}
