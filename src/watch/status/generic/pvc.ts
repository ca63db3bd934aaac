// PersistentVolumeClaim: kstatus pvcConditions (sigs.k8s.io/cli-utils pkg/kstatus/status/core.go) waits for phase
// Bound. Two deliberate additions:
// - A claim whose StorageClass binds on first consumer stays Pending until a pod using it is scheduled, which may
//   never happen in this run (the consumer can be a later release or a CronJob). Such a claim is current until the
//   scheduler picks a node for it (the selected-node annotation); from then on it waits for Bound like any other.
//   The binding mode lives on the StorageClass, not the claim, so the caller passes the classes it listed; without
//   them the claim waits for Bound, as in kstatus. The decision mirrors the PV controller's own
//   (pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim, and IsDelayBindingMode,
//   IsDelayBindingProvisioning and GetPersistentVolumeClaimClass in k8s.io/component-helpers/storage/volume).
// - Phase Lost means the bound PersistentVolume is gone: nothing brings it back without a person, so it fails.
import { record, records, text, type Plain } from '../../../k8s/fields.js';
import { current, failed, inProgress, type ObjectStatus, type ObjectStatusOptions } from './object-status.js';

const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

// The beta annotation still wins over spec.storageClassName, as in GetPersistentVolumeClaimClass.
function storageClassOf(claim: Plain): string {
  const beta = record(record(claim.metadata).annotations)[BETA_STORAGE_CLASS];
  return typeof beta === 'string' ? beta : text(record(claim.spec).storageClassName);
}

/** False when the caller could not list the classes: the claim then waits for Bound, as in kstatus. */
function bindsOnFirstConsumer(claim: Plain, storageClasses: readonly unknown[] | undefined): boolean {
  const className = storageClassOf(claim);
  // No class means static binding to a PersistentVolume, which the PV controller does at once.
  if (className === '' || storageClasses === undefined) return false;
  // The PV controller binds at once when the class does not exist; so do we.
  const storageClass = records(storageClasses).find((c) => text(record(c.metadata).name) === className);
  return text(storageClass?.volumeBindingMode) === 'WaitForFirstConsumer';
}

function waitsForFirstConsumer(claim: Plain, storageClasses: readonly unknown[] | undefined): boolean {
  const annotations = record(record(claim.metadata).annotations);
  // A claim naming its volume is bound by the PV controller without delay, whatever its class says.
  if (text(record(claim.spec).volumeName) !== '') return false;
  if (Object.hasOwn(annotations, SELECTED_NODE)) return false;
  return bindsOnFirstConsumer(claim, storageClasses);
}

export function pvcStatus(object: unknown, options: ObjectStatusOptions): ObjectStatus {
  const claim = record(object);
  const phase = text(record(claim.status).phase) || 'unknown';
  if (phase === 'Bound') return current('PVC is Bound');
  const notBound = `PVC is not Bound. phase: ${phase}`;
  if (phase === 'Lost') return failed('ClaimLost', notBound);
  if (phase === 'Pending' && waitsForFirstConsumer(claim, options.storageClasses)) {
    // The PV controller's own event text for this state, as kubectl describe shows it.
    return current('PVC is Pending: waiting for first consumer to be created before binding');
  }
  return inProgress('NotBound', notBound);
}
