// What a rollback applies. kubectl rollout undo sends a JSON patch (Deployment) or the stored strategic merge patch
// (StatefulSet, DaemonSet), which the API server records as an Update: server-side apply then sees every restored
// field as someone else's, and the next deploy from git stops on a conflict with the gate's own rollback. The gate
// instead applies, as its own field manager, the whole configuration this run applied with the pod template of the
// revision it returns to. Anything short of the whole configuration would make server-side apply delete the fields
// left out (spec.replicas, the selector...); fields other managers own are kept, as they were before the run.
import type { KubeObject } from '../k8s/objects.js';
import { withoutHashLabel } from '../k8s/template-equal.js';
import { withRevisionTrace } from '../apply/trace.js';

function specOf(obj: KubeObject): Record<string, unknown> {
  return (obj.spec ??= {}) as Record<string, unknown>;
}

/**
 * `applied`: the object this run's apply sent. `template`: the pod template of the revision rolled back to.
 * `revisionAnnotations`: that revision's ReplicaSet or ControllerRevision annotations: like kubectl's undo, the
 * rollback restores its change-cause and run trace, so `kubectl rollout history` names the change that runs again.
 * `live`: the workload now. A rollback restores the template, not the scale (as kubectl's does): spec.replicas, when
 * the run applied it, is sent as it is now, so an HPA or a person who scaled during the run keeps that count.
 */
export function restoreObject(
  applied: KubeObject,
  template: unknown,
  revisionAnnotations: Readonly<Record<string, string>>,
  live: KubeObject,
): KubeObject {
  const out = withRevisionTrace(applied, revisionAnnotations);
  const liveReplicas = (live.spec as { replicas?: unknown } | undefined)?.replicas;
  if (specOf(out).replicas !== undefined && typeof liveReplicas === 'number') specOf(out).replicas = liveReplicas;
  const restored = withoutHashLabel(template as Parameters<typeof withoutHashLabel>[0]);
  // Old ReplicaSets carry `creationTimestamp: null` in their template: noise in an applied configuration.
  if (restored.metadata) delete (restored.metadata as Record<string, unknown>).creationTimestamp;
  specOf(out).template = restored;
  return out;
}

/** A failed first deploy scaled to zero, as the gate's own apply (the next deploy then owns spec.replicas cleanly). */
export function scaledToZero(applied: KubeObject): KubeObject {
  const out = structuredClone(applied);
  specOf(out).replicas = 0;
  return out;
}
