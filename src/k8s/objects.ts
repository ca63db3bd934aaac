// The Kubernetes objects every stage reads, as loose views of the JSON the API server returns. Every field is
// optional: dumps, watches, list items and hand-written fixtures each omit different parts, and a missing field must
// never crash a rule. Unnamed fields ride along untouched, so an object read here can be sent back as is.

export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  managedFields?: ManagedFieldsEntry[];
  finalizers?: string[];
  [key: string]: unknown;
}

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update' | string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

/** An object named the way the API addresses it. */
export interface ObjectRef {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
  lastProbeTime?: string | null;
  lastUpdateTime?: string;
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
  timeoutSeconds?: number;
  successThreshold?: number;
  [key: string]: unknown;
}

export interface ResourceList {
  [resource: string]: string | number | undefined;
}

export interface EnvVar {
  name?: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name?: string; key?: string; optional?: boolean };
    configMapKeyRef?: { name?: string; key?: string; optional?: boolean };
    [key: string]: unknown;
  };
}

export interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { secretRef?: { name?: string; optional?: boolean }; configMapRef?: { name?: string; optional?: boolean } }[];
  restartPolicy?: string;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; [key: string]: unknown };
  [key: string]: unknown;
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
  secret?: { secretName?: string; optional?: boolean; [key: string]: unknown };
  configMap?: { name?: string; optional?: boolean; [key: string]: unknown };
  [key: string]: unknown;
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
  readinessGates?: { conditionType?: string }[];
  [key: string]: unknown;
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: PodSpec;
  [key: string]: unknown;
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
    observedGeneration?: number;
    [key: string]: unknown;
  };
}

export interface Taint {
  key?: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: Taint[]; [key: string]: unknown };
  status?: { conditions?: Condition[]; allocatable?: ResourceList; capacity?: ResourceList; [key: string]: unknown };
}

export interface EventSource {
  kind?: string;
  name?: string;
  namespace?: string;
  uid?: string;
  fieldPath?: string;
}

/** core/v1 and events.k8s.io/v1 Events: the newer API renames some fields (note, regarding, deprecated*). */
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
  involvedObject?: EventSource;
  regarding?: EventSource;
}

/** Deployment, StatefulSet, DaemonSet, ReplicaSet, Job and ReplicationController: an object with a pod template. */
export interface Workload extends KubeObject {
  spec?: {
    replicas?: number;
    paused?: boolean;
    template?: PodTemplate;
    selector?: { matchLabels?: Record<string, string>; [key: string]: unknown };
    volumeClaimTemplates?: { metadata?: ObjectMeta }[];
    backoffLimit?: number;
    revisionHistoryLimit?: number;
    minReadySeconds?: number;
    progressDeadlineSeconds?: number;
    podManagementPolicy?: string;
    updateStrategy?: { type?: string; rollingUpdate?: Record<string, unknown> };
    strategy?: { type?: string; rollingUpdate?: Record<string, unknown> };
    [key: string]: unknown;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
    currentReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    desiredNumberScheduled?: number;
    numberReady?: number;
    numberAvailable?: number;
    updatedNumberScheduled?: number;
    active?: number;
    failed?: number;
    conditions?: Condition[];
    [key: string]: unknown;
  };
}

export interface ControllerRevision extends KubeObject {
  /** The stored strategic merge patch; the API returns the RawExtension as embedded JSON. */
  data?: unknown;
  revision?: number;
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: { storageClassName?: string; [key: string]: unknown };
  status?: { phase?: string; [key: string]: unknown };
}

/** Objects as a person names them: "Deployment shop/api", "Namespace shop". */
export function describeRef(ref: { kind?: string; namespace?: string; name?: string }): string {
  return `${ref.kind ?? 'object'} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name ?? ''}`;
}
