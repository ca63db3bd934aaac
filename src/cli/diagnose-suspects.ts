// Offline "what changed": for each failing workload in a dump, the template of the revision before the newest,
// read from its ReplicaSets (Deployment) or ControllerRevisions (StatefulSet, DaemonSet).
import type { ClusterSnapshot } from '../diagnose/index.js';
import type { TemplatePair } from '../diagnose/suspects.js';
import { deploymentHistory } from '../rollback/deployment.js';
import { revisionHistory } from '../rollback/controller-revision.js';

type Plain = Record<string, any>;

function previousTemplate(history: Map<number, Plain>): { before: unknown; after: unknown } | null {
  const revisions = [...history.keys()].sort((a, b) => b - a);
  if (revisions.length < 2) return null;
  return { before: history.get(revisions[1])?.spec?.template, after: history.get(revisions[0])?.spec?.template };
}

export function templatePairsFromSnapshot(s: ClusterSnapshot): Map<string, TemplatePair> {
  const pairs = new Map<string, TemplatePair>();
  const add = (kind: string, items: unknown[], history: (o: Plain) => Map<number, Plain>) => {
    for (const o of items as Plain[]) {
      const pair = previousTemplate(history(o));
      if (pair) pairs.set(`${kind}/${o.metadata?.namespace}/${o.metadata?.name}`, { ...pair, namespace: o.metadata?.namespace });
    }
  };
  add('Deployment', s.deployments, (d) => deploymentHistory(d as any, s.replicaSets as any) as Map<number, Plain>);
  add('StatefulSet', s.statefulSets, (d) => revisionHistory(d as any, s.controllerRevisions as any) as Map<number, Plain>);
  add('DaemonSet', s.daemonSets, (d) => revisionHistory(d as any, s.controllerRevisions as any) as Map<number, Plain>);
  return pairs;
}
