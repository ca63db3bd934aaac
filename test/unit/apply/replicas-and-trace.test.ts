import { describe, expect, it } from 'vitest';
import { decideReplicas, type ReplicasInput } from '../../../src/apply/replicas.js';
import { runTrace, withLiveTrace, withTrace } from '../../../src/apply/trace.js';
import { hpasScaling } from '../../../src/k8s/hpa.js';

const hpa = (name: string, target: { apiVersion?: string; kind?: string; name?: string }, namespace = 'shop') => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', ...target }, minReplicas: 1, maxReplicas: 10 },
});

describe('hpasScaling', () => {
  const hpas = [
    hpa('api', { name: 'api' }),
    hpa('other-ns', { name: 'api' }, 'staging'),
    hpa('sts', { kind: 'StatefulSet', name: 'api' }),
    hpa('old-group', { apiVersion: 'extensions/v1beta1', name: 'api' }),
    hpa('no-target', { name: '' }),
  ];
  it('matches group, kind, name and the HPA namespace', () => {
    expect(
      hpasScaling({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' }, hpas).map((h) => h.metadata?.name),
    ).toEqual(['api']);
  });
});

describe('decideReplicas (respect-hpa)', () => {
  const desired = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { replicas: 2, template: {} },
  };
  const gateOwnsReplicas = {
    manager: 'kube-deploy-gate',
    operation: 'Apply',
    fieldsType: 'FieldsV1',
    fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': {} } },
  };
  const hpaOwnsReplicas = {
    manager: 'kube-controller-manager',
    operation: 'Update',
    subresource: 'scale',
    fieldsType: 'FieldsV1',
    fieldsV1: { 'f:spec': { 'f:replicas': {} } },
  };
  const gateTemplateOnly = { ...gateOwnsReplicas, fieldsV1: { 'f:spec': { 'f:template': {} } } };
  const live = (replicas: number, managedFields: object[]) => ({
    ...desired,
    metadata: { ...desired.metadata, managedFields },
    spec: { replicas },
  });
  const input = (over: Partial<ReplicasInput>): ReplicasInput => ({
    desired,
    live: null,
    hpas: [hpa('api', { name: 'api' })],
    respectHpa: true,
    fieldManager: 'kube-deploy-gate',
    objectId: 'Deployment/shop/api',
    what: 'Deployment shop/api',
    ...over,
  });

  it('changes nothing without an HPA or without replicas in the manifest', () => {
    expect(decideReplicas(input({ hpas: [] }))).toEqual({ object: desired, leftOut: null, notice: null });
    const noReplicas = { ...desired, spec: { template: {} } };
    expect(decideReplicas(input({ desired: noReplicas }))).toEqual({ object: noReplicas, leftOut: null, notice: null });
  });

  it('leaves spec.replicas out once the HPA owns it', () => {
    const d = decideReplicas(input({ live: live(5, [gateTemplateOnly, hpaOwnsReplicas]) }));
    expect(d.object.spec).toEqual({ template: {} });
    expect(d.leftOut).toEqual({
      object: 'Deployment/shop/api',
      field: '.spec.replicas',
      owner: 'HorizontalPodAutoscaler shop/api',
      reason: 'hpa',
      live: 5,
      manifest: 2,
    });
    expect(d.notice).toBe(
      'Deployment shop/api sets spec.replicas (2) but HorizontalPodAutoscaler shop/api scales it: the deploy leaves spec.replicas to the HPA, which keeps its count (5) (respect-hpa). Remove spec.replicas from the manifest',
    );
    expect(desired.spec.replicas).toBe(2);
  });

  it('sends the live count back while the gate still owns spec.replicas (dropping it would default it to 1)', () => {
    const d = decideReplicas(input({ live: live(3, [gateOwnsReplicas]) }));
    expect(d.object.spec).toEqual({ replicas: 3, template: {} });
    expect(d.leftOut).toMatchObject({ live: 3, manifest: 2 });
  });

  it('keeps the manifest count as the start of a first deploy', () => {
    const d = decideReplicas(input({}));
    expect(d.object).toBe(desired);
    expect(d.leftOut).toBeNull();
    expect(d.notice).toMatch(/this first deploy starts it at 2; later deploys leave the count to the HPA/);
  });

  it('respect-hpa: false applies the manifest count and says it resets the HPA', () => {
    const d = decideReplicas(input({ respectHpa: false, live: live(5, [hpaOwnsReplicas]) }));
    expect(d.object).toBe(desired);
    expect(d.notice).toBe(
      "Deployment shop/api sets spec.replicas (2) but HorizontalPodAutoscaler shop/api scales it: the deploy applies 2, resetting the HPA's count (5) (respect-hpa: false)",
    );
  });
});

describe('runTrace', () => {
  it('names the GitHub run', () => {
    expect(
      runTrace({
        repository: 'acme/shop',
        sha: '0123456789abcdef',
        runUrl: 'https://github.com/acme/shop/actions/runs/42',
        actor: 'octocat',
      }),
    ).toEqual({
      changeCause: 'kube-deploy-gate: acme/shop@0123456 run https://github.com/acme/shop/actions/runs/42 by octocat',
      run: '{"repository":"acme/shop","commit":"0123456789abcdef","runUrl":"https://github.com/acme/shop/actions/runs/42","actor":"octocat"}',
    });
  });
  it('prefers the change-cause a person gave, and falls back to the command line like kubectl --record', () => {
    expect(runTrace({ changeCause: '  hotfix for INC-7 ', commandLine: 'kube-deploy-gate deploy -f k8s/' })).toEqual({
      changeCause: 'hotfix for INC-7',
      run: null,
    });
    expect(runTrace({ commandLine: 'kube-deploy-gate deploy -f k8s/' })).toEqual({
      changeCause: 'kube-deploy-gate deploy -f k8s/',
      run: null,
    });
    expect(runTrace({}).changeCause).toBe('kube-deploy-gate deploy');
    expect(runTrace({ changeCause: 'x'.repeat(2000) }).changeCause).toHaveLength(1000);
  });
});

describe('trace annotations', () => {
  const trace = { changeCause: 'kube-deploy-gate: acme/shop@abc1234', run: '{"commit":"abc1234"}' };
  const obj = { metadata: { name: 'api', annotations: { team: 'moon' } } };
  it('stamps both, keeping a change-cause the manifest writes itself', () => {
    expect(withTrace(obj, trace).metadata!.annotations).toEqual({
      team: 'moon',
      'kubernetes.io/change-cause': trace.changeCause,
      'deploy.kube-deploy-gate.dev/run': trace.run,
    });
    const declared = { 'kubernetes.io/change-cause': 'release 7' };
    const own = { metadata: { annotations: declared } };
    expect(withTrace(own, trace, declared).metadata!.annotations).toEqual({
      'kubernetes.io/change-cause': 'release 7',
      'deploy.kube-deploy-gate.dev/run': trace.run,
    });
    expect(obj.metadata.annotations).toEqual({ team: 'moon' });
  });
  it('keeps what the live object has when the template does not change', () => {
    const stamped = withTrace(obj, trace);
    const live = { metadata: { annotations: { 'kubernetes.io/change-cause': 'the revision that runs' } } };
    expect(withLiveTrace(stamped, live).metadata!.annotations).toEqual({
      team: 'moon',
      'kubernetes.io/change-cause': 'the revision that runs',
    });
    expect(withLiveTrace({ metadata: { name: 'x' } }, null).metadata).toEqual({ name: 'x' });
  });
});
