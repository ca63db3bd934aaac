// The memory-hog scenario's eviction, as the kubelet's eviction manager and node status loop do it: the container
// starts like a healthy one, its working set grows far past its memory request, the node falls under the hard
// threshold memory.available<100Mi, and the kubelet (1) reports MemoryPressure=True "kubelet has insufficient memory
// available" (nodestatus/setters.go, event NodeHasInsufficientMemory "Node %s status is now: %s"), (2) records
// EvictionThresholdMet "Attempting to reclaim memory" on the node, (3) evicts the pod using the most above its request:
// Warning Evicted with the message of eviction/helpers.go evictionMessage, the containers killed (exit 137, Killing
// "Stopping container %s"), phase Failed, reason Evicted, DisruptionTarget True TerminationByKubelet with the same
// message (eviction_manager.go evictPod@v1.37.2). The node lifecycle controller then taints the node
// node.kubernetes.io/memory-pressure:NoSchedule, so the replacement lands elsewhere. The pressure is reported until
// PRESSURE_HOLD_MS after the last eviction there (the kubelet's evictionPressureTransitionPeriod, 5 min by default,
// shortened so a test does not leave the node tainted for long). memory-hog-on-node=X hogs only on node X.
import crypto from 'node:crypto';

export const HOG_GROWS_MS = 3000;
export const PRESSURE_HOLD_MS = 20_000;
const THRESHOLD = '100Mi';

const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const unit = (text) => crypto.createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

/** True once a memory-hog pod's first container has run long enough to push its node under the threshold. */
export function hogging(pod, scenario, nowMs) {
  if (scenario !== 'memory-hog' || pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) return false;
  const first = pod.spec.containers[0].name;
  const started = Date.parse(pod.status.containerStatuses?.find((s) => s.name === first)?.state?.running?.startedAt ?? '');
  return Number.isFinite(started) && nowMs - started >= HOG_GROWS_MS;
}

/** evictionMessage: the node line, the threshold line, then one line per container using more than it requests. */
export function evictionMessage(pod) {
  const uid = pod.metadata.uid;
  const available = `${51200 + Math.floor(unit(`${uid}/available`) * 40000)}Ki`;
  let message = `The node was low on resource: memory. Threshold quantity: ${THRESHOLD}, available: ${available}. `;
  pod.spec.containers.forEach((c, i) => {
    const request = c.resources?.requests?.memory;
    // The hog uses about 6Gi; a container beside it a few MiB, which only exceeds a request of 0.
    if (i > 0 && request) return;
    const usage = i === 0 ? 6_291_456 + Math.floor(unit(`${uid}/usage`) * 524_288) : 8192 + Math.floor(unit(`${uid}/${c.name}`) * 4096);
    message += `Container ${c.name} was using ${usage}Ki, request is ${request ?? '0'}, has larger consumption of memory. `;
  });
  return message;
}

/** The status patch of an evicted pod: every container killed, the pod Failed. */
export function evictedStatus(pod, message, nowMs) {
  const t = rfc3339(nowMs);
  const gen = pod.metadata.generation ?? 1;
  const cond = (type, status, reason, msg) => ({ type, status, lastTransitionTime: t, observedGeneration: gen, reason, message: msg });
  return {
    status: {
      phase: 'Failed',
      reason: 'Evicted',
      message,
      conditions: [
        cond('DisruptionTarget', 'True', 'TerminationByKubelet', message),
        cond('PodReadyToStartContainers', 'False', null, null),
        cond('ContainersReady', 'False', 'PodFailed', null),
        cond('Ready', 'False', 'PodFailed', null),
      ],
      containerStatuses: (pod.status?.containerStatuses ?? []).map((s) => ({
        ...s,
        ready: false,
        started: false,
        state: {
          terminated: {
            containerID: s.containerID,
            exitCode: 137,
            reason: 'Error',
            startedAt: s.state?.running?.startedAt ?? t,
            finishedAt: t,
          },
        },
      })),
    },
  };
}

/** The node status patch for MemoryPressure (conditions merge by type). */
export function memoryPressure(on, nowMs) {
  const t = rfc3339(nowMs);
  return {
    status: {
      conditions: [
        {
          type: 'MemoryPressure',
          status: on ? 'True' : 'False',
          reason: on ? 'KubeletHasInsufficientMemory' : 'KubeletHasSufficientMemory',
          message: on ? 'kubelet has insufficient memory available' : 'kubelet has sufficient memory available',
          lastHeartbeatTime: t,
          lastTransitionTime: t,
        },
      ],
    },
  };
}
