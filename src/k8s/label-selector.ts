// A metav1.LabelSelector as the API server applies it (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go,
// LabelSelectorAsSelector, and pkg/labels/selector.go Requirement.Matches): every matchLabels pair and every
// matchExpressions requirement must hold. An absent selector selects nothing, an empty one everything.
import { record, text } from './fields.js';

export interface LabelRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** The selector's requirements, matchLabels first; null for an absent selector or an operator the API would refuse. */
export function requirementsOf(selector: unknown): LabelRequirement[] | null {
  if (selector === null || typeof selector !== 'object') return null;
  const s = record(selector);
  const out: LabelRequirement[] = Object.entries(record(s.matchLabels)).map(([key, value]) => ({
    key,
    operator: 'In',
    values: [text(value)],
  }));
  for (const e of Array.isArray(s.matchExpressions) ? s.matchExpressions : []) {
    const r = record(e);
    const operator = text(r.operator);
    if (!OPERATORS.has(operator)) return null;
    const values = Array.isArray(r.values) ? r.values.map(text) : [];
    out.push({ key: text(r.key), operator: operator as LabelRequirement['operator'], values });
  }
  return out;
}

export function requirementMatches(r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key]);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Whether an object with these labels is selected. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>> | undefined): boolean {
  const requirements = requirementsOf(selector);
  if (requirements === null) return false;
  return requirements.every((r) => requirementMatches(r, labels ?? {}));
}

/**
 * A workload's pod selector as a metav1.LabelSelector. A ReplicationController's is a plain map that defaults to its
 * template's labels (k8s.io/kubernetes pkg/apis/core/v1/defaults.go SetDefaults_ReplicationController).
 */
export function workloadSelector(kind: string, applied: unknown): unknown {
  const spec = record(record(applied).spec);
  if (kind !== 'ReplicationController') return spec.selector;
  const map = spec.selector ?? record(record(spec.template).metadata).labels;
  return map === undefined || map === null ? undefined : { matchLabels: map };
}
