import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed, mergeFindings } from '../../../src/diagnose/index.js';
import { doomed } from '../../../src/diagnose/fail-fast.js';
import { normalizeMessage } from '../../../src/diagnose/merge.js';
import { isFatal } from '../../../src/diagnose/policy.js';
import { DEFAULT_POLICY } from '../../../src/diagnose/categories/index.js';
import type { Finding } from '../../../src/model.js';
import { NOW, ago, crashLooping, deployment, event, pod, running, snapshot, terminated, waiting } from './fixtures.js';

const oom = (restarts: number) => crashLooping('app', terminated(137, 'OOMKilled'), restarts);

describe('merging replicas', () => {
  it('identical findings across replicas merge into one with a count, the worst replica speaking', () => {
    const pods = [
      pod({ name: 'web-7d9f8c6b5-a', node: 'worker-1', containerStatuses: [oom(2)] }),
      pod({ name: 'web-7d9f8c6b5-b', node: 'worker-2', containerStatuses: [oom(4)] }),
      pod({ name: 'web-7d9f8c6b5-c', node: 'worker-1', containerStatuses: [oom(3)] }),
    ];
    const events = pods.map((p, i) =>
      event(p, 'Warning', 'BackOff', `Back-off restarting failed container app in pod ${p.metadata.name}_shop(${p.metadata.uid})`, {
        count: 5 + i,
        container: 'app',
        lastAgo: 10 - i,
      }),
    );
    const findings = diagnoseWorkload(deployment(), snapshot({ pods, events }), NOW);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      category: 'oom-killed',
      count: '3/3 pods',
      pod: 'web-7d9f8c6b5-b',
      restarts: 4,
      node: 'worker-1, worker-2',
      fatal: true,
    });
    expect(findings[0].events).toHaveLength(1);
    expect(findings[0].hint).toMatch(/killed at the limit 5 times/);
  });

  it('different causes stay apart and the worst comes first', () => {
    const pods = [
      pod({ name: 'web-7d9f8c6b5-a', containerStatuses: [running('app', false)] }),
      pod({ name: 'web-7d9f8c6b5-b', containerStatuses: [oom(2)] }),
    ];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods }), NOW);
    expect(findings.map((f) => [f.category, f.count, f.fatal])).toEqual([
      ['oom-killed', '1/2 pods', true],
      ['unknown', '1/2 pods', false],
    ]);
  });

  it('normalizes pod names, UIDs, IPs and counts, but not node names or sizes', () => {
    expect(
      normalizeMessage(
        'back-off 40s restarting failed container=app pod=web-a_shop(0b9e4d4e-5c1f-4d7a-9d3e-2f6a8b1c9e11) on 10.244.1.7:8080, restarted 3 times on worker-1 at 256Mi',
        ['web-a'],
      ),
    ).toBe('back-off # restarting failed container=app pod=<pod>_shop(<uid>) on <ip>, restarted # times on worker-1 at 256Mi');
  });

  it('keeps node-level findings on different nodes apart', () => {
    const base = {
      category: 'node-not-ready',
      fatal: true,
      workload: 'Deployment/shop/web',
      container: null,
      reason: 'NodeStatusUnknown',
      exitCode: null,
      restarts: null,
      hint: '',
      events: [],
      logTail: [],
      count: '1/2 pods',
      suspectedChange: null,
    };
    const merged = mergeFindings([
      { ...base, pod: 'a', node: 'worker-1', message: 'Node worker-1 is not ready' },
      { ...base, pod: 'b', node: 'worker-2', message: 'Node worker-2 is not ready' },
    ] as Finding[]);
    expect(merged).toHaveLength(2);
  });
});

describe('fail fast', () => {
  const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
  it.each([
    ['crash-loop', { since: ago(1), failures: 2 }, 0, true],
    ['oom-killed', { since: null, failures: 1 }, 0, true],
    ['image-not-found', { since: null, failures: 1 }, 0, true],
    // A missing Secret gets a grace from the pod's creation: something may still be creating it.
    ['config-missing-ref', { since: ago(0), failures: 1 }, 59, false],
    ['config-missing-ref', { since: ago(0), failures: 1 }, 60, true],
    ['config-missing-ref', { since: ago(0), failures: 1, provisional: true }, 3600, false],
    ['config-missing-key', { since: ago(0), failures: 1 }, 60, true],
    ['exec-format-error', { since: null, failures: 1 }, 0, true],
    ['image-pull-unauthorized', { since: null, failures: 1 }, 0, false],
    ['image-pull-unauthorized', { since: null, failures: 2 }, 0, true],
    ['unschedulable-resources', { since: ago(0), failures: 1 }, 59, false],
    ['unschedulable-resources', { since: ago(0), failures: 1 }, 60, true],
    ['unschedulable-taint', { since: null, failures: 1 }, 600, false],
    ['image-pull-transient', { since: ago(3600), failures: 50 }, 0, false],
    ['readiness-probe-failing', { since: ago(3600), failures: 50 }, 0, false],
    ['container-creating-slow', { since: ago(3600), failures: 1 }, 0, false],
  ] as const)('%s %o after %ss -> %s', (category, timing, after, fatal) => {
    expect(isFatal({ category, ...timing }, at(after), DEFAULT_POLICY)).toBe(fatal);
  });

  it('provisional evidence is never fatal', () => {
    expect(isFatal({ category: 'crash-loop', since: null, failures: 1, provisional: true }, NOW)).toBe(false);
  });

  it('a custom policy can make a category wait', () => {
    expect(
      isFatal({ category: 'crash-loop', since: ago(10), failures: 3 }, NOW, {
        ...DEFAULT_POLICY,
        'crash-loop': { fatal: 'after-seconds', seconds: 30 },
      }),
    ).toBe(false);
  });

  it('doomed needs every existing new pod to be fatal', () => {
    const crashing = pod({ name: 'web-7d9f8c6b5-a', containerStatuses: [crashLooping('app', terminated(1, 'Error'), 1)] });
    const pulling = pod({ name: 'web-7d9f8c6b5-b', containerStatuses: [waiting('app', 'ContainerCreating', undefined)], createdAgo: 5 });
    expect(isDoomed(deployment(), snapshot({ pods: [crashing] }), NOW)).toBe(true);
    expect(isDoomed(deployment(), snapshot({ pods: [crashing, pulling] }), NOW)).toBe(false);
    expect(isDoomed(deployment(), snapshot({ pods: [] }), NOW)).toBe(false);
  });

  it('finished pods do not count for a controller, and evicted replicas are replaced', () => {
    const crashing = pod({ name: 'web-7d9f8c6b5-a', containerStatuses: [crashLooping('app', terminated(1, 'Error'), 1)] });
    const evicted = pod({
      name: 'web-7d9f8c6b5-e',
      phase: 'Failed',
      status: { reason: 'Evicted', message: 'The node was low on resource: ephemeral-storage. ' },
    });
    expect(isDoomed(deployment(), snapshot({ pods: [crashing, evicted] }), NOW)).toBe(true);
    expect(doomed('Deployment', [], [evicted], NOW)).toBe(false);
  });

  it("unschedulable pods doom the rollout once the policy's minute has passed", () => {
    const pending = (secondsAgo: number) =>
      pod({
        node: null,
        phase: 'Pending',
        containerStatuses: [],
        createdAgo: secondsAgo,
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/2 nodes are available: 2 Insufficient cpu.',
            lastTransitionTime: ago(secondsAgo),
          },
        ],
      });
    expect(isDoomed(deployment(), snapshot({ pods: [pending(30)] }), NOW)).toBe(false);
    expect(isDoomed(deployment(), snapshot({ pods: [pending(65)] }), NOW)).toBe(true);
  });
});
