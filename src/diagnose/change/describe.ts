// The sentence a person reads under the headline: what this change did, in words, e.g.
// "limit lowered from 512Mi to 256Mi in this change".
import type { ConfigRef, TemplateChange } from './change-types.js';
import { fieldParts } from './field-path.js';
import { compareQuantities } from '../../k8s/quantity.js';

const IMAGE_OUTCOME: Record<string, string> = {
  'image-not-found': ', which the registry does not have',
  'image-pull-unauthorized': ', which the registry refuses to pull with the credentials the pod has',
  'image-invalid-name': ', which is not a valid image reference',
};

const PROBE_NAMES: Record<string, string> = {
  readinessProbe: 'readiness probe',
  livenessProbe: 'liveness probe',
  startupProbe: 'startup probe',
};

/** One sentence for a change; the finding's category sharpens it where it can (image outcomes). */
export function describeChange(change: TemplateChange, category?: string): string {
  if (change.newRefs && change.newRefs.length > 0) return change.newRefs.map(describeReference).join('; ');
  const { list, container, leaf } = fieldParts(change.field);
  if (list && leaf === '') return describeContainer(list, container ?? '', change, category);
  if (leaf === '.image') return describeImage(change, category);
  const resource = /^\.resources\.(requests|limits)\.(.+)$/.exec(leaf);
  if (resource) return describeQuantity(`${resource[2]} ${resource[1] === 'limits' ? 'limit' : 'request'}`, change);
  const probe = /^\.(readinessProbe|livenessProbe|startupProbe)(?:\.(?:exec|httpGet|tcpSocket|grpc))?(?:\.(.+))?$/.exec(leaf);
  if (probe) return describeProbe(PROBE_NAMES[probe[1]], probe[2], change);
  return generic(subjectOf(change.field, leaf, list !== null), change);
}

function describeReference(ref: ConfigRef): string {
  return `new reference to ${ref.kind} ${ref.name}${ref.key !== undefined ? ` (key ${ref.key})` : ''}`;
}

function describeContainer(list: string, name: string, change: TemplateChange, category?: string): string {
  const what = list === 'initContainers' ? 'init container' : 'container';
  if (change.before === null)
    return `${what} ${name} added with image ${change.after ?? ''}${IMAGE_OUTCOME[category ?? ''] ?? ' in this change'}`;
  return `${what} ${name} removed in this change (it ran ${change.before})`;
}

function describeImage(change: TemplateChange, category?: string): string {
  const outcome = IMAGE_OUTCOME[category ?? ''] ?? ' in this change';
  return `image changed from ${change.before ?? 'none'} (ran before) to ${change.after ?? 'none'}${outcome}`;
}

function describeQuantity(subject: string, change: TemplateChange): string {
  if (change.before === null) return `${subject} set to ${change.after} in this change (there was none before)`;
  if (change.after === null) return `${subject} removed in this change (it was ${change.before})`;
  const order = compareQuantities(change.after, change.before);
  const verb = order === -1 ? 'lowered' : order === 1 ? 'raised' : 'changed';
  return `${subject} ${verb} from ${change.before} to ${change.after} in this change`;
}

function describeProbe(probe: string, part: string | undefined, change: TemplateChange): string {
  if (part === undefined) {
    if (change.before === null) return `${probe} added in this change: ${change.after}`;
    if (change.after === null) return `${probe} removed in this change (it was ${change.before})`;
    return `${probe} changed from ${change.before} to ${change.after}`;
  }
  return generic(`${probe} ${part}`, change).replace(/ in this change$/, '');
}

function subjectOf(field: string, leaf: string, inContainer: boolean): string {
  const env = /^\.env\[([^\]]+)\]/.exec(leaf);
  if (env) return `env ${env[1]}`;
  const named = /^\.(nodeSelector|tolerations|volumes|imagePullSecrets|volumeMounts|topologySpreadConstraints|envFrom)\[(.+)\]$/.exec(leaf);
  if (named) return `${singular(named[1])} ${named[2]}`;
  const path = leaf.replace(/^\./, '') || field;
  // Pod and container securityContext read alike; say which one.
  return !inContainer && path.startsWith('securityContext') ? `pod ${path}` : path;
}

function singular(list: string): string {
  const names: Record<string, string> = {
    nodeSelector: 'nodeSelector',
    tolerations: 'toleration',
    volumes: 'volume',
    imagePullSecrets: 'image pull secret',
    volumeMounts: 'volume mount',
    topologySpreadConstraints: 'topology spread constraint on',
    envFrom: 'envFrom',
  };
  return names[list] ?? list;
}

function generic(subject: string, change: TemplateChange): string {
  // A list entry whose value is its own name (an image pull secret) reads better as added/removed.
  const namesItself = (value: string | null): boolean => value !== null && subject.endsWith(` ${value}`);
  if (change.before === null)
    return namesItself(change.after) ? `${subject} added in this change` : `${subject} set to ${change.after ?? ''} in this change`;
  if (change.after === null)
    return namesItself(change.before) ? `${subject} removed in this change` : `${subject} removed in this change (it was ${change.before})`;
  return `${subject} changed from ${change.before} to ${change.after} in this change`;
}
