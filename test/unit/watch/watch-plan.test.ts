// The watches of a wait: their number grows with namespaces and kinds, never with workloads.
import { describe, expect, it } from 'vitest';
import { NAMED_WATCHES_MAX, planWatches } from '../../../src/watch/watch-plan.js';
import type { ScopeTarget } from '../../../src/watch/run-scope.js';

const deployment = (name: string, namespace = 'shop'): ScopeTarget => ({
  kind: 'Deployment',
  namespace,
  name,
  applied: { spec: { selector: { matchLabels: { app: name } } } },
});

const brief = (targets: ScopeTarget[]) =>
  planWatches(targets, true).map((s) =>
    [s.collection, s.namespace ?? '-', s.fieldSelector ?? s.labelSelector ?? 'all', s.required ? 'required' : ''].join(' ').trim(),
  );

describe('planWatches', () => {
  it('one Deployment: itself by name, its pods and ReplicaSets by its selector, the namespace’s events, the nodes', () => {
    expect(brief([deployment('web')])).toEqual([
      'deployments shop metadata.name=web required',
      'replicaSets shop app in (web)',
      'pods shop app in (web)',
      'events shop all',
      'nodes - all',
    ]);
  });

  it(`more than ${NAMED_WATCHES_MAX} of a kind in a namespace: one watch of the namespace for them`, () => {
    const many = ['a', 'b', 'c', 'd'].map((n) => deployment(n));
    expect(brief(many)[0]).toBe('deployments shop all required');
    expect(brief(many)).toHaveLength(5);
  });

  it('the same kinds in 10 namespaces: the same watches per namespace, whatever the number of workloads', () => {
    const wide = Array.from({ length: 500 }, (_, i) => deployment(`app-${i}`, `ns-${i % 10}`));
    const specs = planWatches(wide, true);
    expect(specs).toHaveLength(10 * 4 + 1);
    expect(new Set(specs.map((s) => s.scope)).size).toBe(11);
  });

  it('a StatefulSet adds its ControllerRevisions and PVCs; a Pod is watched with the pods', () => {
    const plan = brief([
      { kind: 'StatefulSet', namespace: 'shop', name: 'db', applied: { spec: { selector: { matchLabels: { app: 'db' } } } } },
      { kind: 'Pod', namespace: 'shop', name: 'debug', applied: { metadata: { labels: { app: 'debug' } } } },
    ]);
    expect(plan).toEqual([
      'statefulSets shop metadata.name=db required',
      'controllerRevisions shop app in (db,debug)',
      'pods shop app in (db,debug) required',
      'events shop all',
      'pvcs shop all',
      'nodes - all',
    ]);
  });
});
