// kubectl's StatusViewerFor: the viewer is chosen by API group and kind (any version), and the old extensions
// group maps to the same Deployment and DaemonSet rules. Job, Pod and ReplicationController are ours. Objects without apiVersion (list
// items, which the API server sends without apiVersion/kind) are taken to be in the kind's usual group.
import type { RolloutStatus } from './verdict.js';
import type { WorkloadKind } from '../../k8s/kinds.js';
import { record, text } from '../../k8s/fields.js';
import { daemonSetStatus } from './daemonset.js';
import { deploymentStatus } from './deployment.js';
import { jobStatus } from './job.js';
import { podStatus } from './pod.js';
import { replicationControllerStatus } from './replication-controller.js';
import { statefulSetStatus } from './statefulset.js';

export type StatusViewer = (obj: unknown, revision: number) => RolloutStatus;

interface ViewerEntry {
  groups: readonly string[];
  view: StatusViewer;
}

// Only Deployment honours --revision in kubectl; the others ignore it there, and here.
export const VIEWERS: Readonly<Record<WorkloadKind, ViewerEntry>> = {
  Deployment: { groups: ['apps', 'extensions'], view: deploymentStatus },
  DaemonSet: { groups: ['apps', 'extensions'], view: (obj) => daemonSetStatus(obj) },
  StatefulSet: { groups: ['apps'], view: (obj) => statefulSetStatus(obj) },
  Job: { groups: ['batch'], view: (obj) => jobStatus(obj) },
  Pod: { groups: [''], view: (obj) => podStatus(obj) },
  ReplicationController: { groups: [''], view: (obj) => replicationControllerStatus(obj) },
};

export interface GroupKind {
  group: string | null;
  kind: string;
}

/** The group from apiVersion ("apps/v1" -> "apps", "v1" -> ""), null when apiVersion is missing. */
export function groupKindOf(obj: unknown): GroupKind {
  const o = record(obj);
  const apiVersion = text(o.apiVersion);
  const slash = apiVersion.lastIndexOf('/');
  return { group: apiVersion === '' ? null : slash < 0 ? '' : apiVersion.slice(0, slash), kind: text(o.kind) };
}

function isWorkloadKind(kind: string): kind is WorkloadKind {
  return Object.hasOwn(VIEWERS, kind);
}

/** schema.GroupKind's String(): "Kind.group", or "Kind" for the core group. */
export function formatGroupKind({ group, kind }: GroupKind): string {
  return group ? `${kind}.${group}` : kind;
}

export function viewerFor(gk: GroupKind): StatusViewer | { error: string } {
  if (isWorkloadKind(gk.kind)) {
    const entry = VIEWERS[gk.kind];
    if (gk.group === null || entry.groups.includes(gk.group)) return entry.view;
  }
  return { error: `no status viewer has been implemented for ${formatGroupKind(gk)}` };
}
