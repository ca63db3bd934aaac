// The types of the fields the diagnosis reads, per kind, as the API defines them (k8s.io/api core/v1, apps/v1,
// batch/v1). Objects from the API server always fit; a hand-edited dump may not, and then the offline CLI says which
// field has which wrong type instead of failing inside a rule ("... .filter is not a function"). null counts as absent,
// as kubectl prints `creationTimestamp: null`.

type Leaf = 'string' | 'number' | 'boolean' | 'quantity' | 'object';
/** A leaf type, a mapping of known fields, a list of one shape, or a mapping of any keys to one shape. */
type Shape = Leaf | { fields: Record<string, Shape> } | { list: Shape } | { values: Shape };

const fields = (f: Record<string, Shape>): Shape => ({ fields: f });
const list = (s: Shape): Shape => ({ list: s });
const values = (s: Shape): Shape => ({ values: s });

const META = fields({
  name: 'string',
  namespace: 'string',
  uid: 'string',
  generation: 'number',
  resourceVersion: 'string',
  creationTimestamp: 'string',
  deletionTimestamp: 'string',
  labels: values('string'),
  annotations: values('string'),
  ownerReferences: list(fields({ kind: 'string', name: 'string', uid: 'string', controller: 'boolean' })),
});
const CONDITIONS = list(fields({ type: 'string', status: 'string', reason: 'string', message: 'string', lastTransitionTime: 'string' }));
const RESOURCES = fields({ limits: values('quantity'), requests: values('quantity') });
const CONTAINER = fields({
  name: 'string',
  image: 'string',
  command: list('string'),
  args: list('string'),
  env: list(fields({ name: 'string', value: 'string', valueFrom: 'object' })),
  envFrom: list('object'),
  resources: RESOURCES,
  ports: list('object'),
  volumeMounts: list(fields({ name: 'string', mountPath: 'string', subPath: 'string', readOnly: 'boolean' })),
  livenessProbe: 'object',
  readinessProbe: 'object',
  startupProbe: 'object',
  restartPolicy: 'string',
});
const POD_SPEC = fields({
  containers: list(CONTAINER),
  initContainers: list(CONTAINER),
  nodeName: 'string',
  nodeSelector: values('string'),
  tolerations: list(fields({ key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'number' })),
  volumes: list(fields({ name: 'string' })),
  affinity: 'object',
  imagePullSecrets: list(fields({ name: 'string' })),
  schedulingGates: list(fields({ name: 'string' })),
  readinessGates: list(fields({ conditionType: 'string' })),
  serviceAccountName: 'string',
  priorityClassName: 'string',
});
const CONTAINER_STATUS = fields({
  name: 'string',
  ready: 'boolean',
  started: 'boolean',
  restartCount: 'number',
  image: 'string',
  imageID: 'string',
  state: 'object',
  lastState: 'object',
});
const TEMPLATE = fields({ metadata: META, spec: POD_SPEC });
const WORKLOAD_STATUS = fields({
  observedGeneration: 'number',
  replicas: 'number',
  readyReplicas: 'number',
  availableReplicas: 'number',
  updatedReplicas: 'number',
  unavailableReplicas: 'number',
  conditions: CONDITIONS,
});
const WORKLOAD = fields({
  metadata: META,
  spec: fields({ replicas: 'number', selector: 'object', template: TEMPLATE, minReadySeconds: 'number', strategy: 'object' }),
  status: WORKLOAD_STATUS,
});

const SHAPES: Readonly<Record<string, Shape>> = {
  Pod: fields({
    metadata: META,
    spec: POD_SPEC,
    status: fields({
      phase: 'string',
      reason: 'string',
      message: 'string',
      conditions: CONDITIONS,
      containerStatuses: list(CONTAINER_STATUS),
      initContainerStatuses: list(CONTAINER_STATUS),
      startTime: 'string',
    }),
  }),
  Deployment: WORKLOAD,
  StatefulSet: WORKLOAD,
  DaemonSet: WORKLOAD,
  ReplicaSet: WORKLOAD,
  Job: fields({
    metadata: META,
    spec: fields({ backoffLimit: 'number', completions: 'number', parallelism: 'number', template: TEMPLATE }),
    status: fields({ active: 'number', failed: 'number', succeeded: 'number', conditions: CONDITIONS }),
  }),
  ControllerRevision: fields({ metadata: META, revision: 'number', data: 'object' }),
  Event: fields({
    metadata: META,
    involvedObject: fields({ kind: 'string', name: 'string', namespace: 'string', uid: 'string', fieldPath: 'string' }),
    reason: 'string',
    message: 'string',
    type: 'string',
    count: 'number',
    firstTimestamp: 'string',
    lastTimestamp: 'string',
    eventTime: 'string',
  }),
  Node: fields({
    metadata: META,
    spec: fields({ unschedulable: 'boolean', taints: list(fields({ key: 'string', value: 'string', effect: 'string' })) }),
    status: fields({ conditions: CONDITIONS, allocatable: values('quantity'), capacity: values('quantity') }),
  }),
  PersistentVolumeClaim: fields({ metadata: META, spec: 'object', status: fields({ phase: 'string' }) }),
};

/** The first field of `obj` whose type is not the API's, as "status.containerStatuses[0].restartCount must be a number, not ...". */
export function shapeProblem(kind: string, obj: unknown): string | null {
  const shape = SHAPES[kind];
  return shape ? check(shape, obj, '') : null;
}

function check(shape: Shape, value: unknown, at: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof shape === 'string') return leafOk(shape, value) ? null : wrong(at, leafName(shape), value);
  if ('list' in shape) {
    if (!Array.isArray(value)) return wrong(at, 'a list', value);
    for (let i = 0; i < value.length; i++) {
      const problem = check(shape.list, value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (!isMapping(value)) return wrong(at, 'a mapping', value);
  for (const [key, child] of Object.entries(value)) {
    const sub = 'fields' in shape ? shape.fields[key] : shape.values;
    const problem = sub === undefined ? null : check(sub, child, at ? `${at}.${key}` : key);
    if (problem) return problem;
  }
  return null;
}

function leafOk(leaf: Leaf, value: unknown): boolean {
  switch (leaf) {
    case 'quantity':
      return typeof value === 'string' || typeof value === 'number';
    case 'object':
      return isMapping(value);
    default:
      return typeof value === leaf;
  }
}

function leafName(leaf: Leaf): string {
  return leaf === 'quantity' ? 'a quantity (such as "500m" or 2)' : leaf === 'object' ? 'a mapping' : `a ${leaf}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrong(at: string, expected: string, value: unknown): string {
  const actual = Array.isArray(value)
    ? 'a list'
    : isMapping(value)
      ? 'a mapping'
      : `the ${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
  return `${at || 'the object'} must be ${expected}, not ${actual}`;
}
