// kubectl's StatefulSetStatusViewer, which ignores --revision. Note the quirk kept on purpose: the API server always
// defaults spec.updateStrategy.rollingUpdate (partition 0), so live StatefulSets take the "partitioned" branch and
// finish on "partitioned roll out complete" once the pods above the partition are updated and all pods are ready.
import type { RolloutStatus } from './verdict.js';
import { int, optionalInt, record, text } from '../../k8s/fields.js';
import { refuseUnlessRollingUpdate } from './rolling-update-only.js';
import { rolledOut, waiting } from './verdict.js';

export function statefulSetStatus(statefulSet: unknown): RolloutStatus {
  const refusal = refuseUnlessRollingUpdate(statefulSet);
  if (refusal) return refusal;

  const obj = record(statefulSet);
  const spec = record(obj.spec);
  const status = record(obj.status);
  const observed = int(status.observedGeneration);
  // Unlike the other kinds, observedGeneration 0 means "not yet seen" even when generation is 0 too.
  if (observed === 0 || int(record(obj.metadata).generation) > observed) {
    return waiting('Waiting for statefulset spec update to be observed...');
  }
  const replicas = optionalInt(spec.replicas);
  const ready = int(status.readyReplicas);
  if (replicas !== undefined && ready < replicas) {
    return waiting(`Waiting for ${replicas - ready} pods to be ready...`);
  }
  const updated = int(status.updatedReplicas);
  const rollingUpdate = record(spec.updateStrategy).rollingUpdate;
  if (typeof rollingUpdate === 'object' && rollingUpdate !== null) {
    const partition = optionalInt(record(rollingUpdate).partition);
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return waiting(`Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`);
    }
    return rolledOut(`partitioned roll out complete: ${updated} new pods have been updated...`);
  }
  const updateRevision = text(status.updateRevision);
  const currentRevision = text(status.currentRevision);
  if (updateRevision !== currentRevision) {
    return waiting(`waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...`);
  }
  return rolledOut(`statefulset rolling update complete ${int(status.currentReplicas)} pods at revision ${currentRevision}...`);
}
