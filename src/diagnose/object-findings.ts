// The diagnosis of an object that is not a workload, on top of its kstatus verdict (watch/status/generic): a
// Stalled condition as the finding it is (the condition's reason and message), and for a claim that is not bound
// what the volume controllers said about it (the PV controller's ProvisioningFailed, an external provisioner's).
// Pure: the object, its verdict, the events of its namespace and, for claims, the cluster's StorageClasses.
import { findCondition, record, text } from '../k8s/fields.js';
import type { ObjectKey } from '../k8s/kinds.js';
import type { KubeObject } from '../k8s/objects.js';
import { latest, viewEvent, type EventView } from './events.js';
import { toFinding, type Finding } from './finding.js';
import type { Draft } from './rules/types.js';
import { eventsNamed } from './snapshot-index.js';

/** The kstatus verdict, as watch/status/generic returns it (restated: diagnose does not import watch). */
export interface ObjectVerdict {
  state: 'current' | 'in-progress' | 'failed';
  message: string;
  reason?: string;
}

export interface ObjectInputs {
  /** Events of the object's namespace, either Event API (a live store's list or a dump's). */
  events: readonly unknown[];
  now: Date;
  /** The cluster's StorageClasses; absent when they could not be listed (then no class is known to be missing). */
  storageClasses?: readonly unknown[];
}

function base(fields: Pick<Draft, 'category' | 'message'> & Partial<Draft>): Draft {
  return {
    pod: null,
    container: null,
    node: null,
    reason: null,
    exitCode: null,
    restarts: null,
    events: [],
    evidence: {},
    since: null,
    failures: 1,
    ...fields,
  };
}

const viewsOf = new WeakMap<readonly unknown[], EventView[]>();
function views(events: readonly unknown[]): EventView[] {
  let v = viewsOf.get(events);
  if (!v) viewsOf.set(events, (v = events.map(viewEvent)));
  return v;
}

/** kstatus's Failed: a Stalled condition (its reason and message), or what the verdict itself says (a lost claim). */
function failedDraft(obj: KubeObject, verdict: ObjectVerdict, events: EventView[]): Draft {
  const stalled = findCondition(record(obj.status), 'Stalled');
  const reason = stalled?.status === 'True' ? text(stalled.reason) : (verdict.reason ?? '');
  return base({
    category: 'object-stalled',
    reason: reason || null,
    message: verdict.message,
    events,
    evidence: { cause: verdict.message },
  });
}

function storageClassOf(claim: KubeObject): string {
  const beta = claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  return beta ?? text(record(claim.spec).storageClassName);
}

const CLASS_NOT_FOUND = /^storageclass\.storage\.k8s\.io "([^"]+)" not found$/;

/**
 * A Pending claim whose provisioning fails: the PV controller writes ProvisioningFailed (`storageclass.storage.k8s.io
 * "x" not found` when the class does not exist; pkg/controller/volume/persistentvolume/pv_controller.go provisionClaim),
 * and so do external provisioners (sigs.k8s.io/sig-storage-lib-external-provisioner). A class the cluster's list
 * confirms missing is conclusive at once: the controller retries every resync, but nothing in this run creates it.
 */
function provisioningDraft(claim: KubeObject, events: EventView[], storageClasses: readonly unknown[] | undefined): Draft | null {
  if (text(record(claim.status).phase) === 'Bound') return null;
  const failure = latest(events.filter((e) => e.type === 'Warning' && e.reason === 'ProvisioningFailed'));
  if (!failure) return null;
  const className = storageClassOf(claim);
  const missing = CLASS_NOT_FOUND.exec(failure.message)?.[1];
  const known = storageClasses !== undefined && missing !== undefined;
  const confirmed = known && !storageClasses.some((c) => text(record(record(c).metadata).name) === missing);
  return base({
    category: 'pvc-provisioning-failed',
    reason: failure.reason,
    message: `PersistentVolumeClaim ${claim.metadata?.name ?? ''} is ${text(record(claim.status).phase) || 'Pending'}${className ? ` (storageClassName ${className})` : ''}: ${failure.message}`,
    events,
    evidence: {
      pvc: claim.metadata?.name ?? '',
      refName: className || undefined,
      cause: missing !== undefined ? 'class-missing' : failure.message,
    },
    since: failure.firstSeen ?? failure.lastSeen,
    failures: failure.count,
    conclusive: confirmed || undefined,
  });
}

/** The findings for one waited object; none while it is current or nothing explains the wait. */
export function diagnoseObject(ref: ObjectKey, obj: KubeObject, verdict: ObjectVerdict, inputs: ObjectInputs): Finding[] {
  const claim = verdict.state === 'in-progress' && ref.kind === 'PersistentVolumeClaim';
  // The wait asks on every change: events are read only when something can come of them.
  if (verdict.state !== 'failed' && !claim) return [];
  const events = eventsNamed(views(inputs.events), ref.kind, ref.namespace, ref.name);
  const draft = claim ? provisioningDraft(obj, events, inputs.storageClasses) : failedDraft(obj, verdict, events);
  if (!draft) return [];
  // A finding about one object: "1/1 pods" would count what it does not have.
  return [{ ...toFinding(draft, ref, { now: inputs.now, podTotal: 1 }), count: '' }];
}
