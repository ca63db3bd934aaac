// What a rule sees and what it returns. A rule looks at one pod (or one container of it) and, when it recognises the
// situation, returns a draft: the category, the evidence, and the timing the fail-fast policy needs. Hints, counts and
// the fatal flag are added later, in one place each.
import type { Category, CategoryPolicy } from '../categories/index.js';
import type { EventView } from '../events.js';
import type { RunContext } from '../run-context.js';
import type { ContainerSpec, ContainerStatus, Node, PersistentVolumeClaim, Pod } from '../../k8s/objects.js';

/** Facts a hint can quote; each rule fills what it knows. */
export interface Evidence {
  image?: string;
  memoryLimit?: string;
  resource?: string;
  requested?: string;
  largest?: string;
  largestNode?: string;
  /** Whether the request fits the largest node at all (false: no node can ever run the pod). */
  fitsLargest?: boolean;
  nodeCount?: number;
  refKind?: string;
  refName?: string;
  key?: string;
  taint?: string;
  probe?: string;
  initContainer?: string;
  webhook?: string;
  serviceAccount?: string;
  quota?: string;
  pvc?: string;
  command?: string;
  cause?: string;
  /** apply-forbidden: the verb the credentials may not use (on `resource`). */
  verb?: string;
  /** apply-refused: the field that cannot change on an existing object. */
  field?: string;
  /** The categories of the per-pod findings a node-concentrated finding groups. */
  underlying?: string;
  /** The container an eviction names as the largest user, and what it used. */
  container?: string;
  usage?: string;
  /** The node conditions reporting pressure ("MemoryPressure"). */
  pressure?: string;
  /** The node pool (GKE node pool, EKS node group, AKS agent pool) of the node the finding is about. */
  nodePool?: string;
  /** The CNI plugin a sandbox failure names (`plugin type="aws-cni"`). */
  cni?: string;
  /** What kind of sandbox failure: the pod network (CNI), a runtime handler, the sandbox (pause) image. */
  sandboxCause?: 'cni' | 'ip-exhausted' | 'runtime-handler' | 'sandbox-image' | 'other';
  /** The RuntimeClass handler the runtime does not know. */
  handler?: string;
  /** The node stopped reporting (a pod stuck terminating there), or finalizers hold the pod. */
  stuckOn?: 'node' | 'finalizers';
}

/**
 * A pod-level failure its controller answers with a new pod (an eviction, a kubelet rejection). One is not conclusive;
 * replacements failing the same way (same key) are, and a deterministic one is at once: see ../recurring.ts.
 */
export interface Repeats {
  key: string;
  deterministic: boolean;
  /** When this pod failed (RFC3339). */
  at: string | null;
}

export interface Draft {
  category: Category;
  pod: Pod | null;
  container: string | null;
  node: string | null;
  reason: string | null;
  message: string;
  exitCode: number | null;
  restarts: number | null;
  events: EventView[];
  evidence: Evidence;
  /** When the situation began (RFC3339), for policies that wait ("unschedulable after 60 s"). */
  since: string | null;
  /** How many times it failed so far, for policies that count ("unauthorized after two failures"). */
  failures: number;
  /**
   * Never fatal: the evidence is not conclusive yet (a first crash before any back-off, one rejection the replacement
   * may not meet), or the pod no longer holds the rollout back (a Deployment's pod being deleted, already replaced).
   */
  provisional?: boolean;
  /** Set by rules whose failures the controller retries with new pods; ../recurring.ts decides `provisional` from it. */
  repeats?: Repeats;
  /** Judge fatality as this category (a finding re-labelled node-concentrated keeps its cause's policy). */
  policyCategory?: Category;
  /**
   * The rule knows waiting cannot help, whatever the category's clock says: a readiness probe failing past its own
   * allowance, a request no node and no scale-up can ever fit, a pod that crashed inside the stability window.
   */
  conclusive?: boolean;
  /** This situation's own policy, when the rule knows better than the category's default (see categories/spec.ts). */
  policy?: CategoryPolicy;
}

export interface PodContext {
  pod: Pod;
  /** Events about this pod, oldest first. */
  events: EventView[];
  node: Node | null;
  nodes: readonly Node[];
  pvcs: readonly PersistentVolumeClaim[];
  /** Events about PersistentVolumeClaims in the pod's namespace. */
  claimEvents: EventView[];
  now: Date;
  /** What this deploy brings that may still resolve a failure (the objects that create a missing Secret...). */
  run: RunContext;
  /** Room pods leaving the nodes give back, and when (see ../classify-pod.ts roomFreeing). */
  freeing: readonly RoomFreeing[];
}

/** Room a pod leaving its node frees `at` (RFC3339): its deletionTimestamp, or when it went (`done`). */
export interface RoomFreeing {
  at: string;
  done: boolean;
}

export interface ContainerContext extends PodContext {
  status: ContainerStatus;
  spec: ContainerSpec | null;
  isInit: boolean;
  /** The pod's events that name this container (or name no container), oldest first. */
  containerEvents: EventView[];
}

export function draft(ctx: PodContext, fields: Partial<Draft> & Pick<Draft, 'category' | 'message'>): Draft {
  return {
    pod: ctx.pod,
    container: null,
    node: ctx.pod.spec?.nodeName ?? null,
    reason: null,
    exitCode: null,
    restarts: null,
    events: ctx.events,
    evidence: {},
    since: null,
    failures: 1,
    ...fields,
  };
}

export function containerDraft(ctx: ContainerContext, fields: Partial<Draft> & Pick<Draft, 'category' | 'message'>): Draft {
  return draft(ctx, {
    container: ctx.status.name,
    restarts: ctx.status.restartCount ?? 0,
    events: ctx.containerEvents,
    ...fields,
  });
}
