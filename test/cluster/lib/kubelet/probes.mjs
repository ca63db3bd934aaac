// Failing probes of the not-ready and liveness scenarios, as the kubelet's prober reports them: one Warning
// "Unhealthy" per failed probe, every periodSeconds from initialDelaySeconds after the container started (identical
// messages fold into one Event whose count rises). A liveness probe fails failureThreshold times before the kubelet
// kills the container (the liveness stage times the kill to match); liveness-once fails once, then passes.
import { msg, probeOutput, probeTiming } from './messages.mjs';

/** The probe a scenario fails on the pod's first container, or null. */
export function failingProbe(pod, scenario) {
  const container = pod.spec.containers[0];
  if (scenario === 'not-ready' && container.readinessProbe) return { kind: 'Readiness', probe: container.readinessProbe, container };
  if ((scenario === 'liveness' || scenario === 'liveness-once') && container.livenessProbe) {
    return { kind: 'Liveness', probe: container.livenessProbe, container };
  }
  return null;
}

/**
 * Probe failures due for the running instance of the failing container by `nowMs`, beyond the `done` already
 * reported for it. Returns { instance, due, intents }: `due` is the new total to remember for `instance`.
 */
export function dueProbeFailures(pod, scenario, done, nowMs) {
  const failing = failingProbe(pod, scenario);
  if (!failing) return null;
  const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === failing.container.name);
  const startedAt = status?.state?.running?.startedAt;
  if (!startedAt) return null;
  const { initialDelayMs, periodMs, failureThreshold } = probeTiming(failing.probe);
  const first = Date.parse(startedAt) + initialDelayMs;
  let due = nowMs < first ? 0 : Math.floor((nowMs - first) / periodMs) + 1;
  if (failing.kind === 'Liveness') due = Math.min(due, scenario === 'liveness-once' ? 1 : failureThreshold);
  return failureIntents(pod, failing, status.containerID, done, due);
}

/** The failures a liveness kill implies: the kubelet kills only after failureThreshold of them. */
export function livenessFailuresBeforeKill(pod, instance, done) {
  const failing = failingProbe(pod, 'liveness');
  if (!failing) return null;
  return failureIntents(pod, failing, instance, done, probeTiming(failing.probe).failureThreshold);
}

function failureIntents(pod, failing, instance, done, due) {
  const output = probeOutput(failing.kind, failing.probe, failing.container, pod.status?.podIP);
  const intent = {
    fieldPath: `spec.containers{${failing.container.name}}`,
    type: 'Warning',
    reason: 'Unhealthy',
    message: msg.probeFailed(failing.kind, output),
  };
  const intents = [];
  for (let i = done; i < due; i++) intents.push(intent);
  return { instance, due: Math.max(done, due), intents };
}
