// Facts about nodes the diagnosis quotes: which pool a node belongs to, and which node condition an eviction signal
// raises (pkg/kubelet/eviction/helpers.go signalToNodeCondition: memory -> MemoryPressure, the filesystem signals ->
// DiskPressure, pids -> PIDPressure).
import type { Node } from './objects.js';
import { NODE_POOL_LABELS } from './well-known.js';

/** The node pool (GKE node pool, EKS node group, AKS agent pool, Karpenter NodePool), when a label names it. */
export function nodePoolOf(node: Node | null | undefined): string | null {
  const labels = node?.metadata?.labels ?? {};
  for (const key of NODE_POOL_LABELS) if (labels[key]) return labels[key];
  return null;
}

export const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;
export type PressureCondition = (typeof PRESSURE_CONDITIONS)[number];

/**
 * The condition the eviction manager sets when it runs short of a resource, as the eviction message names it
 * ("The node was low on resource: memory"): memory, ephemeral-storage, the nodefs/imagefs/containerfs signals and
 * inodes are disk, pids is PIDs.
 */
export function pressureConditionOf(resource: string): PressureCondition | null {
  if (resource === 'memory' || resource.startsWith('memory.')) return 'MemoryPressure';
  if (resource === 'pids' || resource.startsWith('pid.')) return 'PIDPressure';
  if (/^(ephemeral-storage|inodes|nodefs|imagefs|containerfs)/.test(resource)) return 'DiskPressure';
  return null;
}
