// The one label selector per namespace that the run's pods, ReplicaSets and ControllerRevisions all carry.
import { describe, expect, it } from 'vitest';
import { runSelector, type ScopeTarget } from '../../../src/watch/run-selector.js';

const deployment = (name: string, selector: unknown): ScopeTarget => ({
  kind: 'Deployment',
  namespace: 'shop',
  name,
  applied: { spec: { selector, template: { metadata: { labels: { app: name } } } } },
});
const job = (name: string, templateLabels: Record<string, string> = {}): ScopeTarget => ({
  kind: 'Job',
  namespace: 'shop',
  name,
  applied: { spec: { template: { metadata: { labels: templateLabels } } } },
});
const pod = (name: string, labels?: Record<string, string>): ScopeTarget => ({
  kind: 'Pod',
  namespace: 'shop',
  name,
  applied: { metadata: { name, labels } },
});

describe('runSelector', () => {
  it.each<[string, ScopeTarget[], string | null]>([
    ['one Deployment: its own label', [deployment('web', { matchLabels: { app: 'web' } })], 'app in (web)'],
    [
      'Deployments that share a key: the union of their values',
      [deployment('web', { matchLabels: { app: 'web' } }), deployment('api', { matchLabels: { app: 'api' } })],
      'app in (api,web)',
    ],
    [
      'the shared key that selects the fewest values wins',
      [deployment('web', { matchLabels: { team: 'shop', app: 'web' } }), deployment('api', { matchLabels: { team: 'shop', app: 'api' } })],
      'team in (shop)',
    ],
    [
      'an In expression gives its values',
      [deployment('web', { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'web-canary'] }] })],
      'app in (web,web-canary)',
    ],
    ['Exists gives the key alone', [deployment('web', { matchExpressions: [{ key: 'app', operator: 'Exists' }] })], 'app'],
    [
      'NotIn and DoesNotExist promise no label: no selector',
      [deployment('web', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['x'] }] })],
      null,
    ],
    [
      'no key in common: no selector (the namespace is watched whole)',
      [deployment('web', { matchLabels: { app: 'web' } }), deployment('api', { matchLabels: { 'app.kubernetes.io/name': 'api' } })],
      null,
    ],
    [
      'a Job joins through its template labels',
      [deployment('web', { matchLabels: { app: 'web' } }), job('migrate', { app: 'web-migrate' })],
      'app in (web,web-migrate)',
    ],
    ['a Job alone: the label its controller adds on every version', [job('migrate')], 'job-name in (migrate)'],
    ['a Pod through its own labels', [pod('debug', { app: 'debug' })], 'app in (debug)'],
    ['a Pod without labels: no selector', [pod('debug')], null],
    [
      'a Deployment whose applied object is unknown (no selector known): none',
      [{ kind: 'Deployment', namespace: 'shop', name: 'web' }],
      null,
    ],
    [
      'a ReplicationController through its plain-map selector',
      [{ kind: 'ReplicationController', namespace: 'shop', name: 'legacy', applied: { spec: { selector: { app: 'legacy' } } } }],
      'app in (legacy)',
    ],
    [
      'a ReplicationController without a selector: its template labels (the API defaults it to them)',
      [
        {
          kind: 'ReplicationController',
          namespace: 'shop',
          name: 'legacy',
          applied: { spec: { template: { metadata: { labels: { app: 'legacy' } } } } },
        },
      ],
      'app in (legacy)',
    ],
    ['a value the API would refuse is never sent', [deployment('web', { matchLabels: { app: 'web,api' } })], null],
  ])('%s', (_, targets, want) => {
    expect(runSelector(targets)).toBe(want);
  });

  it('gives up past a URL-sized selector', () => {
    const many = Array.from({ length: 600 }, (_, i) => deployment(`service-number-${i}`, { matchLabels: { app: `service-number-${i}` } }));
    expect(runSelector(many)).toBeNull();
  });
});
