// What ran before this run's apply, per workload: the rollback target and the "before" side of "what changed".
import type { KubeClient } from '../kube/client.js';
import type { WorkloadKind } from '../model.js';

export interface BeforeState {
  exists: boolean;
  revision: number | null;
  generation: number | null;
  resourceVersion: string | null;
  template: unknown | null;
  paused: boolean;
}

const NONE: BeforeState = { exists: false, revision: null, generation: null, resourceVersion: null, template: null, paused: false };

export async function readBeforeState(client: KubeClient, apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<BeforeState> {
  const current = await client.get(apiVersion, kind, namespace, name);
  if (!current) return NONE;
  const base: BeforeState = {
    exists: true,
    revision: null,
    generation: current.metadata?.generation ?? null,
    resourceVersion: current.metadata?.resourceVersion ?? null,
    template: current.spec?.template ?? null,
    paused: current.spec?.paused === true,
  };
  if (kind === 'Deployment') {
    base.revision = numberOrNull(current.metadata?.annotations?.['deployment.kubernetes.io/revision']);
  } else if (kind === 'StatefulSet' || kind === 'DaemonSet') {
    const revisions = await client.list('apps/v1', 'ControllerRevision', namespace);
    base.revision = controllerRevisionNumber(current, revisions);
  }
  return base;
}

export function numberOrNull(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The revision number of the template that runs now: the StatefulSet's currentRevision, a DaemonSet's newest. */
export function controllerRevisionNumber(workload: any, revisions: any[]): number | null {
  const uid = workload.metadata?.uid;
  const owned = revisions.filter((r) => (r.metadata?.ownerReferences ?? []).some((o: any) => o.controller && o.uid === uid));
  if (owned.length === 0) return null;
  if ((workload.kind as WorkloadKind) === 'StatefulSet') {
    const name = workload.status?.currentRevision ?? workload.status?.updateRevision;
    const match = owned.find((r) => r.metadata?.name === name);
    if (match) return Number(match.revision);
  }
  return Math.max(...owned.map((r) => Number(r.revision)));
}
