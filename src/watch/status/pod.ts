// Bare Pod rules, ours (kubectl has no Pod viewer), in kubectl's voice. A Pod never rolls: it is ready, finished or
// failed, and phase Failed/Succeeded is final because the kubelet never restarts a pod out of a terminal phase.
import type { RolloutStatus } from './verdict.js';
import { conditionIsTrue, findCondition, int, joinReason, nameOf, optionalInt, record, text } from '../../k8s/fields.js';
import { goQuote } from '../../k8s/go-quote.js';
import { failingExit, firstBlockingContainer } from './pod-containers.js';
import { failed, rolledOut, waiting } from './verdict.js';

function failure(name: string, status: Readonly<Record<string, unknown>>): string {
  const head = `pod ${name} failed`;
  // The pod's own reason (Evicted, DeadlineExceeded...) names the cause better than the exit it provoked.
  const reason = text(status.reason);
  const message = text(status.message);
  if (reason || message) return joinReason(head, reason, message);
  const exit = failingExit(status);
  if (!exit) return head;
  return joinReason(head, exit.reason, `container ${goQuote(exit.container)} exited with code ${exit.exitCode}`);
}

function whyNotReady(status: Readonly<Record<string, unknown>>): string {
  const blocking = firstBlockingContainer(status);
  if (blocking) return ` (container ${goQuote(blocking.container)}: ${blocking.reason})`;
  const scheduled = findCondition(status, 'PodScheduled');
  if (scheduled && scheduled.status !== 'True' && text(scheduled.reason)) return ` (${text(scheduled.reason)})`;
  return '';
}

export function podStatus(pod: unknown): RolloutStatus {
  const obj = record(pod);
  const meta = record(obj.metadata);
  const status = record(obj.status);
  const name = goQuote(nameOf(pod));
  // The API server sets phase Pending on create; only a hand-written object lacks it.
  const phase = text(status.phase) || 'Pending';

  if (phase === 'Failed') return failed(failure(name, status));
  if (phase === 'Succeeded') return rolledOut(`pod ${name} succeeded`);
  if (meta.deletionTimestamp) return waiting(`Waiting for pod ${name} to be ready: Terminating...`);
  // status.observedGeneration exists only with PodObservedGenerationTracking; without it an in-place image change
  // would read as ready on the old container.
  const observed = optionalInt(status.observedGeneration);
  if (observed !== undefined && int(meta.generation) > observed) {
    return waiting(`Waiting for pod ${name} spec update to be observed...`);
  }
  if (phase === 'Running' && conditionIsTrue(status, 'Ready')) return rolledOut(`pod ${name} is ready`);
  return waiting(`Waiting for pod ${name} to be ready: ${phase}${whyNotReady(status)}...`);
}
