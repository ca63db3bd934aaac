// The early filter of a namespace the run shares with others: what reaches the store is every object the diagnosis
// of the run's workloads reads, and nothing of the other teams'.
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../src/k8s/kinds.js';
import { NamespaceScope, runScopes, type ScopeTarget } from '../../../src/watch/run-scope.js';

const web: ScopeTarget = {
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  applied: { spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } } },
};
const db: ScopeTarget = {
  kind: 'StatefulSet',
  namespace: 'shop',
  name: 'db',
  applied: { spec: { replicas: 2, selector: { matchLabels: { app: 'db' } } } },
};
const migrate: ScopeTarget = { kind: 'Job', namespace: 'shop', name: 'migrate', applied: { spec: { template: { metadata: {} } } } };
const debug: ScopeTarget = { kind: 'Pod', namespace: 'shop', name: 'debug', applied: { metadata: { name: 'debug' } } };

const obj = (name: string, labels: Record<string, string> = {}, owner?: [string, string]) => ({
  metadata: {
    name,
    namespace: 'shop',
    labels,
    ownerReferences: owner ? [{ kind: owner[0], name: owner[1], controller: true }] : undefined,
  },
});
const event = (kind: string, name: string) => ({ metadata: { name: `${name}.1` }, involvedObject: { kind, name, namespace: 'shop' } });

const scope = new NamespaceScope('shop', [web, db, migrate, debug]);

describe('NamespaceScope.filter', () => {
  it.each<[string, CollectionName, unknown, boolean]>([
    ['the run’s Deployment', 'deployments', obj('web'), true],
    ['another team’s Deployment', 'deployments', obj('cart'), false],
    ['the run’s StatefulSet', 'statefulSets', obj('db'), true],
    [
      'a pod the Deployment selects (new or old ReplicaSet alike)',
      'pods',
      obj('web-7d4b9-x2x9q', { app: 'web', 'pod-template-hash': 'old' }),
      true,
    ],
    ['a pod of another team, same key', 'pods', obj('cart-5f6c7-abcde', { app: 'cart' }), false],
    ['a StatefulSet pod by its owner', 'pods', obj('db-0', { app: 'renamed' }, ['StatefulSet', 'db']), true],
    ['a Job pod by the label its controller adds', 'pods', obj('migrate-q8v2k', { 'batch.kubernetes.io/job-name': 'migrate' }), true],
    ['a Job pod by its owner', 'pods', obj('migrate-q8v2k', {}, ['Job', 'migrate']), true],
    ['the bare Pod the run applied', 'pods', obj('debug'), true],
    ['another bare pod', 'pods', obj('debug-2'), false],
    ['a ReplicaSet the Deployment owns', 'replicaSets', obj('web-7d4b9', { app: 'other' }, ['Deployment', 'web']), true],
    ['an orphaned ReplicaSet the Deployment would adopt', 'replicaSets', obj('web-7d4b9', { app: 'web' }), true],
    ['another team’s ReplicaSet', 'replicaSets', obj('cart-5f6c7', { app: 'cart' }, ['Deployment', 'cart']), false],
    ['a ControllerRevision of the StatefulSet', 'controllerRevisions', obj('db-6d8f7', { app: 'db' }, ['StatefulSet', 'db']), true],
    ['another ControllerRevision', 'controllerRevisions', obj('queue-6d8f7', { app: 'queue' }, ['StatefulSet', 'queue']), false],
    ['an event about a pod of the Deployment', 'events', event('Pod', 'web-7d4b9-x2x9q'), true],
    ['an event about a StatefulSet pod', 'events', event('Pod', 'db-1'), true],
    ['an event about the bare Pod', 'events', event('Pod', 'debug'), true],
    ['an event about another team’s pod', 'events', event('Pod', 'cart-5f6c7-abcde'), false],
    ['an event about a ReplicaSet of the Deployment', 'events', event('ReplicaSet', 'web-7d4b9'), true],
    ['an event about the Deployment', 'events', event('Deployment', 'web'), true],
    ['an event about another Deployment', 'events', event('Deployment', 'cart'), false],
    ['an event about a PVC (claims are matched later, by name)', 'events', event('PersistentVolumeClaim', 'data-db-0'), true],
    ['an event in the newer API (regarding)', 'events', { regarding: { kind: 'Pod', name: 'web-7d4b9-x2x9q' } }, true],
  ])('%s', (_, collection, o, want) => {
    expect(scope.filter(collection)!(o)).toBe(want);
  });

  it('keeps a ReplicationController’s pods by its plain-map selector, and no other team’s', () => {
    const rc: ScopeTarget = {
      kind: 'ReplicationController',
      namespace: 'shop',
      name: 'legacy',
      applied: { spec: { selector: { app: 'legacy' } } },
    };
    const s = new NamespaceScope('shop', [rc]);
    expect(s.filter('pods')!(obj('legacy-x2x9q', { app: 'legacy' }))).toBe(true);
    expect(s.filter('pods')!(obj('cart-5f6c7-abcde', { app: 'cart' }))).toBe(false);
  });

  it('keeps the events of the other objects the run waits for here (a Service, a custom resource), and follows them', () => {
    const s = runScopes([web], [{ namespace: 'shop', kind: 'Service', name: 'web' }]).get('shop')!;
    expect(s.filter('events')!(event('Service', 'web'))).toBe(true);
    expect(s.filter('events')!(event('Service', 'cart'))).toBe(false);
    expect(s.eventSubjects([], [])).toContainEqual({ kind: 'Service', name: 'web' });
    expect(s.expectedSubjects()).toBe(9 + 1);
  });

  it('keeps every node and PVC', () => {
    expect(scope.filter('nodes')).toBeUndefined();
    expect(scope.filter('pvcs')).toBeUndefined();
  });

  it('keeps every pod when a workload’s selector is unknown (no applied object)', () => {
    const blind = new NamespaceScope('shop', [{ kind: 'Deployment', namespace: 'shop', name: 'web' }]);
    expect(blind.filter('pods')!(obj('cart-5f6c7-abcde', { app: 'cart' }))).toBe(true);
    expect(blind.filter('deployments')!(obj('cart'))).toBe(false);
  });

  it('matches pods of a long-named Deployment by the 58 characters their generated names keep', () => {
    const long = 'a'.repeat(60);
    const s = new NamespaceScope('shop', [{ ...web, name: long }]);
    expect(s.filter('events')!(event('Pod', `${'a'.repeat(58)}x2x9q`))).toBe(true);
  });
});

describe('NamespaceScope.eventSubjects', () => {
  it('names the workloads, the ReplicaSets and pods in the store (this namespace only), and PVCs by kind', () => {
    const pods = [obj('web-7d4b9-x2x9q'), obj('debug'), { metadata: { name: 'web-1', namespace: 'other' } }];
    expect(scope.eventSubjects(pods, [obj('web-7d4b9')])).toEqual([
      { kind: 'Deployment', name: 'web' },
      { kind: 'StatefulSet', name: 'db' },
      { kind: 'Job', name: 'migrate' },
      { kind: 'Pod', name: 'debug' },
      { kind: 'ReplicaSet', name: 'web-7d4b9' },
      { kind: 'Pod', name: 'web-7d4b9-x2x9q' },
      { kind: 'PersistentVolumeClaim', name: '' },
    ]);
  });

  it.each<[string, ScopeTarget[], number]>([
    ['a Deployment of 3: old and new pods, itself and two ReplicaSets', [web], 9],
    ['a StatefulSet of 2 and a Job', [db, migrate], 5 + 3],
    ['a DaemonSet: one pod per node, no bound', [{ kind: 'DaemonSet', namespace: 'shop', name: 'agent' }], Infinity],
  ])('expects %s', (_, targets, want) => {
    expect(new NamespaceScope('shop', targets).expectedSubjects()).toBe(want);
  });
});

describe('runScopes', () => {
  it('one scope per namespace, each with its own selector', () => {
    const scopes = runScopes([web, { ...web, namespace: 'blog', name: 'blog' }]);
    expect([...scopes.keys()]).toEqual(['shop', 'blog']);
    expect(scopes.get('shop')!.labelSelector).toBe('app in (web)');
  });
});
