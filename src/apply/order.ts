// In which order the objects are applied. Objects in one group are applied in parallel; a group starts when the one
// before it is done. Namespaces and CRDs come first (and CRDs must be Established before their custom resources),
// then configuration the workloads read, then the workloads, so new pods never start before their ConfigMaps.
import { WORKLOAD_KINDS } from '../k8s/kinds.js';

const FIRST = new Set(['Namespace', 'CustomResourceDefinition']);
// Kinds with a pod template beside the ones the gate waits for: they start pods too.
const POD_MAKERS = new Set<string>([...WORKLOAD_KINDS, 'ReplicaSet', 'CronJob', 'ReplicationController']);

export function applyGroup(kind: string): number {
  if (FIRST.has(kind)) return 0;
  if (POD_MAKERS.has(kind)) return 2;
  return 1;
}

export function groupForApply<T extends { object: { kind?: string } }>(items: T[]): T[][] {
  const groups: T[][] = [[], [], []];
  for (const item of items) groups[applyGroup(item.object.kind ?? '')].push(item);
  return groups.filter((g) => g.length > 0);
}
