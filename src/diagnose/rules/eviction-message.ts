// What the kubelet's eviction message says, in parts. The eviction manager builds it from fixed sentences, each ending
// in ". " (pkg/kubelet/eviction/helpers.go): "The node was low on resource: %v. ", "Threshold quantity: %v, available:
// %v. " (only when the threshold's observation is known), one "Container %s was using %s, request is %s, has larger
// consumption of %v. " per container above its request (older kubelets: "Container %s was using %s, which exceeds its
// request of %s."), and "Pod %s was using ..." for pod-level resources. Limit evictions say instead "Container %s
// exceeded its local ephemeral storage limit %q. ", "Pod ephemeral local storage usage exceeds the total limit of
// containers %s. " or "Usage of EmptyDir volume %q exceeds the limit %q. ". Refused at admission under pressure:
// "Pod was rejected: The node had condition: [DiskPressure]. ".
import { quantityToNumber } from '../../k8s/quantity.js';

export interface Consumer {
  /** "container" or "pod" (pod-level resources). */
  kind: 'container' | 'pod';
  name: string;
  usage: string;
  request: string;
}

export interface EvictionFacts {
  /** The node ran short of this resource (memory, ephemeral-storage, pids, inodes...): a node-pressure eviction. */
  lowOn: string | null;
  threshold: string | null;
  available: string | null;
  /** The conditions a pod refused at admission was refused for ("DiskPressure"). */
  conditions: string[];
  /** The pod's containers above their requests, the largest user first. */
  consumers: Consumer[];
  /** A limit the pod itself exceeded (no node pressure involved), as the kubelet said it. */
  limit: string | null;
}

const LOW_ON = /The node was low on resource: ([\w./-]+)\./;
/** Kubelets before the per-resource text (1.9 and older) named the condition: "low on resource: [MemoryPressure]." */
const LOW_ON_CONDITION = /The node was low on resource: \[([^\]]*)\]/;
const THRESHOLD = /Threshold quantity: ([^,]+), available: ([^.\s]+(?:\.\d+)?[^.\s]*)\./;
const CONSUMER =
  /\b(Container|Pod) (\S+) was using (\S+), (?:request is (\S+), has larger consumption of [\w./-]+|which exceeds its request of (\S+?))\./g;
const HAD_CONDITION = /The node had condition: \[([^\]]*)\]/;
const LIMITS = [
  /Container \S+ exceeded its local ephemeral storage limit "[^"]*"\./,
  /Pod ephemeral local storage usage exceeds the total limit of containers \S+?\./,
  /Usage of EmptyDir volume "[^"]*" exceeds the limit "[^"]*"\./,
];

function size(quantity: string): number {
  return quantityToNumber(quantity) ?? 0;
}

export function parseEvictionMessage(message: string): EvictionFacts {
  const threshold = THRESHOLD.exec(message);
  const consumers = [...message.matchAll(CONSUMER)].map((m): Consumer => ({
    kind: m[1] === 'Pod' ? 'pod' : 'container',
    name: m[2],
    usage: m[3],
    request: m[4] ?? m[5] ?? '',
  }));
  consumers.sort((a, b) => size(b.usage) - size(a.usage));
  const had = HAD_CONDITION.exec(message)?.[1] ?? LOW_ON_CONDITION.exec(message)?.[1];
  const limit = LIMITS.map((re) => re.exec(message)?.[0]).find((m) => m !== undefined);
  return {
    lowOn: LOW_ON.exec(message)?.[1] ?? null,
    threshold: threshold?.[1].trim() ?? null,
    available: threshold?.[2] ?? null,
    conditions: had ? had.split(/[\s,]+/).filter(Boolean) : [],
    consumers,
    limit: limit ? limit.replace(/\.$/, '') : null,
  };
}

/** One sentence for the report: why the kubelet evicted the pod, with the figures it gave (the node is a field of its own). */
export function describeEviction(facts: EvictionFacts, raw: string): string {
  if (facts.limit) return `The kubelet evicted the pod for exceeding its own limit: ${facts.limit}`;
  if (facts.conditions.length) return `The kubelet refused the pod at admission: the node has ${facts.conditions.join(', ')}`;
  if (!facts.lowOn) return raw.trim() || 'The kubelet evicted the pod';
  const figures = facts.threshold ? ` (eviction threshold ${facts.threshold}, available ${facts.available})` : '';
  const top = facts.consumers[0];
  const user = top
    ? `; ${top.kind} ${top.name} used the most: ${top.usage}${top.request ? ` against a request of ${top.request}` : ''}`
    : '';
  return `The kubelet evicted the pod: the node was low on ${facts.lowOn}${figures}${user}`;
}
