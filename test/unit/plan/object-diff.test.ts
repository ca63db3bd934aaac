// What `plan` shows for one object: the fields our manager owns that the apply changes, nothing the server keeps for
// itself, and never a Secret's value.
import { describe, expect, it } from 'vitest';
import { diffObject } from '../../../src/plan/object-diff.js';
import { objectPlan } from '../../../src/plan/object-plan.js';
import type { DryRunObject } from '../../../src/plan/types.js';

const MANAGER = 'kube-deploy-gate';
const applyEntry = (fieldsV1: unknown) => ({ manager: MANAGER, operation: 'Apply', fieldsV1 });

function deployment(o: {
  image: string;
  replicas?: number;
  generation: number;
  resourceVersion: string;
  owned: unknown;
  extra?: Record<string, unknown>;
}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'api',
      namespace: 'shop',
      generation: o.generation,
      resourceVersion: o.resourceVersion,
      uid: 'u1',
      creationTimestamp: '2026-11-23T10:00:00Z',
      annotations: { 'deployment.kubernetes.io/revision': '4', 'kubectl.kubernetes.io/last-applied-configuration': '{"secret":"x"}' },
      managedFields: [
        applyEntry(o.owned),
        { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', fieldsV1: {} },
      ],
    },
    spec: {
      replicas: o.replicas ?? 3,
      progressDeadlineSeconds: 600,
      template: {
        spec: {
          containers: [
            {
              name: 'app',
              image: o.image,
              imagePullPolicy: 'IfNotPresent',
              env: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
              ...o.extra,
            },
          ],
          restartPolicy: 'Always',
        },
      },
    },
    status: { observedGeneration: o.generation, replicas: 3 },
  };
}

const owned = {
  'f:spec': {
    'f:replicas': {},
    'f:template': {
      'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:name': {}, 'f:image': {}, 'f:env': {}, 'f:args': {} } } },
    },
  },
};

describe('diffObject', () => {
  it('shows the owned fields that change, not bookkeeping, status or defaults it does not own', () => {
    const live = deployment({ image: 'api:1', generation: 4, resourceVersion: '100', owned });
    const after = deployment({ image: 'api:2', generation: 5, resourceVersion: '100', owned });
    // A default the server sets differently is not ours to show.
    (after.spec as any).progressDeadlineSeconds = 900;
    expect(diffObject(live, after, MANAGER)).toEqual([
      { path: 'spec.template.spec.containers[app].image', before: 'api:1', after: 'api:2' },
    ]);
  });

  it('a field the manifest no longer sets, defaulted again by the server, is a change (replicas 3 -> 1)', () => {
    const live = deployment({ image: 'api:1', generation: 4, resourceVersion: '100', owned });
    const withoutReplicas = { 'f:spec': { 'f:template': owned['f:spec']['f:template'] } };
    const after = deployment({ image: 'api:1', replicas: 1, generation: 5, resourceVersion: '100', owned: withoutReplicas });
    expect(diffObject(live, after, MANAGER)).toEqual([{ path: 'spec.replicas', before: '3', after: '1' }]);
  });

  it('masks literal env values whose name looks like a credential', () => {
    const live = deployment({ image: 'api:1', generation: 4, resourceVersion: '1', owned });
    const after = structuredClone(live);
    after.spec.template.spec.containers[0].env = [{ name: 'DB_PASSWORD', value: 'hunter3' }];
    expect(diffObject(live, after, MANAGER)).toEqual([
      { path: 'spec.template.spec.containers[app].env[DB_PASSWORD].value', before: '<redacted>', after: '<redacted>' },
    ]);
  });

  it('names a list item by its name once: an added env var shows its source, not a second line for its name', () => {
    const live = deployment({ image: 'api:1', generation: 4, resourceVersion: '1', owned });
    const after = structuredClone(live);
    after.spec.template.spec.containers[0].env.push({ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } } as any);
    expect(diffObject(live, after, MANAGER)).toEqual([
      { path: 'spec.template.spec.containers[app].env[TOKEN].valueFrom.secretKeyRef.key', before: null, after: 'token' },
      { path: 'spec.template.spec.containers[app].env[TOKEN].valueFrom.secretKeyRef.name', before: null, after: 'api' },
    ]);
  });

  it('a list of words is one value (args)', () => {
    const live = deployment({ image: 'api:1', generation: 4, resourceVersion: '1', owned, extra: { args: ['--port', '80'] } });
    const after = deployment({ image: 'api:1', generation: 4, resourceVersion: '1', owned, extra: { args: ['--port', '8080'] } });
    expect(diffObject(live, after, MANAGER)).toEqual([
      { path: 'spec.template.spec.containers[app].args', before: '--port 80', after: '--port 8080' },
    ]);
  });

  it('a Secret: keys added, removed and changed, never a value (stringData compares with data)', () => {
    const live = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', labels: { a: '1' } },
      data: { user: 'c2hvcA==', password: 'aHVudGVyMg==', old: 'eA==' },
    };
    const after = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', labels: { a: '2' } },
      data: { user: 'c2hvcA==', password: 'aHVudGVyMw==' },
      stringData: { token: 't0k3n' },
    };
    const changes = diffObject(live, after, MANAGER);
    expect(changes).toEqual([
      { path: 'data[password]', before: '(hidden)', after: '(hidden), changed', hidden: true },
      { path: 'data[token]', before: null, after: '(hidden)', hidden: true },
      { path: 'data[old]', before: '(hidden)', after: null, hidden: true },
      { path: 'metadata.labels.a', before: '1', after: '2' },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/aHVudGVy|t0k3n|c2hvcA/);
    // The same value written as stringData is no change.
    expect(diffObject(live, { ...live, data: { ...live.data, user: undefined as any }, stringData: { user: 'shop' } }, MANAGER)).toEqual(
      [],
    );
  });
});

describe('objectPlan', () => {
  const base = (o: Partial<DryRunObject>): DryRunObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    namespace: 'shop',
    name: 'cfg',
    manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { A: '1' } },
    live: null,
    after: null,
    warnings: [],
    ...o,
  });

  it('create, change, unchanged and refused', () => {
    const cm = (a: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', managedFields: [applyEntry({ 'f:data': { 'f:A': {} } })] },
      data: { A: a },
    });
    expect(objectPlan(base({ after: cm('1') }), MANAGER)).toMatchObject({ action: 'create', changes: [] });
    expect(objectPlan(base({ live: cm('1'), after: cm('2') }), MANAGER)).toMatchObject({
      action: 'change',
      changes: [{ path: 'data.A', before: '1', after: '2' }],
    });
    expect(objectPlan(base({ live: cm('1'), after: cm('1') }), MANAGER)).toMatchObject({ action: 'unchanged', changes: [] });
    expect(objectPlan(base({ refused: { status: 422, message: 'bad' } }), MANAGER)).toMatchObject({ action: 'refused', note: 'bad' });
    expect(objectPlan(base({ skipped: 'not dry-run: its namespace shop is created by this deploy' }), MANAGER)).toMatchObject({
      action: 'create',
      note: 'not dry-run: its namespace shop is created by this deploy',
    });
  });

  it('a new Secret lists its keys, hidden', () => {
    const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'p@ss' } };
    const plan = objectPlan(
      base({ kind: 'Secret', name: 's', manifest, after: { ...manifest, stringData: undefined, data: { password: 'cEBzcw==' } } }),
      MANAGER,
    );
    expect(plan).toMatchObject({ action: 'create', changes: [{ path: 'data[password]', before: null, after: '(hidden)', hidden: true }] });
  });
});
