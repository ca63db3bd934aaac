// What ran before this run's apply, per workload: the rollback target and the "before" side of "what changed".
import type { KubeClient } from '../kube/client.js';
import type { KubeObject, Workload } from '../k8s/objects.js';
import { deploymentRevision } from '../k8s/replicasets.js';
import { statefulSetRevision } from '../k8s/controller-revisions.js';
import { workloadRevision } from '../k8s/history.js';

export interface BeforeState {
  exists: boolean;
  revision: number | null;
  generation: number | null;
  resourceVersion: string | null;
  template: unknown | null;
  /** The live object as read (its managedFields say who owns what). */
  object: KubeObject | null;
}

const NONE: BeforeState = {
  exists: false,
  revision: null,
  generation: null,
  resourceVersion: null,
  template: null,
  object: null,
};

export async function readBeforeState(
  client: KubeClient,
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): Promise<BeforeState> {
  const current = await client.get<Workload>(apiVersion, kind, namespace, name);
  if (!current) return NONE;
  const base: BeforeState = {
    exists: true,
    revision: null,
    generation: current.metadata?.generation ?? null,
    resourceVersion: current.metadata?.resourceVersion ?? null,
    template: current.spec?.template ?? null,
    object: current,
  };
  if (kind === 'Deployment') {
    base.revision = deploymentRevision(current);
  } else if (kind === 'StatefulSet') {
    // What runs before the apply: the pods' current revision (mid-rollout older than updateRevision).
    const revisions = await client.list('apps/v1', 'ControllerRevision', namespace);
    base.revision = statefulSetRevision(current, revisions, 'current') ?? statefulSetRevision(current, revisions, 'update');
  } else if (kind === 'DaemonSet') {
    base.revision = workloadRevision(kind, current, await client.list('apps/v1', 'ControllerRevision', namespace));
  }
  return base;
}
