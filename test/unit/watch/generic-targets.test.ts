// Which applied objects the wait judges with the kstatus rules, per wait-for: the workloads never (kubectl's rules
// wait for them), CRDs never (the apply waited for Established), everything with a status subresource under `all`,
// the listed kinds otherwise.
import { describe, expect, it } from 'vitest';
import { genericTargets, parseKindPatterns, type AppliedRef, type WaitFor } from '../../../src/watch/generic-targets.js';
import { parseInputs } from '../../../src/inputs.js';

const applied: AppliedRef[] = [
  { apiVersion: 'v1', kind: 'Namespace', name: 'shop', changed: true },
  { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'certificates.cert-manager.io', changed: true },
  { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'web-config', changed: true },
  { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web', changed: false },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'uploads', changed: true },
  { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', namespace: 'shop', name: 'web-tls', changed: true },
  { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', name: 'v1beta1.metrics.k8s.io', changed: true },
  { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', changed: true },
  { apiVersion: 'v1', kind: 'ReplicationController', namespace: 'shop', name: 'legacy', changed: true },
];
// What discovery lists as having a status subresource (the test cluster's answers for the built-in kinds).
const STATUS = new Set([
  'Namespace',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'Service',
  'PersistentVolumeClaim',
  'cert-manager.io/Certificate',
  'apiregistration.k8s.io/APIService',
  'apps/Deployment',
  'ReplicationController',
]);
const names = (waitFor: WaitFor) => genericTargets(applied, waitFor, (k) => STATUS.has(k)).map((t) => `${t.kind}/${t.name}`);

describe('genericTargets', () => {
  it('all: every kind with a status subresource but the workloads, CRDs and Namespaces, in the apply order', () => {
    expect(names({ mode: 'all' })).toEqual([
      'Service/web',
      'PersistentVolumeClaim/uploads',
      'Certificate/web-tls',
      'APIService/v1beta1.metrics.k8s.io',
    ]);
  });

  it('keeps what the wait needs: apiVersion, namespace ("" when cluster-scoped) and whether the apply changed it', () => {
    const targets = genericTargets(applied, { mode: 'all' }, (k) => STATUS.has(k));
    expect(targets.find((t) => t.kind === 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      namespace: 'shop',
      name: 'web',
      changed: false,
    });
    expect(targets.find((t) => t.kind === 'APIService')).toMatchObject({ namespace: '', changed: true });
  });

  it('workloads: none', () => {
    expect(names({ mode: 'workloads' })).toEqual([]);
  });

  it('a list: the kinds named, with or without a status subresource, by kind (any case) or Kind.group', () => {
    expect(names({ mode: 'kinds', kinds: parseKindPatterns(['certificate', 'ConfigMap']) })).toEqual([
      'ConfigMap/web-config',
      'Certificate/web-tls',
    ]);
    expect(names({ mode: 'kinds', kinds: parseKindPatterns(['Certificate.example.com']) })).toEqual([]);
    expect(names({ mode: 'kinds', kinds: parseKindPatterns(['Certificate.cert-manager.io', 'Namespace']) })).toEqual([
      'Namespace/shop',
      'Certificate/web-tls',
    ]);
  });

  it('a listed workload kind or CRD adds nothing: they are waited for already', () => {
    expect(names({ mode: 'kinds', kinds: parseKindPatterns(['Deployment', 'ReplicationController', 'CustomResourceDefinition']) })).toEqual(
      [],
    );
  });

  it('refuses what is not a kind', () => {
    expect(() => parseKindPatterns(['cert manager'])).toThrow(
      '"cert manager" is not a kind (Kind or Kind.group, e.g. Certificate or Certificate.cert-manager.io)',
    );
    expect(() => parseKindPatterns(['Certificate.'])).toThrow(/is not a kind/);
  });
});

describe('input wait-for', () => {
  const waitFor = (value?: string) => parseInputs((n) => (n === 'manifests' ? 'k8s/' : n === 'wait-for' ? value : undefined)).waitFor;
  it('defaults to all; takes workloads, all, or a list (commas or lines; "workloads" in it adds nothing)', () => {
    expect(waitFor()).toEqual({ mode: 'all' });
    expect(waitFor(' all ')).toEqual({ mode: 'all' });
    expect(waitFor('workloads')).toEqual({ mode: 'workloads' });
    expect(waitFor('Certificate, PersistentVolumeClaim\nIngress.networking.k8s.io')).toEqual({
      mode: 'kinds',
      kinds: [
        { kind: 'Certificate', group: null },
        { kind: 'PersistentVolumeClaim', group: null },
        { kind: 'Ingress', group: 'networking.k8s.io' },
      ],
    });
    expect(waitFor('workloads, Certificate')).toEqual({ mode: 'kinds', kinds: [{ kind: 'Certificate', group: null }] });
  });

  it('names the input in every refusal', () => {
    expect(() => waitFor('all, Certificate')).toThrow('input wait-for: "all" already waits for every kind; do not list kinds beside it');
    expect(() => waitFor('cert-manager/Certificate')).toThrow(
      /^input wait-for: "cert-manager\/Certificate" is not a kind .*; or workloads, or all$/,
    );
  });

  it('wait-for-load-balancers is off by default', () => {
    const parse = (v?: string) => parseInputs((n) => (n === 'manifests' ? 'k8s/' : n === 'wait-for-load-balancers' ? v : undefined));
    expect(parse().waitForLoadBalancers).toBe(false);
    expect(parse('true').waitForLoadBalancers).toBe(true);
    expect(() => parse('maybe')).toThrow(/input wait-for-load-balancers/);
  });
});
