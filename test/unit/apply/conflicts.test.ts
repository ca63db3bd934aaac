import { describe, expect, it } from 'vitest';
import { conflictsFromDetails, parseConflictOwner } from '../../../src/apply/conflicts.js';
import { classifyOwner, resolveConflict, type ConflictsMode, type OwnerClass } from '../../../src/apply/ownership.js';
import { blockedMessage, decideConflicts } from '../../../src/apply/conflict-decisions.js';

describe('parseConflictOwner: the API server printManager forms', () => {
  it.each([
    ['conflict with "argocd-controller"', { manager: 'argocd-controller', operation: 'Apply', subresource: '', apiVersion: null }],
    ['conflict with "kubectl-set" using apps/v1', { manager: 'kubectl-set', operation: 'Update', subresource: '', apiVersion: 'apps/v1' }],
    [
      'conflict with "kubectl" with subresource "scale" using apps/v1',
      { manager: 'kubectl', operation: 'Update', subresource: 'scale', apiVersion: 'apps/v1' },
    ],
    [
      'conflict with "kube-deploy-gate" using apps/v1 at 2026-12-05T05:20:04Z',
      { manager: 'kube-deploy-gate', operation: 'Update', subresource: '', apiVersion: 'apps/v1' },
    ],
    ['conflict with "team \\"blue\\""', { manager: 'team "blue"', operation: 'Apply', subresource: '', apiVersion: null }],
  ])('%s', (message, owner) => {
    expect(parseConflictOwner(message)).toEqual(owner);
  });

  it.each(['conflicts with "x":', 'conflict with x', 'conflict with "x" since yesterday'])('%s is not the server form', (message) => {
    expect(parseConflictOwner(message)).toBeNull();
  });
});

describe('conflictsFromDetails', () => {
  it('reads every FieldManagerConflict cause of a 409 Status', () => {
    // The body the test cluster answered after kubectl scale and kubectl rollout undo (abridged to details).
    const details = {
      causes: [
        {
          reason: 'FieldManagerConflict',
          message: 'conflict with "kubectl" with subresource "scale" using apps/v1',
          field: '.spec.replicas',
        },
        {
          reason: 'FieldManagerConflict',
          message: 'conflict with "kubectl" using apps/v1',
          field: '.spec.template.spec.containers[name="api"].image',
        },
        { reason: 'FieldValueInvalid', message: 'not a conflict', field: '.spec' },
      ],
    };
    expect(conflictsFromDetails(details)).toEqual([
      { field: '.spec.replicas', manager: 'kubectl', operation: 'Update', subresource: 'scale', apiVersion: 'apps/v1' },
      {
        field: '.spec.template.spec.containers[name="api"].image',
        manager: 'kubectl',
        operation: 'Update',
        subresource: '',
        apiVersion: 'apps/v1',
      },
    ]);
  });

  it('counts an unreadable owner as an Apply (never taken by default)', () => {
    expect(conflictsFromDetails({ causes: [{ reason: 'FieldManagerConflict', message: 'conflict with someone', field: '.a' }] })).toEqual([
      { field: '.a', manager: 'someone', operation: 'Apply', subresource: '', apiVersion: null },
    ]);
    expect(conflictsFromDetails(undefined)).toEqual([]);
  });
});

describe('classifyOwner and resolveConflict', () => {
  const gate = ['my-pipeline', 'kube-deploy-gate'];
  const cases: [string, string, string, OwnerClass][] = [
    ['kubectl rollout undo', 'kubectl', 'Update', 'imperative'],
    ['kubectl set image', 'kubectl-set', 'Update', 'imperative'],
    ['kubectl edit', 'kubectl-edit', 'Update', 'imperative'],
    ['kubectl scale (through /scale)', 'kubectl', 'Update/scale', 'imperative'],
    ["the gate's own patch (undo, older rollbacks)", 'kube-deploy-gate', 'Update', 'imperative'],
    ["the configured field manager's patch", 'my-pipeline', 'Update', 'imperative'],
    ['a GitOps controller', 'argocd-controller', 'Apply', 'declarative'],
    ['kubectl apply --server-side by someone', 'kubectl', 'Apply', 'declarative'],
    ['kubectl apply (client-side) from another pipeline', 'kubectl-client-side-apply', 'Update', 'declarative'],
    ['the HPA controller through /scale', 'kube-controller-manager', 'Update/scale', 'controller'],
    ['Helm 3', 'helm', 'Update', 'other'],
  ];
  it.each(cases)('%s: %s %s is %s', (_what, manager, how, owner) => {
    const [operation, subresource = ''] = how.split('/');
    expect(classifyOwner({ manager, operation: operation as 'Apply' | 'Update', subresource }, gate)).toBe(owner);
  });

  const table: [OwnerClass, ConflictsMode, string][] = [
    ['imperative', 'take-imperative', 'take'],
    ['controller', 'take-imperative', 'leave-out'],
    ['declarative', 'take-imperative', 'stop'],
    ['other', 'take-imperative', 'stop'],
    ['imperative', 'stop', 'stop'],
    ['controller', 'stop', 'stop'],
    ['declarative', 'force', 'take'],
    ['controller', 'force', 'take'],
  ];
  it.each(table)('%s under conflicts: %s -> %s', (owner, mode, resolution) => {
    expect(resolveConflict(owner, mode)).toBe(resolution);
  });
});

describe('decideConflicts and the message that stops a run', () => {
  const live = {
    metadata: {
      name: 'api',
      managedFields: [
        {
          manager: 'kube-deploy-gate',
          operation: 'Apply',
          apiVersion: 'apps/v1',
          time: '2026-12-01T10:00:00Z',
          fieldsType: 'FieldsV1',
          fieldsV1: {},
        },
        {
          manager: 'kubectl-set',
          operation: 'Update',
          apiVersion: 'apps/v1',
          time: '2026-12-05T03:12:40Z',
          fieldsType: 'FieldsV1',
          fieldsV1: {},
        },
        {
          manager: 'argocd-controller',
          operation: 'Apply',
          apiVersion: 'apps/v1',
          time: '2026-12-04T08:00:00Z',
          fieldsType: 'FieldsV1',
          fieldsV1: {},
        },
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          subresource: 'scale',
          apiVersion: 'apps/v1',
          fieldsType: 'FieldsV1',
          fieldsV1: {},
        },
      ],
    },
    spec: {
      replicas: 5,
      template: { spec: { containers: [{ name: 'api', image: 'api:hotfix', env: [{ name: 'LEVEL', value: 'debug' }] }] } },
    },
  };
  const desired = {
    metadata: { name: 'api' },
    spec: { replicas: 2, template: { spec: { containers: [{ name: 'api', image: 'api:2', env: [{ name: 'LEVEL', value: 'info' }] }] } } },
  };
  const conflicts = [
    {
      field: '.spec.template.spec.containers[name="api"].image',
      manager: 'kubectl-set',
      operation: 'Update' as const,
      subresource: '',
      apiVersion: 'apps/v1',
    },
    {
      field: '.spec.template.spec.containers[name="api"].env[name="LEVEL"].value',
      manager: 'argocd-controller',
      operation: 'Apply' as const,
      subresource: '',
      apiVersion: null,
    },
    {
      field: '.spec.replicas',
      manager: 'kube-controller-manager',
      operation: 'Update' as const,
      subresource: 'scale',
      apiVersion: 'apps/v1',
    },
  ];
  const gate = ['kube-deploy-gate'];

  it('reads the value found, the value applied and the owner time for each conflict', () => {
    const decisions = decideConflicts(conflicts, live, desired, 'take-imperative', gate);
    expect(decisions.map(({ owner, resolution, found, applied, time }) => ({ owner, resolution, found, applied, time }))).toEqual([
      { owner: 'imperative', resolution: 'take', found: 'api:hotfix', applied: 'api:2', time: '2026-12-05T03:12:40Z' },
      { owner: 'declarative', resolution: 'stop', found: 'debug', applied: 'info', time: '2026-12-04T08:00:00Z' },
      // The scale subresource records no time.
      { owner: 'controller', resolution: 'leave-out', found: 5, applied: 2, time: null },
    ]);
  });

  it('names each blocking field with its manager, operation and time, then what to do', () => {
    const decisions = decideConflicts(conflicts, live, desired, 'take-imperative', gate);
    expect(blockedMessage([{ what: 'Deployment shop/api (k8s/api.yaml, document 1)', decisions }], 'take-imperative')).toBe(
      'Deployment shop/api (k8s/api.yaml, document 1): .spec.template.spec.containers[name="api"].env[name="LEVEL"].value is held by ' +
        '"argocd-controller" (Apply at 2026-12-04T08:00:00Z), another declarative owner: it is "debug", this deploy sets "info"\n' +
        'another pipeline or a GitOps controller declares these fields: change them there or remove them from these manifests, ' +
        'or set conflicts: force (force-conflicts: true) to take them over. Nothing was applied.',
    );
  });

  it('under conflicts: stop, lists every conflict and names the modes that take fields', () => {
    const decisions = decideConflicts(conflicts, live, desired, 'stop', gate);
    const message = blockedMessage([{ what: 'Deployment shop/api', decisions }], 'stop');
    expect(message.split('\n')).toEqual([
      '3 fields are held by other field managers:',
      '  - Deployment shop/api: .spec.template.spec.containers[name="api"].image is held by "kubectl-set" (Update at 2026-12-05T03:12:40Z), an imperative change: it is "api:hotfix", this deploy sets "api:2"',
      '  - Deployment shop/api: .spec.template.spec.containers[name="api"].env[name="LEVEL"].value is held by "argocd-controller" (Apply at 2026-12-04T08:00:00Z), another declarative owner: it is "debug", this deploy sets "info"',
      '  - Deployment shop/api: .spec.replicas is held by "kube-controller-manager" (Update through /scale), a controller, through a subresource: it is 5, this deploy sets 2',
      'conflicts: stop refuses every conflict: take the fields back with conflicts: take-imperative (fields changed by hand) or conflicts: force (any field). Nothing was applied.',
    ]);
  });

  it('asks the person when a field to leave out cannot be located', () => {
    const odd = [{ field: '.spec[[odd', manager: 'keda', operation: 'Update' as const, subresource: 'scale', apiVersion: null }];
    expect(decideConflicts(odd, live, desired, 'take-imperative', gate)[0]).toMatchObject({
      owner: 'controller',
      resolution: 'stop',
      path: null,
    });
  });
});
