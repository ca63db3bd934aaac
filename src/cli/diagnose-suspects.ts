// Offline "what changed": for each failing workload in a dump, the template of the revision before the newest,
// read from its ReplicaSets (Deployment) or ControllerRevisions (StatefulSet, DaemonSet).
import { workloadId, type ClusterSnapshot, type WorkloadKind } from '../k8s/kinds.js';
import type { Workload } from '../k8s/objects.js';
import type { TemplatePair } from '../diagnose/suspects.js';
import { deploymentHistory } from '../k8s/replicasets.js';
import { revisionHistory } from '../k8s/controller-revisions.js';

function previousTemplate(history: Map<number, Workload>): { before: unknown; after: unknown } | null {
  const revisions = [...history.keys()].sort((a, b) => b - a);
  if (revisions.length < 2) return null;
  return { before: history.get(revisions[1])?.spec?.template, after: history.get(revisions[0])?.spec?.template };
}

export function templatePairsFromSnapshot(s: ClusterSnapshot): Map<string, TemplatePair> {
  const pairs = new Map<string, TemplatePair>();
  const add = (kind: WorkloadKind, items: readonly Workload[], history: (o: Workload) => Map<number, Workload>) => {
    for (const o of items) {
      const pair = previousTemplate(history(o));
      const namespace = o.metadata?.namespace ?? '';
      if (pair) pairs.set(workloadId({ kind, namespace, name: o.metadata?.name ?? '' }), { ...pair, namespace });
    }
  };
  add('Deployment', s.deployments, (d) => deploymentHistory(d, s.replicaSets));
  add('StatefulSet', s.statefulSets, (d) => revisionHistory(d, s.controllerRevisions));
  add('DaemonSet', s.daemonSets, (d) => revisionHistory(d, s.controllerRevisions));
  return pairs;
}
