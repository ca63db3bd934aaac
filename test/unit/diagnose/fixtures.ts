// Builders for objects shaped as the API server returns them (kubelet-written statuses, controller-written events),
// so each test states only what differs from a healthy pod of a Deployment's new ReplicaSet.
import type { ClusterSnapshot } from '../../../src/diagnose/snapshot.js';
import { emptySnapshot } from '../../../src/diagnose/snapshot.js';

export const NOW = new Date('2026-11-23T12:10:00Z');
export const NS = 'shop';

export function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'ghcr.io/acme/web:1.4.2',
        resources: { limits: { memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
      },
    ],
  },
};

export function deployment(overrides: Record<string, unknown> = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: NS, uid: 'd-uid', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template, progressDeadlineSeconds: 600 },
    status: { observedGeneration: 2, replicas: 3, updatedReplicas: 1, readyReplicas: 2, conditions: [] },
    ...overrides,
  };
}

export function replicaSet(hash: string, revision: string, image: string, uid = `rs-${hash}`): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`,
      namespace: NS,
      uid,
      creationTimestamp: ago(3600 / Number(revision)),
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true }],
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': hash } },
        spec: { containers: [{ ...template.spec.containers[0], image }] },
      },
    },
    status: { replicas: 1 },
  };
}

export const NEW_RS = replicaSet('7d9f8c6b5', '2', 'ghcr.io/acme/web:1.4.2');
export const OLD_RS = replicaSet('5c4b3a291', '1', 'ghcr.io/acme/web:1.4.1');

export interface PodOptions {
  name?: string;
  rs?: any;
  node?: string | null;
  phase?: string;
  ready?: boolean;
  createdAgo?: number;
  containerStatuses?: any[];
  initContainerStatuses?: any[];
  initContainers?: any[];
  conditions?: any[];
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export function pod(o: PodOptions = {}): any {
  const rs = o.rs ?? NEW_RS;
  const hash = rs.metadata.labels['pod-template-hash'];
  const name = o.name ?? `web-${hash}-x1`;
  const ready = o.ready ?? false;
  const node = o.node === undefined ? 'worker-1' : o.node;
  const conditions = o.conditions ?? [
    { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: ago(120) },
    { type: 'Initialized', status: 'True', lastTransitionTime: ago(120) },
    {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      lastTransitionTime: ago(120),
      ...(ready ? {} : { reason: 'ContainersNotReady', message: 'containers with unready status: [app]' }),
    },
    { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: ago(120) },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(125) },
  ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: NS,
      uid: `uid-${name}`,
      creationTimestamp: ago(o.createdAgo ?? 125),
      labels: { app: 'web', 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true }],
      ...o.metadata,
    },
    spec: {
      ...(node ? { nodeName: node } : {}),
      restartPolicy: 'Always',
      containers: rs.spec.template.spec.containers,
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...o.spec,
    },
    status: {
      phase: o.phase ?? 'Running',
      conditions,
      ...(node ? { hostIP: '10.0.0.11', startTime: ago(120) } : {}),
      containerStatuses: o.containerStatuses ?? [running('app', ready)],
      ...(o.initContainerStatuses ? { initContainerStatuses: o.initContainerStatuses } : {}),
      ...o.status,
    },
  };
}

export function running(name: string, ready: boolean, extra: Record<string, unknown> = {}): any {
  return {
    name,
    image: 'ghcr.io/acme/web:1.4.2',
    imageID: 'ghcr.io/acme/web@sha256:' + 'a'.repeat(64),
    containerID: 'containerd://' + 'b'.repeat(64),
    ready,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: ago(110) } },
    ...extra,
  };
}

export function waiting(name: string, reason: string, message: string | undefined, extra: Record<string, unknown> = {}): any {
  return {
    name,
    image: 'ghcr.io/acme/web:1.4.2',
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: message === undefined ? { reason } : { reason, message } },
    ...extra,
  };
}

export function terminated(exitCode: number, reason: string, message?: string, finishedAgo = 5): any {
  return {
    terminated: {
      exitCode,
      reason,
      ...(message ? { message } : {}),
      startedAt: ago(finishedAgo + 1),
      finishedAt: ago(finishedAgo),
      containerID: 'containerd://' + 'c'.repeat(64),
    },
  };
}

export function crashLooping(name: string, last: any, restarts: number): any {
  return waiting(
    name,
    'CrashLoopBackOff',
    `back-off 40s restarting failed container=${name} pod=web-7d9f8c6b5-x1_shop(uid-web-7d9f8c6b5-x1)`,
    {
      restartCount: restarts,
      lastState: last,
      started: false,
    },
  );
}

export function event(
  about: any,
  type: string,
  reason: string,
  message: string,
  o: { count?: number; lastAgo?: number; firstAgo?: number; container?: string; kind?: string } = {},
): any {
  const kind = o.kind ?? about.kind ?? 'Pod';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${about.metadata.name}.${reason}.${Math.abs(hashOf(message))}`, namespace: about.metadata.namespace ?? 'default' },
    involvedObject: {
      kind,
      name: about.metadata.name,
      namespace: about.metadata.namespace,
      uid: about.metadata.uid,
      ...(o.container ? { fieldPath: `spec.containers{${o.container}}` } : {}),
    },
    type,
    reason,
    message,
    count: o.count ?? 1,
    firstTimestamp: ago(o.firstAgo ?? o.lastAgo ?? 30),
    lastTimestamp: ago(o.lastAgo ?? 30),
    source: { component: 'kubelet', host: 'worker-1' },
  };
}

function hashOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

export function node(
  name: string,
  o: {
    ready?: string;
    reason?: string;
    message?: string;
    cpu?: string;
    memory?: string;
    pods?: string;
    taints?: any[];
    unschedulable?: boolean;
    conditions?: any[];
    transitionAgo?: number;
  } = {},
): any {
  const ready = o.ready ?? 'True';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `node-${name}`, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/arch': 'amd64' } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: o.cpu ?? '1930m', memory: o.memory ?? '7629364Ki', pods: o.pods ?? '110', 'ephemeral-storage': '95094724Ki' },
      capacity: { cpu: '2', memory: '8148276Ki', pods: '110' },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
          lastTransitionTime: ago(86400),
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
          lastTransitionTime: ago(86400),
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
          lastTransitionTime: ago(86400),
        },
        {
          type: 'Ready',
          status: ready,
          reason: o.reason ?? (ready === 'True' ? 'KubeletReady' : 'KubeletNotReady'),
          message: o.message ?? (ready === 'True' ? 'kubelet is posting ready status' : ''),
          lastTransitionTime: ago(o.transitionAgo ?? (ready === 'True' ? 86400 : 90)),
        },
        ...(o.conditions ?? []),
      ],
    },
  };
}

export function snapshot(parts: Partial<ClusterSnapshot>): ClusterSnapshot {
  return {
    ...emptySnapshot(),
    deployments: [deployment()],
    replicaSets: [NEW_RS, OLD_RS],
    nodes: [node('worker-1'), node('worker-2')],
    ...parts,
  };
}
