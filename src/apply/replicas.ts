// respect-hpa: a workload an HPA scales must not get spec.replicas from the manifest, or every deploy resets the
// count the HPA chose. Leaving the field out is not enough while the gate still owns it (the HPA never had to
// change it): server-side apply deletes a field its owner stops sending, and the API server then defaults
// spec.replicas to 1. So until the HPA has taken the field, the deploy sends the live count back, which changes
// nothing; once the HPA writes a new count it owns the field and the deploy stops sending it.
import type { KubeObject } from '../k8s/objects.js';
import { applyEntryOf, entryOwnsField } from '../k8s/managed-fields.js';
import type { FieldLeftOut } from '../model.js';

export interface ReplicasDecision {
  object: KubeObject;
  leftOut: FieldLeftOut | null;
  notice: string | null;
}

export interface ReplicasInput {
  desired: KubeObject;
  live: KubeObject | null;
  /** The HPAs that scale this workload. */
  hpas: readonly KubeObject[];
  respectHpa: boolean;
  fieldManager: string;
  /** "Deployment/shop/api". */
  objectId: string;
  /** "Deployment shop/api". */
  what: string;
}

const specOf = (obj: KubeObject | null) => (obj?.spec ?? {}) as { replicas?: unknown };

export function decideReplicas(input: ReplicasInput): ReplicasDecision {
  const { desired, live, hpas } = input;
  const manifest = specOf(desired).replicas;
  const unchanged: ReplicasDecision = { object: desired, leftOut: null, notice: null };
  if (manifest === undefined || hpas.length === 0) return unchanged;
  const hpa = hpas[0].metadata;
  const owner = `HorizontalPodAutoscaler ${hpa?.namespace ? `${hpa.namespace}/` : ''}${hpa?.name ?? ''}`;
  const says = `${input.what} sets spec.replicas (${JSON.stringify(manifest)}) but ${owner} scales it`;
  const liveCount = specOf(live).replicas ?? null;
  if (!input.respectHpa) {
    const reset = live ? `, resetting the HPA's count (${JSON.stringify(liveCount)})` : '';
    return { ...unchanged, notice: `${says}: the deploy applies ${JSON.stringify(manifest)}${reset} (respect-hpa: false)` };
  }
  if (!live) {
    return {
      ...unchanged,
      notice: `${says}: this first deploy starts it at ${JSON.stringify(manifest)}; later deploys leave the count to the HPA (respect-hpa). Remove spec.replicas from the manifest`,
    };
  }
  const object = structuredClone(desired);
  const spec = object.spec as { replicas?: unknown };
  const stillOurs = entryOwnsField(applyEntryOf(live, input.fieldManager), ['spec', 'replicas']);
  if (stillOurs && liveCount !== null) spec.replicas = liveCount;
  else delete spec.replicas;
  return {
    object,
    leftOut: { object: input.objectId, field: '.spec.replicas', owner, reason: 'hpa', live: liveCount, manifest },
    notice: `${says}: the deploy leaves spec.replicas to the HPA, which keeps its count (${JSON.stringify(liveCount)}) (respect-hpa). Remove spec.replicas from the manifest`,
  };
}
