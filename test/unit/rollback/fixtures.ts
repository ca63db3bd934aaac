// Plain API objects for the rollback tables, shaped like kubectl's polymorphichelpers test fixtures ("moons").
import type { ControllerRevision, PodTemplate, Workload } from '../../../src/k8s/objects.js';

export const DEPLOYMENT_UID = 'fc7e66ad-eacc-4413-8277-e22276eacce6';
export const SET_UID = '1993';

export function podTemplate(image: string, labels: Record<string, string> = { foo: 'bar' }): PodTemplate {
  return {
    metadata: { creationTimestamp: null, labels },
    spec: { containers: [{ name: 'test', image, resources: {} }], restartPolicy: 'Always' },
  };
}

export function deployment(
  image: string,
  extra: { paused?: boolean; annotations?: Record<string, string>; generation?: number; observedGeneration?: number } = {},
): Workload {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'moons',
      namespace: 'default',
      uid: DEPLOYMENT_UID,
      generation: extra.generation ?? 1,
      labels: { foo: 'bar' },
      annotations: extra.annotations ?? {},
    },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { foo: 'bar' } },
      template: podTemplate(image),
      ...(extra.paused === undefined ? {} : { paused: extra.paused }),
    },
    status: { observedGeneration: extra.observedGeneration ?? extra.generation ?? 1 },
  };
}

export function replicaSet(
  revision: string | null,
  image: string,
  extra: { name?: string; ownerUid?: string; controller?: boolean; created?: string; annotations?: Record<string, string> } = {},
): Workload {
  const annotations: Record<string, string> = { ...(extra.annotations ?? {}) };
  if (revision !== null) annotations['deployment.kubernetes.io/revision'] = revision;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: extra.name ?? `moons-${revision}`,
      namespace: 'default',
      uid: `rs-${extra.name ?? revision}`,
      creationTimestamp: extra.created ?? `2024-01-0${Math.min(Number(revision) || 1, 9)}T00:00:00Z`,
      labels: { foo: 'bar', 'pod-template-hash': `hash${revision}` },
      annotations,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'moons',
          uid: extra.ownerUid ?? DEPLOYMENT_UID,
          controller: extra.controller ?? true,
        },
      ],
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { foo: 'bar' } },
      template: podTemplate(image, { foo: 'bar', 'pod-template-hash': `hash${revision}` }),
    },
  };
}

export function statefulSet(
  image: string,
  status: { currentRevision?: string; updateRevision?: string } = {},
  kind = 'StatefulSet',
): Workload {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'moons', namespace: 'default', uid: SET_UID, generation: 1, labels: { foo: 'bar' } },
    spec: { replicas: 1, revisionHistoryLimit: 10, selector: { matchLabels: { foo: 'bar' } }, template: podTemplate(image) },
    status: { observedGeneration: 1, ...status },
  };
}

/** The ControllerRevision a StatefulSet/DaemonSet controller stores for a template: `$patch: replace` of spec.template. */
export function controllerRevision(
  revision: number,
  image: string,
  extra: { ownerUid?: string; kind?: string; name?: string } = {},
): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: extra.name ?? `moons-${revision}`,
      namespace: 'default',
      labels: { foo: 'bar' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: extra.kind ?? 'StatefulSet', name: 'moons', uid: extra.ownerUid ?? SET_UID, controller: true },
      ],
    },
    data: { spec: { template: { $patch: 'replace', ...podTemplate(image) } } },
    revision,
  };
}
