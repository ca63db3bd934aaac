// Builders for the plan's pure core: workloads as the dry run returns them, the facts the edge read, and the check
// context, so each test states only what differs from a Deployment that will roll out fine.
import { checkContext, type CheckContext } from '../../../src/plan/checks/context.js';
import type { ClusterFacts, PlannedWorkload, PodPreview } from '../../../src/plan/types.js';
import type { KubeObject, Node } from '../../../src/k8s/objects.js';
import { isWorkloadKind } from '../../../src/k8s/kinds.js';

export const NS = 'shop';

export interface WorkloadShape {
  kind?: string;
  name?: string;
  replicas?: number;
  podSpec?: Record<string, unknown>;
  container?: Record<string, unknown>;
  spec?: Record<string, unknown>;
}

export function workload(s: WorkloadShape = {}): any {
  const name = s.name ?? 'api';
  return {
    apiVersion: 'apps/v1',
    kind: s.kind ?? 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas: s.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { ...s.podSpec, containers: [{ name: 'app', image: 'ghcr.io/acme/api:1.4.3', ...s.container }] },
      },
      ...s.spec,
    },
  };
}

export function planned(
  after: any,
  live: any = null,
  preview: PodPreview = { state: 'skipped', reason: 'not previewed' },
): PlannedWorkload {
  if (!isWorkloadKind(after.kind)) throw new Error(`not a workload: ${after.kind}`);
  return {
    ref: { kind: after.kind, namespace: after.metadata.namespace, name: after.metadata.name },
    action: live ? 'change' : 'create',
    live,
    after,
    templateChanged: !live || JSON.stringify(live.spec?.template) !== JSON.stringify(after.spec?.template),
    preview,
    warnings: [],
  };
}

export function node(
  name: string,
  o: { cpu?: string; memory?: string; labels?: Record<string, string>; taints?: any[]; unschedulable?: boolean } = {},
): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: '110' } },
  };
}

export const WORKERS = [node('worker-1'), node('worker-2'), node('worker-3')];

export function secret(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: NS }, data };
}

export function configMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS }, data };
}

export function facts(
  o: { objects?: Record<string, KubeObject | null>; nodes?: Node[] | null; quotas?: Record<string, KubeObject[]> } = {},
): ClusterFacts {
  return {
    objects: new Map(Object.entries(o.objects ?? {})),
    nodes: o.nodes === undefined ? WORKERS : o.nodes,
    quotas: new Map(Object.entries(o.quotas ?? { [NS]: [] })),
  };
}

export function context(workloads: PlannedWorkload[], f: ClusterFacts = facts(), applied: KubeObject[] = []): CheckContext {
  return checkContext(workloads, [...workloads.map((w) => w.after), ...applied], f);
}
