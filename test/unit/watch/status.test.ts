import { describe, expect, it } from 'vitest';
import { isTerminalError, rolloutStatus, rolloutStatusFor } from '../../../src/watch/status/index.js';

const deployment = (apiVersion: string | undefined) => ({
  apiVersion,
  kind: 'Deployment',
  metadata: { name: 'api', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '3' } },
  spec: { replicas: 1 },
  status: { observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
});
const daemonSet = (apiVersion: string) => ({
  apiVersion,
  kind: 'DaemonSet',
  metadata: { name: 'agent', generation: 1 },
  spec: { updateStrategy: { type: 'RollingUpdate' } },
  status: { observedGeneration: 1, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2 },
});
const statefulSet = (apiVersion: string) => ({
  apiVersion,
  kind: 'StatefulSet',
  metadata: { name: 'db', generation: 1 },
  spec: { replicas: 1, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } },
  status: { observedGeneration: 1, readyReplicas: 1, updatedReplicas: 1 },
});
const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate' },
  spec: {},
  status: { conditions: [{ type: 'Complete', status: 'True' }] },
};
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
};

const done = (message: string) => ({ done: true, message, error: null });
const error = (text: string) => ({ done: false, message: '', error: text });

describe('rolloutStatus dispatch (kubectl StatusViewerFor)', () => {
  it.each([
    ['apps/v1 Deployment', deployment('apps/v1'), done('deployment "api" successfully rolled out')],
    ['apps/v1beta2 Deployment', deployment('apps/v1beta2'), done('deployment "api" successfully rolled out')],
    ['extensions/v1beta1 Deployment', deployment('extensions/v1beta1'), done('deployment "api" successfully rolled out')],
    ['Deployment without apiVersion', deployment(undefined), done('deployment "api" successfully rolled out')],
    ['apps/v1 DaemonSet', daemonSet('apps/v1'), done('daemon set "agent" successfully rolled out')],
    ['extensions/v1beta1 DaemonSet', daemonSet('extensions/v1beta1'), done('daemon set "agent" successfully rolled out')],
    ['apps/v1 StatefulSet', statefulSet('apps/v1'), done('partitioned roll out complete: 1 new pods have been updated...')],
    ['apps/v1beta1 StatefulSet', statefulSet('apps/v1beta1'), done('partitioned roll out complete: 1 new pods have been updated...')],
    ['batch/v1 Job', job, done('job "migrate" completed')],
    ['v1 Pod', pod, done('pod "web" is ready')],
  ])('%s', (_, obj, want) => {
    expect(rolloutStatus(obj)).toEqual(want);
  });

  it.each([
    [
      'a kind without a viewer in the core group',
      { apiVersion: 'v1', kind: 'Service' },
      'no status viewer has been implemented for Service',
    ],
    [
      'a kind without a viewer in a named group',
      { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
      'no status viewer has been implemented for ReplicaSet.apps',
    ],
    ['CronJob', { apiVersion: 'batch/v1', kind: 'CronJob' }, 'no status viewer has been implemented for CronJob.batch'],
    [
      'StatefulSet in the extensions group',
      { ...statefulSet('extensions/v1beta1') },
      'no status viewer has been implemented for StatefulSet.extensions',
    ],
    [
      'a Deployment in a foreign group',
      { apiVersion: 'example.com/v1', kind: 'Deployment' },
      'no status viewer has been implemented for Deployment.example.com',
    ],
    [
      'a Pod in a named group',
      { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'Pod' },
      'no status viewer has been implemented for Pod.metrics.k8s.io',
    ],
    ['a Job in the core group', { apiVersion: 'v1', kind: 'Job' }, 'no status viewer has been implemented for Job'],
    ['an object without kind', { metadata: { name: 'x' } }, 'no status viewer has been implemented for '],
    ['not an object', 'Deployment', 'no status viewer has been implemented for '],
    ['null', null, 'no status viewer has been implemented for '],
  ])('%s', (_, obj, text) => {
    const status = rolloutStatus(obj);
    expect(status).toEqual(error(text));
    expect(isTerminalError(status)).toBe(true);
  });
});

describe('rolloutStatus revision', () => {
  it('passes the revision to Deployments', () => {
    expect(rolloutStatus(deployment('apps/v1'), 3)).toEqual(done('deployment "api" successfully rolled out'));
    expect(rolloutStatus(deployment('apps/v1'), 4)).toEqual(error('desired revision (4) is different from the running revision (3)'));
  });

  it('the other kinds ignore it, as in kubectl', () => {
    expect(rolloutStatus(daemonSet('apps/v1'), 9)).toEqual(done('daemon set "agent" successfully rolled out'));
    expect(rolloutStatus(statefulSet('apps/v1'), 9).done).toBe(true);
    expect(rolloutStatus(job, 9).done).toBe(true);
    expect(rolloutStatus(pod, 9).done).toBe(true);
  });

  it.each([
    [-1, 'revision must be a positive integer: -1'],
    [1.5, 'revision must be a positive integer: 1.5'],
  ])('refuses %s before looking at the object', (revision, text) => {
    expect(rolloutStatus({ apiVersion: 'v1', kind: 'Service' }, revision)).toEqual(error(text));
    expect(rolloutStatusFor('Pod', pod, revision)).toEqual(error(text));
  });
});

describe('rolloutStatusFor', () => {
  it('judges list items that arrive without kind and apiVersion', () => {
    const item: Record<string, unknown> = { ...deployment('apps/v1') };
    delete item.apiVersion;
    delete item.kind;
    expect(rolloutStatus(item)).toEqual(error('no status viewer has been implemented for '));
    expect(rolloutStatusFor('Deployment', item, 3)).toEqual(done('deployment "api" successfully rolled out'));
  });

  it('refuses a kind outside the union instead of throwing', () => {
    expect(rolloutStatusFor(undefined as unknown as 'Pod', pod)).toEqual(error('no status viewer has been implemented for undefined'));
  });

  it.each([
    ['DaemonSet', daemonSet('apps/v1'), 'daemon set "agent" successfully rolled out'],
    ['StatefulSet', statefulSet('apps/v1'), 'partitioned roll out complete: 1 new pods have been updated...'],
    ['Job', job, 'job "migrate" completed'],
    ['Pod', pod, 'pod "web" is ready'],
  ] as const)('%s', (kind, obj, message) => {
    expect(rolloutStatusFor(kind, obj, 0)).toEqual(done(message));
  });
});
