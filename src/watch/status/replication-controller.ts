// ReplicationController rules, ours: kubectl has no status viewer for it (`kubectl rollout status rc/x` answers "no
// status viewer has been implemented") and kstatus calls it current before it has a single pod. Written in kubectl's
// voice. The RC manager (pkg/controller/replication, the ReplicaSet controller behind an adapter) writes
// observedGeneration, replicas, readyReplicas and availableReplicas on every sync, so the rule is the issue's:
// readyReplicas (and availableReplicas, which minReadySeconds holds back) equal to spec.replicas, no extra pod left,
// at the observed generation. An RC never replaces a running pod when its template changes: "done" says the pods are
// ready, not that they run the new template (the diagnosis reports pods of an older template, pods-not-replaced).
import type { RolloutStatus } from './verdict.js';
import { int, nameOf, optionalInt, record } from '../../k8s/fields.js';
import { goQuote } from '../../k8s/go-quote.js';
import { rolledOut, waiting } from './verdict.js';

export function replicationControllerStatus(rc: unknown): RolloutStatus {
  const obj = record(rc);
  const status = record(obj.status);
  const observed = optionalInt(status.observedGeneration);
  if (observed === undefined || int(record(obj.metadata).generation) > observed) {
    return waiting('Waiting for replication controller spec update to be observed...');
  }
  const name = goQuote(nameOf(rc));
  // The API server defaults spec.replicas to 1.
  const desired = optionalInt(record(obj.spec).replicas) ?? 1;
  const ready = int(status.readyReplicas);
  const available = int(status.availableReplicas);
  const replicas = int(status.replicas);
  if (ready < desired) {
    return waiting(`Waiting for replication controller ${name} to be ready: ${ready} of ${desired} replicas are ready...`);
  }
  if (available < desired) {
    return waiting(`Waiting for replication controller ${name} to be ready: ${available} of ${desired} ready replicas are available...`);
  }
  if (replicas > desired) {
    return waiting(`Waiting for replication controller ${name} to scale down: ${replicas - desired} extra pods are pending termination...`);
  }
  return rolledOut(`replication controller ${name} has ${ready} of ${desired} replicas ready`);
}
