// Which changes the wait should diagnose at once instead of at the end of its diagnosis interval: a pod whose
// container has started failing, a pod that failed, or a Warning event. A rollout that goes well (pods scheduled,
// created, started, ready) produces none of them, so a large healthy rollout keeps the interval's low CPU cost.
import type { ContainerStatus, Pod } from '../k8s/objects.js';
import { STARTING_REASONS } from './rules/containers.js';

function containerFailing(status: ContainerStatus): boolean {
  const reason = status.state?.waiting?.reason;
  if (reason && !STARTING_REASONS.has(reason)) return true;
  const exitCode = status.state?.terminated?.exitCode;
  return exitCode !== undefined && exitCode !== 0;
}

export function isAlarming(obj: unknown): boolean {
  const o = obj as { kind?: string; type?: string } | null;
  if (o?.kind === 'Event') return o.type === 'Warning';
  if (o?.kind !== 'Pod') return false;
  const status = (obj as Pod).status;
  if (status?.phase === 'Failed') return true;
  return [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])].some(containerFailing);
}
