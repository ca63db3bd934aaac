// The kstatus rules every kind shares, and the custom resources they exist for.
import { describe, expect, it } from 'vitest';
import { objectStatus, type ObjectStatus } from '../../../src/watch/status/generic/index.js';

const options = { waitForLoadBalancers: false };
const current = (message: string): ObjectStatus => ({ state: 'current', message });
const inProgress = (reason: string, message: string): ObjectStatus => ({ state: 'in-progress', reason, message });
const failed = (reason: string, message: string): ObjectStatus => ({ state: 'failed', reason, message });

const at = '2025-03-02T10:15:00Z';
const cond = (type: string, status: string, reason: string, message: string, observedGeneration?: number) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: at,
  ...(observedGeneration === undefined ? {} : { observedGeneration }),
});

// cert-manager stamps observedGeneration on each condition and has none in status.
function certificate(generation: number, conditions: object[]) {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'web-tls', namespace: 'shop', generation, uid: '0b6f6d1e-3f7c-4c55-a0e0-8a0f1c0f5c11' },
    spec: { secretName: 'web-tls', dnsNames: ['shop.example.com'], issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' } },
    status: { conditions },
  };
}
const certReady = (observed: number) => cond('Ready', 'True', 'Ready', 'Certificate is up to date and has not expired', observed);
const certIssuing = [
  cond('Issuing', 'True', 'DoesNotExist', 'Issuing certificate as Secret does not exist', 1),
  cond('Ready', 'False', 'DoesNotExist', 'Issuing certificate as Secret does not exist', 1),
];

// Flux writes both status.observedGeneration and the conditions' own.
function kustomization(generation: number, observedGeneration: number | undefined, conditions: object[]) {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: 'apps', namespace: 'flux-system', generation },
    spec: { interval: '10m', path: './apps/production', prune: true, sourceRef: { kind: 'GitRepository', name: 'fleet' } },
    status: {
      ...(observedGeneration === undefined ? {} : { observedGeneration }),
      lastAttemptedRevision: 'main@sha1:4f2c1e9a',
      conditions,
    },
  };
}
const buildFailed =
  "kustomize build failed: accumulating resources: accumulation err='accumulating resources from './overlays/eu': " +
  "evalsymlink failure on '/tmp/kustomization-1093/apps/production/overlays/eu' : lstat no such file or directory'";
const stalled = (observed?: number) => [
  cond('Ready', 'False', 'BuildFailed', buildFailed, observed),
  cond('Stalled', 'True', 'BuildFailed', buildFailed, observed),
];
const reconciling = [
  cond('Reconciling', 'True', 'ProgressingWithRetry', 'Detecting drift for revision main@sha1:4f2c1e9a with a timeout of 5m0s', 2),
  cond('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress', 2),
];

const helmRelease = (generation: number, observedGeneration: number) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'ingress-nginx', namespace: 'ingress', generation },
  spec: { interval: '5m', chart: { spec: { chart: 'ingress-nginx', version: '4.11.x' } } },
  status: {
    observedGeneration,
    conditions: [
      cond('Ready', 'True', 'UpgradeSucceeded', 'Helm upgrade succeeded for release ingress/ingress-nginx.v7', observedGeneration),
    ],
  },
});

// Argo CD reports health and sync outside conditions; conditions appear only for errors.
const argoApplication = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'guestbook', namespace: 'argocd', generation: 12 },
  spec: { project: 'default', source: { repoURL: 'https://github.com/argoproj/argocd-example-apps', path: 'guestbook' } },
  status: { sync: { status: 'Synced', revision: '53e28ff' }, health: { status: 'Healthy' } },
};

const table: { name: string; obj: unknown; want: ObjectStatus }[] = [
  // Ready condition (kstatus checkReadyCondition).
  { name: 'cert-manager Certificate Ready=True', obj: certificate(1, [certReady(1)]), want: current('Resource is Ready') },
  {
    name: 'cert-manager Certificate Ready=False while issuing',
    obj: certificate(1, certIssuing),
    want: inProgress('DoesNotExist', 'Issuing certificate as Secret does not exist'),
  },
  {
    name: "Ready=True stamped for an older generation: kstatus ignores the condition's observedGeneration, the gate does not",
    obj: certificate(2, [certReady(1)]),
    want: inProgress('LatestGenerationNotObserved', 'Certificate generation is 2, but the Ready condition was observed at generation 1'),
  },
  {
    name: 'Ready=True stamped for the current generation',
    obj: certificate(2, [cond('Ready', 'True', 'Ready', 'Certificate is up to date and has not expired', 2)]),
    want: current('Resource is Ready'),
  },
  {
    name: 'Ready=Unknown',
    obj: kustomization(2, 2, [cond('Ready', 'Unknown', 'Progressing', 'Reconciliation in progress', 2)]),
    want: inProgress('Progressing', 'Reconciliation in progress'),
  },
  {
    name: 'Ready=False without a message still says something',
    obj: certificate(1, [{ type: 'Ready', status: 'False', reason: 'Pending', lastTransitionTime: at }]),
    want: inProgress('Pending', 'Ready: False: Pending'),
  },
  // Standard conditions (kstatus checkGenericProperties).
  {
    name: 'Flux Kustomization Stalled: failed at once with the condition as the finding',
    obj: kustomization(3, 3, stalled(3)),
    want: failed('BuildFailed', `Stalled: BuildFailed: ${buildFailed}`),
  },
  {
    name: 'Stalled stamped for an older generation waits for the controller to see the new spec',
    obj: kustomization(4, undefined, stalled(3)),
    want: inProgress(
      'LatestGenerationNotObserved',
      'Kustomization generation is 4, but the Stalled condition was observed at generation 3',
    ),
  },
  {
    name: 'Stalled=False is no finding',
    obj: kustomization(3, 3, [
      cond('Stalled', 'False', 'ReconciliationSucceeded', '', 3),
      cond('Ready', 'True', 'ReconciliationSucceeded', 'Applied', 3),
    ]),
    want: current('Resource is Ready'),
  },
  {
    name: 'Flux Kustomization Reconciling',
    obj: kustomization(2, 2, reconciling),
    want: inProgress('ProgressingWithRetry', 'Detecting drift for revision main@sha1:4f2c1e9a with a timeout of 5m0s'),
  },
  {
    name: 'Reconciling wins over Stalled wherever it sits (kstatus takes the first in the list)',
    obj: kustomization(3, 3, [...stalled(3), cond('Reconciling', 'True', 'Progressing', 'Reconciliation in progress', 3)]),
    want: inProgress('Progressing', 'Reconciliation in progress'),
  },
  {
    name: 'Reconciling without a message',
    obj: kustomization(2, 2, [{ type: 'Reconciling', status: 'True', reason: 'Progressing' }]),
    want: inProgress('Progressing', 'Reconciling: Progressing'),
  },
  // Generation (kstatus checkGeneration).
  {
    name: 'status.observedGeneration behind generation',
    obj: helmRelease(5, 4),
    want: inProgress('LatestGenerationNotObserved', 'HelmRelease generation is 5, but latest observed generation is 4'),
  },
  { name: 'status.observedGeneration at generation', obj: helmRelease(5, 5), want: current('Resource is Ready') },
  {
    name: 'an unobserved generation hides a Stalled condition from the previous spec',
    obj: kustomization(4, 3, stalled(3)),
    want: inProgress('LatestGenerationNotObserved', 'Kustomization generation is 4, but latest observed generation is 3'),
  },
  // No conditions at all.
  { name: 'Argo-like Application with no conditions', obj: argoApplication, want: current('Resource is current') },
  {
    name: 'a custom resource its controller has not touched yet reads as current, as in kstatus',
    obj: certificate(1, []),
    want: current('Resource is current'),
  },
  // Deletion.
  {
    name: 'a resource being deleted is not current',
    obj: {
      ...argoApplication,
      metadata: { ...argoApplication.metadata, deletionTimestamp: at, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
    },
    want: inProgress('Terminating', 'Resource scheduled for deletion'),
  },
];

describe('objectStatus: generic kstatus rules', () => {
  it.each(table)('$name', ({ obj, want }) => {
    expect(objectStatus(obj, options)).toEqual(want);
  });
});
