// The built-in kinds with a rule of their own besides PVC and Service, the always-ready kinds, the workloads that
// keep the gate's rules, and dispatch by group.
import { describe, expect, it } from 'vitest';
import { objectStatus, type ObjectStatus } from '../../../src/watch/status/generic/index.js';

const options = { waitForLoadBalancers: false };
const current = (message: string): ObjectStatus => ({ state: 'current', message });
const inProgress = (reason: string, message: string): ObjectStatus => ({ state: 'in-progress', reason, message });
const failed = (reason: string, message: string): ObjectStatus => ({ state: 'failed', reason, message });
const at = '2025-03-02T10:15:00Z';
const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastTransitionTime: at });

type Row = { name: string; obj: unknown; want: ObjectStatus };
const check = (title: string, rows: Row[]) =>
  describe(title, () => {
    it.each(rows)('$name', ({ obj, want }) => expect(objectStatus(obj, options)).toEqual(want));
  });

const crd = (conditions: object[]) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com', generation: 1 },
  spec: { group: 'example.com', names: { plural: 'widgets', kind: 'Widget' }, scope: 'Namespaced' },
  status: { conditions, acceptedNames: { plural: '', kind: '' }, storedVersions: ['v1'] },
});
const namesOk = cond('NamesAccepted', 'True', 'NoConflicts', 'no conflicts found');
const nameConflict = cond('NamesAccepted', 'False', 'PluralConflict', '"widgets" is already in use');
check('objectStatus: CustomResourceDefinition', [
  {
    name: 'Established',
    obj: crd([namesOk, cond('Established', 'True', 'InitialNamesAccepted', 'the initial names have been accepted')]),
    want: current('CRD is established'),
  },
  {
    name: 'installing',
    obj: crd([namesOk, cond('Established', 'False', 'Installing', 'the initial names have been accepted')]),
    want: inProgress('Installing', 'Install in progress'),
  },
  { name: 'no conditions yet', obj: crd([]), want: inProgress('Installing', 'Install in progress') },
  {
    name: 'a plural another CRD serves: failed, wherever the condition sits',
    obj: crd([cond('Established', 'False', 'Installing', 'the initial names have been accepted'), nameConflict]),
    want: failed('PluralConflict', '"widgets" is already in use'),
  },
  {
    name: 'not established for another reason',
    obj: crd([cond('Established', 'False', 'NotAccepted', 'not all names are accepted')]),
    want: failed('NotAccepted', 'not all names are accepted'),
  },
]);

const apiService = (spec: object, conditions: object[]) => ({
  apiVersion: 'apiregistration.k8s.io/v1',
  kind: 'APIService',
  metadata: { name: 'v1beta1.metrics.k8s.io' },
  spec: { group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100, ...spec },
  status: { conditions },
});
const backed = { service: { name: 'metrics-server', namespace: 'kube-system', port: 443 }, insecureSkipTLSVerify: true };
check('objectStatus: APIService', [
  {
    name: 'local group',
    obj: apiService({}, [cond('Available', 'True', 'Local', 'Local APIServices are always available')]),
    want: current('APIService is Available'),
  },
  {
    name: 'aggregated and passing',
    obj: apiService(backed, [cond('Available', 'True', 'Passed', 'all checks passed')]),
    want: current('APIService is Available'),
  },
  {
    name: 'no endpoints yet',
    obj: apiService(backed, [
      cond(
        'Available',
        'False',
        'MissingEndpoints',
        'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"',
      ),
    ]),
    want: inProgress(
      'MissingEndpoints',
      'APIService is not Available: endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"',
    ),
  },
  {
    name: 'discovery failing',
    obj: apiService(backed, [
      cond(
        'Available',
        'False',
        'FailedDiscoveryCheck',
        'failing or missing response from https://10.244.0.7:10250/apis/metrics.k8s.io/v1beta1: bad status from https://10.244.0.7:10250/apis/metrics.k8s.io/v1beta1: 503',
      ),
    ]),
    want: inProgress(
      'FailedDiscoveryCheck',
      'APIService is not Available: failing or missing response from https://10.244.0.7:10250/apis/metrics.k8s.io/v1beta1: bad status from https://10.244.0.7:10250/apis/metrics.k8s.io/v1beta1: 503',
    ),
  },
  {
    name: 'not looked at yet',
    obj: apiService(backed, []),
    want: inProgress('NoAvailableCondition', 'APIService Available condition not set'),
  },
]);

const pdb = (generation: number, status: object) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web', namespace: 'shop', generation },
  spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
  status,
});
const computed = { currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, disruptionsAllowed: 1 };
check('objectStatus: PodDisruptionBudget', [
  {
    name: 'observed',
    obj: pdb(1, { ...computed, observedGeneration: 1, conditions: [cond('DisruptionAllowed', 'True', 'SufficientPods', '')] }),
    want: current('AllowedDisruptions has been computed.'),
  },
  {
    name: 'observed with no disruption allowed: the budget working, not a failure',
    obj: pdb(1, {
      currentHealthy: 0,
      desiredHealthy: 1,
      expectedPods: 1,
      disruptionsAllowed: 0,
      observedGeneration: 1,
      conditions: [cond('DisruptionAllowed', 'False', 'InsufficientPods', '')],
    }),
    want: current('AllowedDisruptions has been computed.'),
  },
  {
    name: 'not observed yet',
    obj: pdb(1, { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }),
    want: inProgress('NoObservedGeneration', 'PodDisruptionBudget status.observedGeneration not found'),
  },
  {
    name: 'generation behind',
    obj: pdb(2, { ...computed, observedGeneration: 1 }),
    want: inProgress('LatestGenerationNotObserved', 'PodDisruptionBudget generation is 2, but latest observed generation is 1'),
  },
  {
    name: 'first sync failed',
    obj: pdb(1, {
      disruptionsAllowed: 0,
      conditions: [cond('DisruptionAllowed', 'False', 'SyncFailed', 'found no controllers for pod "web-0"')],
    }),
    want: inProgress('SyncFailed', 'PodDisruptionBudget not synced: found no controllers for pod "web-0"'),
  },
]);

function replicas(apiVersion: string, kind: string, generation: number, desired: number, status: Record<string, unknown>) {
  return {
    apiVersion,
    kind,
    metadata: { name: 'web-7d4b9c', namespace: 'shop', generation },
    spec: { replicas: desired, selector: { app: 'web' } },
    status,
  };
}
const counts = (n: number, available = n, ready = n) => ({
  replicas: n,
  fullyLabeledReplicas: n,
  readyReplicas: ready,
  availableReplicas: available,
});
const rs = (generation: number, desired: number, status: Record<string, unknown>) =>
  replicas('apps/v1', 'ReplicaSet', generation, desired, status);
const rc = (generation: number, desired: number, status: Record<string, unknown>) =>
  replicas('v1', 'ReplicationController', generation, desired, status);
const quota =
  'pods "web-7d4b9c-x2x9k" is forbidden: exceeded quota: compute, requested: limits.cpu=500m, used: limits.cpu=2, limited: limits.cpu=2';
check('objectStatus: ReplicaSet', [
  { name: 'available', obj: rs(1, 3, { ...counts(3), observedGeneration: 1 }), want: current('ReplicaSet is available. Replicas: 3') },
  { name: 'scaled to zero', obj: rs(2, 0, { replicas: 0, observedGeneration: 2 }), want: current('ReplicaSet is available. Replicas: 0') },
  {
    name: 'not observed yet',
    obj: rs(1, 3, {}),
    want: inProgress('NoObservedGeneration', 'ReplicaSet status.observedGeneration not found'),
  },
  {
    name: 'generation behind',
    obj: rs(3, 3, { ...counts(3), observedGeneration: 2 }),
    want: inProgress('LatestGenerationNotObserved', 'ReplicaSet generation is 3, but latest observed generation is 2'),
  },
  {
    name: 'pods starting',
    obj: rs(1, 3, { ...counts(3, 1, 1), observedGeneration: 1 }),
    want: inProgress('LessAvailable', 'Available: 1/3'),
  },
  {
    name: 'pods not created yet',
    obj: rs(1, 3, { replicas: 0, observedGeneration: 1 }),
    want: inProgress('LessLabelled', 'Labelled: 0/3'),
  },
  { name: 'scaling down', obj: rs(2, 2, { ...counts(3), observedGeneration: 2 }), want: inProgress('ExtraPods', 'Pending termination: 1') },
  {
    name: 'pod creation refused by quota: in progress, with the reason',
    obj: rs(1, 3, { ...counts(2), observedGeneration: 1, conditions: [cond('ReplicaFailure', 'True', 'FailedCreate', quota)] }),
    want: inProgress('ReplicaFailure', `Replica Failure condition. Check Pods: FailedCreate: ${quota}`),
  },
]);
// A workload now: the gate's own rule (watch/status/replication-controller.ts), as for Job and Pod.
const waitingRc = (message: string): ObjectStatus => ({ state: 'in-progress', message });
check("objectStatus: ReplicationController (a workload kind: the gate's own rule)", [
  {
    name: 'all ready at the observed generation',
    obj: rc(1, 2, { ...counts(2), observedGeneration: 1 }),
    want: current('replication controller "web-7d4b9c" has 2 of 2 replicas ready'),
  },
  { name: 'not observed yet', obj: rc(1, 2, {}), want: waitingRc('Waiting for replication controller spec update to be observed...') },
  {
    name: 'generation behind',
    obj: rc(2, 2, { ...counts(2), observedGeneration: 1 }),
    want: waitingRc('Waiting for replication controller spec update to be observed...'),
  },
  {
    name: 'one of two ready',
    obj: rc(1, 2, { ...counts(2, 1, 1), observedGeneration: 1 }),
    want: waitingRc('Waiting for replication controller "web-7d4b9c" to be ready: 1 of 2 replicas are ready...'),
  },
  {
    name: 'ready but not yet available (minReadySeconds)',
    obj: rc(1, 2, { ...counts(2, 1, 2), observedGeneration: 1 }),
    want: waitingRc('Waiting for replication controller "web-7d4b9c" to be ready: 1 of 2 ready replicas are available...'),
  },
  {
    name: 'scaling down',
    obj: rc(1, 1, { ...counts(2), observedGeneration: 1 }),
    want: waitingRc('Waiting for replication controller "web-7d4b9c" to scale down: 1 extra pods are pending termination...'),
  },
]);

const alwaysReady = current('Resource is always ready');
check('objectStatus: kinds nothing reconciles', [
  {
    name: 'Secret',
    obj: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, type: 'Opaque', data: { password: 'aHVudGVyMg==' } },
    want: alwaysReady,
  },
  {
    name: 'ConfigMap',
    obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { LOG_LEVEL: 'info' } },
    want: alwaysReady,
  },
  {
    name: 'CronJob',
    obj: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'report', generation: 1 },
      spec: { schedule: '0 3 * * *' },
      status: {},
    },
    want: alwaysReady,
  },
  {
    name: 'Namespace (no kstatus rule, no conditions)',
    obj: {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
    want: current('Resource is current'),
  },
  {
    name: 'ServiceAccount',
    obj: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' } },
    want: current('Resource is current'),
  },
]);

const deployment = (status: object) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', generation: 2 },
  spec: { replicas: 1 },
  status: { observedGeneration: 2, ...status },
});
check('objectStatus: workloads keep the gate rules', [
  {
    name: 'Deployment rolled out',
    obj: deployment({ replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
    want: { state: 'current', message: 'deployment "api" successfully rolled out' },
  },
  {
    name: 'Deployment rolling',
    obj: deployment({ replicas: 1, updatedReplicas: 1, availableReplicas: 0 }),
    want: { state: 'in-progress', message: 'Waiting for deployment "api" rollout to finish: 0 of 1 updated replicas are available...' },
  },
  {
    name: 'Deployment past its progress deadline',
    obj: deployment({
      replicas: 1,
      updatedReplicas: 1,
      conditions: [cond('Progressing', 'False', 'ProgressDeadlineExceeded', 'ReplicaSet "api-5f9" has timed out progressing.')],
    }),
    want: { state: 'failed', message: 'deployment "api" exceeded its progress deadline' },
  },
  {
    name: 'Job failed',
    obj: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: {},
      status: { conditions: [cond('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')] },
    },
    want: { state: 'failed', message: 'job "migrate" failed: BackoffLimitExceeded: Job has reached the specified backoff limit' },
  },
]);

// The API server sends list items without apiVersion and kind; the watch layer gives them back their kind only.
const { apiVersion: _listItemsHaveNone, ...listItem } = rs(1, 3, {});
check('objectStatus: dispatch by group', [
  {
    name: 'a list item without apiVersion is taken by its kind',
    obj: listItem,
    want: inProgress('NoObservedGeneration', 'ReplicaSet status.observedGeneration not found'),
  },
  {
    name: 'a Knative Service is not a core Service: its Ready condition decides',
    obj: {
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: { name: 'hello', generation: 1 },
      status: {
        observedGeneration: 1,
        conditions: [cond('Ready', 'False', 'RevisionMissing', 'Configuration "hello" is waiting for a Revision to become ready.')],
      },
    },
    want: inProgress('RevisionMissing', 'Configuration "hello" is waiting for a Revision to become ready.'),
  },
  {
    name: 'a Deployment kind in another group is not a workload',
    obj: { apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'x', generation: 1 }, status: {} },
    want: current('Resource is current'),
  },
]);
