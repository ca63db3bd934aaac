// Who owns what: owner references as the garbage collector and the controllers read them.
import type { KubeObject } from './objects.js';

/** Any owner reference naming `owner` (by uid when both sides have one, else by kind and name). */
export function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  const uid = owner.metadata?.uid;
  return (obj.metadata?.ownerReferences ?? []).some((r) =>
    uid && r.uid ? r.uid === uid : r.kind === owner.kind && r.name === owner.metadata?.name,
  );
}

// metav1.IsControlledBy: the controller owner reference must carry the owner's uid; a plain owner is not enough.
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const uid = owner.metadata?.uid;
  if (!uid) return false;
  const controller = (obj.metadata?.ownerReferences ?? []).find((ref) => ref.controller === true);
  return controller?.uid === uid;
}

/** No controller owns it: a bare Pod, a standalone ReplicaSet. */
export function hasNoController(obj: KubeObject): boolean {
  return !(obj.metadata?.ownerReferences ?? []).some((r) => r.controller);
}

export function sameNamespace(a: KubeObject, b: KubeObject): boolean {
  return (a.metadata?.namespace ?? '') === (b.metadata?.namespace ?? '');
}

export function nameOf(obj: KubeObject): string {
  return obj.metadata?.name ?? '';
}

/** The kind of the object's controller (its owner reference with controller: true), or null. */
export function controllerKindOf(obj: KubeObject): string | null {
  return (obj.metadata?.ownerReferences ?? []).find((r) => r.controller)?.kind ?? null;
}
