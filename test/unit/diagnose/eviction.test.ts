// Issue 16, family 3: pods the kubelet evicted. Messages as pkg/kubelet/eviction/helpers.go builds them in 1.30-1.37
// (with and without the threshold sentence, per container and per pod), the older "which exceeds its request" form,
// the limit evictions, and the admission refusal under pressure.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { parseEvictionMessage } from '../../../src/diagnose/rules/eviction-message.js';
import { NOW, ago, deployment, node, pod, running, snapshot, terminated } from './fixtures.js';

const PRESSURE = {
  MemoryPressure: ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'],
  DiskPressure: ['KubeletHasDiskPressure', 'kubelet has disk pressure'],
  PIDPressure: ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'],
} as const;

function pressured(name: string, type: keyof typeof PRESSURE, since = 150): any {
  const n = node(name);
  n.status.conditions = n.status.conditions.map((c: any) =>
    c.type === type ? { ...c, status: 'True', reason: PRESSURE[type][0], message: PRESSURE[type][1], lastTransitionTime: ago(since) } : c,
  );
  return n;
}

function evicted(name: string, message: string, o: { node?: string; failedAgo?: number; admission?: boolean } = {}): any {
  const failedAgo = o.failedAgo ?? 60;
  return pod({
    name,
    node: o.node ?? 'worker-1',
    phase: 'Failed',
    conditions: [
      { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message, lastTransitionTime: ago(failedAgo) },
      { type: 'Ready', status: 'False', reason: 'PodFailed', lastTransitionTime: ago(failedAgo) },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(300) },
    ],
    containerStatuses: o.admission ? undefined : [{ ...running('app', false), state: terminated(137, 'Error', undefined, failedAgo) }],
    status: { reason: 'Evicted', message, ...(o.admission ? { containerStatuses: undefined } : {}) },
  });
}

const MEMORY =
  'The node was low on resource: memory. Threshold quantity: 100Mi, available: 53464Ki. Container app was using 1258292Ki, request is 256Mi, has larger consumption of memory. ';

describe('the eviction message', () => {
  it.each([
    [MEMORY, { lowOn: 'memory', threshold: '100Mi', available: '53464Ki', top: ['app', '1258292Ki', '256Mi'] }],
    [
      'The node was low on resource: memory. Container worker was using 3145728Ki, request is 1Gi, has larger consumption of memory. ',
      { lowOn: 'memory', threshold: null, available: null, top: ['worker', '3145728Ki', '1Gi'] },
    ],
    [
      'The node was low on resource: ephemeral-storage. Threshold quantity: 10120387584, available: 9615324Ki. Container sidecar was using 12Ki, request is 0, has larger consumption of ephemeral-storage. Container app was using 21418624Ki, request is 0, has larger consumption of ephemeral-storage. ',
      { lowOn: 'ephemeral-storage', threshold: '10120387584', available: '9615324Ki', top: ['app', '21418624Ki', '0'] },
    ],
    [
      'The node was low on resource: memory. Container app was using 1.2Gi, which exceeds its request of 256Mi.',
      { lowOn: 'memory', threshold: null, available: null, top: ['app', '1.2Gi', '256Mi'] },
    ],
    [
      'The node was low on resource: pids. Threshold quantity: 3276, available: 2981. ',
      { lowOn: 'pids', threshold: '3276', available: '2981', top: null },
    ],
    [
      'The node was low on resource: inodes. Threshold quantity: 5%, available: 41203. ',
      { lowOn: 'inodes', threshold: '5%', available: '41203', top: null },
    ],
    [
      'The node was low on resource: memory. Threshold quantity: 750Mi, available: 702324Ki. Pod opensearch-2 was using 11876244Ki, request is 8Gi, has larger consumption of memory. ',
      { lowOn: 'memory', threshold: '750Mi', available: '702324Ki', top: ['opensearch-2', '11876244Ki', '8Gi'] },
    ],
  ])('%s', (message, want) => {
    const facts = parseEvictionMessage(message);
    expect(facts.lowOn).toBe(want.lowOn);
    expect(facts.threshold).toBe(want.threshold);
    expect(facts.available).toBe(want.available);
    expect(facts.limit).toBeNull();
    const top = facts.consumers[0];
    expect(top ? [top.name, top.usage, top.request] : null).toEqual(want.top);
  });

  it.each([
    ['Container app exceeded its local ephemeral storage limit "1Gi". ', 'Container app exceeded its local ephemeral storage limit "1Gi"'],
    [
      'Pod ephemeral local storage usage exceeds the total limit of containers 2Gi. ',
      'Pod ephemeral local storage usage exceeds the total limit of containers 2Gi',
    ],
    ['Usage of EmptyDir volume "scratch" exceeds the limit "500Mi". ', 'Usage of EmptyDir volume "scratch" exceeds the limit "500Mi"'],
  ])('a limit eviction: %s', (message, limit) => {
    expect(parseEvictionMessage(message)).toMatchObject({ lowOn: null, limit });
  });

  it.each([
    ['Pod was rejected: The node had condition: [DiskPressure]. ', ['DiskPressure']],
    ['Pod was rejected: The node had condition: [MemoryPressure DiskPressure]. ', ['MemoryPressure', 'DiskPressure']],
    ['The node was low on resource: [MemoryPressure].', ['MemoryPressure']],
  ])('the conditions of %s', (message, conditions) => {
    expect(parseEvictionMessage(message).conditions).toEqual(conditions);
  });
});

describe('evicted pods', () => {
  it.each([
    ['MemoryPressure', MEMORY, 'memory'],
    [
      'DiskPressure',
      'The node was low on resource: ephemeral-storage. Threshold quantity: 10120387584, available: 9615324Ki. Container app was using 21418624Ki, request is 0, has larger consumption of ephemeral-storage. ',
      'ephemeral-storage',
    ],
    ['DiskPressure', 'The node was low on resource: nodefs.inodesFree. ', 'nodefs.inodesFree'],
    ['PIDPressure', 'The node was low on resource: pids. Threshold quantity: 3276, available: 2981. ', 'pids'],
  ] as const)('under %s: evicted on the pod and node-pressure on the node, neither fatal', (condition, message, resource) => {
    const p = evicted('web-7d9f8c6b5-e1', message);
    const ready = pod({ name: 'web-7d9f8c6b5-r1', node: 'worker-2', ready: true });
    const findings = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [p, ready], nodes: [pressured('worker-1', condition), node('worker-2')] }),
      NOW,
    );
    expect(findings.map((f) => [f.category, f.fatal, f.node])).toEqual([
      ['evicted', false, 'worker-1'],
      ['node-pressure', false, 'worker-1'],
    ]);
    expect(findings[0].message).toContain(`the node was low on ${resource}`);
    expect(findings[1]).toMatchObject({ reason: PRESSURE[condition][0] });
    expect(findings[1].message).toBe(
      `Node worker-1 reports ${condition} (${PRESSURE[condition][1]}): the kubelet evicts pods there and the scheduler keeps new ones away`,
    );
  });

  it('names the threshold, what was available and the container that used the most', () => {
    const [f] = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [evicted('web-7d9f8c6b5-e1', MEMORY)], nodes: [pressured('worker-1', 'MemoryPressure')] }),
      NOW,
    );
    expect(f).toMatchObject({ category: 'evicted', container: 'app', reason: 'Evicted' });
    expect(f.message).toBe(
      'The kubelet evicted the pod: the node was low on memory (eviction threshold 100Mi, available 53464Ki); container app used the most: 1258292Ki against a request of 256Mi',
    );
    expect(f.hint).toMatch(/container app used 1258292Ki against a request of 256Mi\): set requests.memory near real usage/);
  });

  it('once the node no longer reports pressure, only the eviction remains', () => {
    const findings = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [evicted('web-7d9f8c6b5-e1', MEMORY)], nodes: [node('worker-1')] }),
      NOW,
    );
    expect(findings.map((f) => f.category)).toEqual(['evicted']);
  });

  it('pressure of another kind than the eviction is not linked to it', () => {
    const findings = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [evicted('web-7d9f8c6b5-e1', MEMORY)], nodes: [pressured('worker-1', 'DiskPressure')] }),
      NOW,
    );
    expect(findings.map((f) => f.category)).toEqual(['evicted']);
  });

  it.each([
    'Container app exceeded its local ephemeral storage limit "1Gi". ',
    'Pod ephemeral local storage usage exceeds the total limit of containers 2Gi. ',
    'Usage of EmptyDir volume "scratch" exceeds the limit "500Mi". ',
  ])('a limit eviction is evicted alone, even on a pressured node: %s', (message) => {
    const findings = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [evicted('web-7d9f8c6b5-e1', message)], nodes: [pressured('worker-1', 'DiskPressure')] }),
      NOW,
    );
    expect(findings.map((f) => [f.category, f.fatal])).toEqual([['evicted', false]]);
    expect(findings[0].message).toBe(`The kubelet evicted the pod for exceeding its own limit: ${message.trim().replace(/\.$/, '')}`);
    expect(findings[0].hint).toMatch(/^Raise the limit the pod exceeded/);
  });

  it('refused at admission for DiskPressure: evicted and node-pressure', () => {
    const p = evicted('web-7d9f8c6b5-e1', 'Pod was rejected: The node had condition: [DiskPressure]. ', { admission: true });
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p], nodes: [pressured('worker-1', 'DiskPressure')] }), NOW);
    expect(findings.map((f) => f.category)).toEqual(['evicted', 'node-pressure']);
    expect(findings[0].message).toBe('The kubelet refused the pod at admission: the node has DiskPressure');
  });

  it('replicas evicted with different usage figures merge into one finding', () => {
    const pods = [
      evicted('web-7d9f8c6b5-e1', MEMORY),
      evicted('web-7d9f8c6b5-e2', MEMORY.replace('1258292Ki', '1190020Ki').replace('53464Ki', '61001Ki')),
      pod({ name: 'web-7d9f8c6b5-r1', node: 'worker-2', ready: true }),
    ];
    const findings = diagnoseWorkload(
      deployment(),
      snapshot({ pods, nodes: [pressured('worker-1', 'MemoryPressure'), node('worker-2')] }),
      NOW,
    );
    expect(findings.map((f) => [f.category, f.count])).toEqual([
      ['evicted', '2/3 pods'],
      ['node-pressure', '2/3 pods'],
    ]);
  });
});

describe('replacements that keep being evicted', () => {
  const nodes = [pressured('worker-1', 'MemoryPressure'), pressured('worker-2', 'MemoryPressure'), node('worker-3')];
  const three = [
    evicted('web-7d9f8c6b5-e1', MEMORY, { node: 'worker-1', failedAgo: 400 }),
    evicted('web-7d9f8c6b5-e2', MEMORY, { node: 'worker-2', failedAgo: 200 }),
    evicted('web-7d9f8c6b5-e3', MEMORY, { node: 'worker-3', failedAgo: 20 }),
  ];

  it('three evictions within ten minutes and no Ready pod: fatal, and the wait ends though no evicted pod is live', () => {
    const pending = pod({ name: 'web-7d9f8c6b5-p1', node: null, phase: 'Pending', createdAgo: 2, conditions: [], containerStatuses: [] });
    const snap = snapshot({ pods: [...three, pending], nodes });
    const evictedFinding = diagnoseWorkload(deployment(), snap, NOW).find((f) => f.category === 'evicted');
    expect(evictedFinding).toMatchObject({ fatal: true, count: '3/4 pods', node: 'worker-1, worker-2, worker-3' });
    expect(evictedFinding?.hint).toMatch(/^Every replacement is evicted again \(container app used 1258292Ki against a request of 256Mi\)/);
    expect(isDoomed(deployment(), snap, NOW)).toBe(true);
  });

  it('with a Ready pod in every slot they are history, not fatal', () => {
    const ready = ['r1', 'r2', 'r3'].map((s, i) => pod({ name: `web-7d9f8c6b5-${s}`, node: `worker-${i + 1}`, ready: true }));
    const snap = snapshot({ pods: [...three, ...ready], nodes });
    expect(diagnoseWorkload(deployment(), snap, NOW).find((f) => f.category === 'evicted')).toMatchObject({ fatal: false });
    expect(isDoomed(deployment(), snap, NOW)).toBe(false);
  });

  it('evictions spread over more than ten minutes are not counted together', () => {
    const spread = [
      evicted('web-7d9f8c6b5-e1', MEMORY, { failedAgo: 1500 }),
      evicted('web-7d9f8c6b5-e2', MEMORY, { failedAgo: 900 }),
      evicted('web-7d9f8c6b5-e3', MEMORY, { failedAgo: 30 }),
    ];
    expect(diagnoseWorkload(deployment(), snapshot({ pods: spread, nodes }), NOW).find((f) => f.category === 'evicted')).toMatchObject({
      fatal: false,
    });
  });
});
