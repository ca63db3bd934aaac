// Which pods a Service sends traffic to. A Service's spec.selector is a plain equality map on pod labels
// (labels.SelectorFromSet in the endpoints controller, pkg/controller/endpointslice); a Service without one (an
// ExternalName, endpoints kept by hand) selects no pod at all.
import { record, text } from './fields.js';
import type { KubeObject } from './objects.js';
import { isWorkloadKind } from './kinds.js';

export type LabelSet = Readonly<Record<string, string>>;

/** The Service's selector, or null when it selects no pod (none, or empty). */
export function serviceSelector(service: KubeObject): LabelSet | null {
  const selector: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(record(service.spec).selector))) selector[key] = text(value);
  return Object.keys(selector).length > 0 ? selector : null;
}

export function selectsLabels(selector: LabelSet, labels: LabelSet | undefined): boolean {
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** The labels a workload's pods get: the pod template's, or a bare Pod's own; null for anything else. */
export function podLabelsOf(obj: KubeObject): LabelSet | null {
  if (!isWorkloadKind(obj.kind)) return null;
  const meta = obj.kind === 'Pod' ? obj.metadata : record(record(record(obj.spec).template).metadata);
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(meta?.labels))) labels[key] = text(value);
  return labels;
}
