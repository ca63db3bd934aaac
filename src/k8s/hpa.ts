// HorizontalPodAutoscalers: which workload each one scales. An HPA sets spec.replicas through the scale subresource;
// an apply that also sets spec.replicas resets the count the HPA chose.
import { record, text } from './fields.js';
import type { KubeObject } from './objects.js';

export const HPA_API_VERSION = 'autoscaling/v2';

export interface ScaleTarget {
  /** The API group of scaleTargetRef.apiVersion ("" for the core group). */
  group: string;
  kind: string;
  name: string;
  namespace: string;
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');

/** The workload an HPA scales, in the HPA's own namespace; null when the HPA names none. */
export function hpaTarget(hpa: KubeObject): ScaleTarget | null {
  const ref = record(record(hpa.spec).scaleTargetRef);
  const kind = text(ref.kind);
  const name = text(ref.name);
  if (!kind || !name) return null;
  return { group: groupOf(text(ref.apiVersion)), kind, name, namespace: hpa.metadata?.namespace ?? '' };
}

/** The HPAs among `hpas` that scale the object of this apiVersion, kind, namespace and name. */
export function hpasScaling(
  target: { apiVersion: string; kind: string; namespace: string; name: string },
  hpas: readonly KubeObject[],
): KubeObject[] {
  const group = groupOf(target.apiVersion);
  return hpas.filter((hpa) => {
    const t = hpaTarget(hpa);
    return t !== null && t.kind === target.kind && t.name === target.name && t.namespace === target.namespace && t.group === group;
  });
}
