// The loose shapes of the API objects rollback reads, as the API server returns them as JSON. Only the fields
// rollback looks at are named; everything else rides along untouched so patches carry the object verbatim.

export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  creationTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [key: string]: unknown;
}

export interface PlainObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: unknown;
  [key: string]: unknown;
}

/** Deployment, StatefulSet, DaemonSet and ReplicaSet all keep their pod template at spec.template. */
export interface TemplatedObject extends PlainObject {
  spec?: { template?: PodTemplate; paused?: boolean; replicas?: number; revisionHistoryLimit?: number; [key: string]: unknown };
  status?: { observedGeneration?: number; currentRevision?: string; updateRevision?: string; [key: string]: unknown };
}

export interface ControllerRevision extends PlainObject {
  /** The stored strategic merge patch; the API returns the RawExtension as embedded JSON. */
  data?: unknown;
  revision?: number;
}

// metav1.IsControlledBy: the controller owner reference must carry the owner's uid; a plain owner is not enough.
export function isControlledBy(obj: PlainObject, owner: PlainObject): boolean {
  const uid = owner.metadata?.uid;
  if (!uid) return false;
  const controller = (obj.metadata?.ownerReferences ?? []).find((ref) => ref.controller === true);
  return controller?.uid === uid;
}

export type ParsedRevision = { ok: true; revision: number } | { ok: false };

// Mirrors kubectl's deploymentutil.Revision: a missing annotation reads as revision 0 (and so still counts as
// history), an unparsable one is an error the callers skip. Go's strconv.ParseInt accepts a leading sign.
export function parseRevisionAnnotation(obj: PlainObject, key = 'deployment.kubernetes.io/revision'): ParsedRevision {
  const annotations = obj.metadata?.annotations ?? {};
  if (!Object.hasOwn(annotations, key)) return { ok: true, revision: 0 };
  const text = annotations[key];
  if (typeof text !== 'string' || !/^[+-]?[0-9]+$/.test(text)) return { ok: false };
  const revision = Number(text);
  // Beyond 2^53 a JS number cannot hold the int64 exactly; no controller gets there, so treat it as unreadable.
  return Number.isSafeInteger(revision) ? { ok: true, revision } : { ok: false };
}

export function objectName(obj: PlainObject): string {
  return obj.metadata?.name ?? '';
}
