// Loose views of the Kubernetes objects diagnosis reads, as the API server returns them in JSON. Every field is
// optional because dumps, watches and hand-written test fixtures all omit different parts, and a missing field must
// never crash the diagnosis of the others.

export interface Meta {
  name?: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerRef[];
  creationTimestamp?: string;
  deletionTimestamp?: string;
}

export interface OwnerRef {
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
  lastProbeTime?: string | null;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Meta;
}

export interface Terminated {
  exitCode?: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: Terminated;
}

export interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Probe {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
}

export interface ResourceList {
  [resource: string]: string | number | undefined;
}

export interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  restartPolicy?: string;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface Volume {
  name?: string;
  persistentVolumeClaim?: { claimName?: string };
  ephemeral?: unknown;
}

export interface PodSpec {
  nodeName?: string;
  restartPolicy?: string;
  containers?: ContainerSpec[];
  initContainers?: ContainerSpec[];
  tolerations?: Toleration[];
  volumes?: Volume[];
  overhead?: ResourceList;
  nodeSelector?: Record<string, string>;
  activeDeadlineSeconds?: number;
  imagePullSecrets?: { name?: string }[];
  serviceAccountName?: string;
}

export interface Pod extends KubeObject {
  spec?: PodSpec;
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    startTime?: string;
  };
}

export interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: Taint[] };
  status?: { conditions?: Condition[]; allocatable?: ResourceList; capacity?: ResourceList };
}

export interface KubeEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  count?: number;
  deprecatedCount?: number;
  series?: { count?: number; lastObservedTime?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  deprecatedLastTimestamp?: string | null;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string; fieldPath?: string };
  regarding?: { kind?: string; name?: string; namespace?: string; uid?: string; fieldPath?: string };
}

export interface PodTemplate {
  metadata?: Meta;
  spec?: PodSpec;
}

export interface Workload extends KubeObject {
  spec?: {
    replicas?: number;
    template?: PodTemplate;
    selector?: { matchLabels?: Record<string, string> };
    volumeClaimTemplates?: { metadata?: Meta }[];
    backoffLimit?: number;
    [field: string]: unknown;
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
    updateRevision?: string;
    desiredNumberScheduled?: number;
    numberReady?: number;
    active?: number;
    failed?: number;
    conditions?: Condition[];
  };
}

export interface ControllerRevision extends KubeObject {
  revision?: number;
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: { storageClassName?: string };
  status?: { phase?: string };
}

export function conditionOf(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

export function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  const uid = owner.metadata?.uid;
  return (obj.metadata?.ownerReferences ?? []).some((r) =>
    uid && r.uid ? r.uid === uid : r.kind === owner.kind && r.name === owner.metadata?.name,
  );
}

export function sameNamespace(a: KubeObject, b: KubeObject): boolean {
  return (a.metadata?.namespace ?? '') === (b.metadata?.namespace ?? '');
}

export function timeOf(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : t;
}
