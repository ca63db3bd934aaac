// Whether a node can take a pod by its labels: the pod's nodeSelector and its required node affinity, as the
// scheduler's NodeAffinity filter decides (k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go,
// GetRequiredNodeAffinity + NodeSelector.Match). Preferred affinity never keeps a pod off a node.
import { record, records, text } from './fields.js';
import type { Node, PodSpec } from './objects.js';

function matchesExpression(value: string | undefined, operator: string, values: string[]): boolean {
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Both sides must be integers, else the requirement does not match (labels.Requirement.Matches).
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false;
      return operator === 'Gt' ? BigInt(value) > BigInt(values[0]) : BigInt(value) < BigInt(values[0]);
    }
    default:
      return false;
  }
}

function termMatches(term: Record<string, unknown>, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const expressions = records(term.matchExpressions);
  const fields = records(term.matchFields);
  // An empty term matches no node (nodeaffinity.go: "a null or empty term matches no objects").
  if (expressions.length === 0 && fields.length === 0) return false;
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(text) : []);
  return (
    expressions.every((e) => matchesExpression(labels[text(e.key)], text(e.operator), strings(e.values))) &&
    // The only field a node selector term may name is metadata.name.
    fields.every((f) => text(f.key) === 'metadata.name' && matchesExpression(node.metadata?.name, text(f.operator), strings(f.values)))
  );
}

export function nodeSelectorMatches(node: Node, spec: PodSpec | undefined): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [key, value] of Object.entries(spec?.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const required = record(record(record(spec?.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  if (!('nodeSelectorTerms' in required)) return true;
  return records(required.nodeSelectorTerms).some((term) => termMatches(term, node));
}

/** The pod's node selection in a few words, for messages: "pool=gpu, zone In [a b]". */
export function describeNodeSelection(spec: PodSpec | undefined): string {
  const parts = Object.entries(spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
  const required = record(record(record(spec?.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  const terms = records(required.nodeSelectorTerms).map((term) =>
    [...records(term.matchExpressions), ...records(term.matchFields)]
      .map((e) => `${text(e.key)} ${text(e.operator)}${Array.isArray(e.values) ? ` [${e.values.map(text).join(' ')}]` : ''}`)
      .join(', '),
  );
  if (terms.length) parts.push(terms.length === 1 ? terms[0] : terms.map((t) => `(${t})`).join(' or '));
  return parts.join(', ');
}
