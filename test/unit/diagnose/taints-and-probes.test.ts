// Which node taints keep a pod off once the scheduler stops naming them (rules/taints.ts), and what failing liveness
// or startup probes on a running container read like (rules/probes.ts).
import { describe, expect, it } from 'vitest';
import type { Node, Toleration } from '../../../src/k8s/objects.js';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { formatTaint, tallyUntoleratedTaints, untoleratedTaints } from '../../../src/diagnose/rules/taints.js';
import { NOW, deployment, event, node, pod, running, snapshot } from './fixtures.js';

const gpu = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const tainted = (name: string, taints: object[]): Node => node(name, { taints });

describe('untoleratedTaints', () => {
  it.each<[string, Toleration[] | undefined, string[]]>([
    ['no tolerations', undefined, ['dedicated=gpu:NoSchedule']],
    ['Equal with the same key and value', [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }], []],
    ['Equal is the default operator', [{ key: 'dedicated', value: 'gpu' }], []],
    ['Equal with another value', [{ key: 'dedicated', operator: 'Equal', value: 'cpu' }], ['dedicated=gpu:NoSchedule']],
    ['Equal with another key', [{ key: 'team', operator: 'Equal', value: 'gpu' }], ['dedicated=gpu:NoSchedule']],
    ['Equal without a value against a taint with one', [{ key: 'dedicated', operator: 'Equal' }], ['dedicated=gpu:NoSchedule']],
    ['Exists on the key', [{ key: 'dedicated', operator: 'Exists' }], []],
    ['Exists on another key', [{ key: 'team', operator: 'Exists' }], ['dedicated=gpu:NoSchedule']],
    ['Exists without a key tolerates everything', [{ operator: 'Exists' }], []],
    ['a toleration for another effect', [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }], ['dedicated=gpu:NoSchedule']],
    ['a toleration for the same effect', [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }], []],
  ])('%s', (_, tolerations, want) => {
    expect(untoleratedTaints(tainted('gpu-1', [gpu]), tolerations).map(formatTaint)).toEqual(want);
  });

  it('PreferNoSchedule never keeps a pod off; NoExecute does', () => {
    const n = tainted('n', [{ key: 'spot', effect: 'PreferNoSchedule' }, notReady]);
    expect(untoleratedTaints(n, []).map(formatTaint)).toEqual(['node.kubernetes.io/not-ready:NoExecute']);
  });

  it('a taint that is not one of the three keeps nobody off', () => {
    expect(untoleratedTaints(tainted('n', [{ key: 'x', effect: 'Something' }]), undefined)).toEqual([]);
  });

  it('a node without taints', () => {
    expect(untoleratedTaints(node('plain'), undefined)).toEqual([]);
  });
});

describe('tallyUntoleratedTaints', () => {
  it('a person-made taint wins over condition taints on the same node; the one most nodes carry is named', () => {
    const nodes = [
      tainted('gpu-1', [notReady, gpu]),
      tainted('gpu-2', [gpu]),
      tainted('arm-1', [{ key: 'arch', value: 'arm64', effect: 'NoSchedule' }]),
      tainted('sick-1', [notReady]),
      tainted('sick-2', [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]),
      node('healthy'),
    ];
    const tally = tallyUntoleratedTaints(nodes, []);
    expect({
      ...tally,
      taint: tally.taint && formatTaint(tally.taint),
      conditionTaint: tally.conditionTaint && formatTaint(tally.conditionTaint),
    }).toEqual({
      taint: 'dedicated=gpu:NoSchedule',
      taintNodes: 2,
      conditionNodes: 2,
      conditionTaint: 'node.kubernetes.io/not-ready:NoExecute',
    });
  });

  it('nothing untolerated', () => {
    expect(tallyUntoleratedTaints([node('a'), tainted('b', [gpu])], [{ operator: 'Exists' }])).toEqual({
      taint: null,
      taintNodes: 0,
      conditionNodes: 0,
      conditionTaint: null,
    });
  });

  it('formats a taint without value or effect', () => {
    expect(formatTaint({ key: 'k' })).toBe('k:');
    expect(formatTaint({})).toBe(':');
  });
});

describe('probes of a running container', () => {
  const unhealthy = (p: ReturnType<typeof pod>, message: string, count: number, lastAgo: number) =>
    event(p, 'Warning', 'Unhealthy', message, { container: 'app', count, lastAgo });

  it.each([
    [
      'liveness failing before any restart: reported, not yet conclusive',
      0,
      ['Liveness probe failed: HTTP probe failed with statuscode: 500'],
      {
        category: 'liveness-probe-failing',
        fatal: false,
        message: 'The liveness probe of container app fails (3 times): HTTP probe failed with statuscode: 500',
      },
    ],
    [
      'liveness failing after two restarts: conclusive',
      2,
      ['Liveness probe failed: HTTP probe failed with statuscode: 500'],
      {
        category: 'liveness-probe-failing',
        fatal: true,
        message: 'The liveness probe of container app fails (3 times): HTTP probe failed with statuscode: 500',
      },
    ],
    [
      'a startup probe without output, counted across its events',
      1,
      ['Startup probe failed: ', 'Startup probe failed: '],
      { category: 'liveness-probe-failing', fatal: false, message: 'The startup probe of container app fails (6 times): no output' },
    ],
    [
      'liveness is named before readiness',
      0,
      [
        'Readiness probe failed: HTTP probe failed with statuscode: 503',
        'Liveness probe failed: dial tcp 10.0.0.5:8080: connect: connection refused',
      ],
      {
        category: 'liveness-probe-failing',
        fatal: false,
        message: 'The liveness probe of container app fails (3 times): dial tcp 10.0.0.5:8080: connect: connection refused',
      },
    ],
  ])('%s', (_, restarts, messages, want) => {
    const p = pod({ containerStatuses: [running('app', false, { restartCount: restarts })] });
    const events = messages.map((m, i) => unhealthy(p, m, 3, 30 - i));
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW);
    expect(findings.map((f) => ({ category: f.category, fatal: f.fatal, message: f.message }))).toEqual([want]);
  });

  it('one failure reads "1 time"', () => {
    const p = pod({ containerStatuses: [running('app', false)] });
    const [f] = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [p], events: [unhealthy(p, 'Readiness probe failed: timeout', 1, 5)] }),
      NOW,
    );
    expect(f.message).toBe('The readiness probe of container app fails (1 time): timeout');
  });
});
