// Which container explains a pod's state: the first one still in the way (init containers run first, so they come
// first) and the container whose exit failed the pod.
import { int, record, records, text, type Plain } from '../../k8s/fields.js';

export interface ContainerReason {
  container: string;
  reason: string;
}

export interface ContainerExit {
  container: string;
  reason: string;
  exitCode: number;
}

function statusesInStartOrder(podStatus: Plain): Plain[] {
  return [...records(podStatus.initContainerStatuses), ...records(podStatus.containerStatuses)];
}

// A finished init container has done its part; kubelet's ready flag for it varies across versions.
function isFinishedInit(status: Plain, isInit: boolean): boolean {
  const terminated = record(record(status.state).terminated);
  return isInit && Object.hasOwn(terminated, 'exitCode') && int(terminated.exitCode) === 0;
}

/** The first not-ready container that says why: its waiting reason, or the reason it terminated. */
export function firstBlockingContainer(podStatus: Plain): ContainerReason | null {
  const initCount = records(podStatus.initContainerStatuses).length;
  const statuses = statusesInStartOrder(podStatus);
  for (const [i, status] of statuses.entries()) {
    if (status.ready === true || isFinishedInit(status, i < initCount)) continue;
    const state = record(status.state);
    const reason = text(record(state.waiting).reason) || text(record(state.terminated).reason);
    if (reason) return { container: text(status.name), reason };
  }
  return null;
}

function exitOf(status: Plain): ContainerExit | null {
  for (const state of [record(status.state), record(status.lastState)]) {
    const terminated = record(state.terminated);
    if (Object.hasOwn(terminated, 'exitCode')) {
      return { container: text(status.name), reason: text(terminated.reason), exitCode: int(terminated.exitCode) };
    }
  }
  return null;
}

/** The container exit that failed the pod: the first non-zero one, else the first one at all. */
export function failingExit(podStatus: Plain): ContainerExit | null {
  const exits = statusesInStartOrder(podStatus)
    .map(exitOf)
    .filter((e): e is ContainerExit => e !== null);
  return exits.find((e) => e.exitCode !== 0) ?? exits[0] ?? null;
}
