// Placement and quota: the plan says which pods no node can take and which quota the rollout cannot fit, and the
// category it names is the one the deploy's own rules give to what the scheduler or the ReplicaSet then reports.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { schedulingCheck } from '../../../src/plan/checks/scheduling.js';
import { quotaCheck, rolloutDemand } from '../../../src/plan/checks/quota.js';
import { deployment as deployFixture, NOW, node as diagNode, pod, snapshot } from '../diagnose/fixtures.js';
import { context, facts, NS, planned, workload } from './fixtures.js';

const taint = (key: string, value = 'x', effect = 'NoSchedule') => ({ key, value, effect });
const hostnames = (...names: string[]) => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: names }] }],
      },
    },
  },
});

/** The deploy's verdict on a pod the scheduler left Pending with this message. */
function deployCategory(schedulerMessage: string, spec: Record<string, unknown>, nodes: any[]): string {
  const pending = pod({
    node: null,
    phase: 'Pending',
    containerStatuses: [],
    createdAgo: 90,
    spec,
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: schedulerMessage,
        lastTransitionTime: '2026-11-23T12:08:30Z',
      },
    ],
  });
  return diagnoseWorkload(deployFixture(), snapshot({ pods: [pending], nodes }), NOW)[0].category;
}

describe('schedulingCheck', () => {
  it.each([
    {
      name: 'a request larger than every node',
      podSpec: {},
      container: { resources: { requests: { cpu: '3' } } },
      nodes: [diagNode('w1'), diagNode('w2')],
      category: 'unschedulable-resources',
      text: /0\/2 nodes are available: 2 Insufficient cpu\. The pod requests 3 cpu; the largest node \(w1\) has 1930m allocatable$/,
    },
    {
      name: 'a limit alone counts as the request',
      podSpec: {},
      container: { resources: { limits: { memory: '16Gi' } } },
      nodes: [diagNode('w1')],
      category: 'unschedulable-resources',
      text: /1 Insufficient memory/,
    },
    {
      name: 'an extended resource no node has',
      podSpec: {},
      container: { resources: { limits: { 'nvidia.com/gpu': '1' } } },
      nodes: [diagNode('w1')],
      category: 'unschedulable-resources',
      text: /1 Insufficient nvidia\.com\/gpu/,
    },
    {
      name: 'a node selector nothing matches',
      podSpec: { nodeSelector: { pool: 'gpu' } },
      nodes: [diagNode('w1'), diagNode('w2')],
      category: 'unschedulable-node-selector',
      text: /2 node\(s\) didn't match Pod's node affinity\/selector\. The pod selects pool=gpu$/,
    },
    {
      name: 'taints on the only nodes it may use, the most nodes',
      podSpec: hostnames('w2', 'w3'),
      nodes: [
        diagNode('w1'),
        diagNode('w2', { taints: [taint('dedicated', 'db')] }),
        diagNode('w3', { taints: [taint('dedicated', 'db')] }),
      ],
      category: 'unschedulable-taint',
      text: /1 node\(s\) didn't match Pod's node affinity\/selector, 2 node\(s\) had untolerated taint\(s\)\. 2 node\(s\) have the taint dedicated=db:NoSchedule$/,
    },
    {
      name: 'a taint on one node of three is outnumbered by the selector (as the scheduler counts it)',
      podSpec: hostnames('w3'),
      nodes: [diagNode('w1'), diagNode('w2'), diagNode('w3', { taints: [taint('dedicated', 'db')] })],
      category: 'unschedulable-node-selector',
      text: /1 node\(s\) had untolerated taint\(s\), 2 node\(s\) didn't match Pod's node affinity\/selector\. The pod selects kubernetes\.io\/hostname In \[w3\]$/,
    },
    {
      name: 'cordoned nodes',
      podSpec: {},
      nodes: [diagNode('w1', { unschedulable: true }), diagNode('w2', { unschedulable: true })],
      category: 'unschedulable-node-condition',
      text: /2 node\(s\) were unschedulable/,
    },
  ])('$name: $category, which the deploy gives to the same scheduler message', ({ podSpec, container, nodes, category, text }) => {
    const w = planned(workload({ podSpec, container }));
    const [f] = schedulingCheck(context([w], facts({ nodes }))).findings;
    expect(f).toMatchObject({ category, predicted: true, count: '3/3 pods' });
    expect(f.message).toMatch(text);
    const schedulerMessage = /(0\/\d+ nodes are available: [^.]*)/.exec(f.message)![1];
    expect(deployCategory(`${schedulerMessage}.`, { ...podSpec, containers: w.after.spec!.template!.spec!.containers }, nodes)).toBe(
      category,
    );
  });

  it('predicts nothing when one node fits, when tolerated, or without the nodes', () => {
    const tolerated = planned(workload({ podSpec: { tolerations: [{ key: 'dedicated', operator: 'Exists' }] } }));
    const tainted = [diagNode('w1', { taints: [taint('dedicated')] })];
    expect(schedulingCheck(context([tolerated], facts({ nodes: tainted }))).findings).toEqual([]);
    const fits = planned(workload({ container: { resources: { requests: { cpu: '1' } } } }));
    expect(schedulingCheck(context([fits], facts({ nodes: [diagNode('w1', { cpu: '500m' }), diagNode('w2')] }))).findings).toEqual([]);
    const unknown = schedulingCheck(context([fits], facts({ nodes: null })));
    expect(unknown).toEqual({
      findings: [],
      notes: ['could not list nodes: whether the new pods fit any node was not checked (grant list on nodes)'],
    });
  });

  it('a DaemonSet places its pods itself: only eligible nodes too small for the pod count', () => {
    const ds = workload({
      kind: 'DaemonSet',
      podSpec: { nodeSelector: { pool: 'big' } },
      container: { resources: { requests: { cpu: '3' } } },
    });
    const nodes = [
      diagNode('small'),
      { ...diagNode('big-1', { cpu: '8' }), metadata: { name: 'big-1', labels: { pool: 'big' } } },
      { ...diagNode('big-2'), metadata: { name: 'big-2', labels: { pool: 'big' } } },
    ];
    const [f] = schedulingCheck(context([planned(ds)], facts({ nodes }))).findings;
    expect(f).toMatchObject({ category: 'unschedulable-resources', count: '1/1 pods' });
    expect(f.message).toBe("The DaemonSet's pod requests 3 cpu, more than node(s) big-2 have allocatable: its pods there stay Pending");
  });
});

const quota = (hard: Record<string, string>, used: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'team', namespace: NS },
  spec: { hard, ...extra },
  status: { hard, used },
});

describe('quotaCheck', () => {
  const v1 = workload({ replicas: 2, container: { resources: { requests: { cpu: '500m' } } } });
  const v2 = workload({ replicas: 2, container: { image: 'ghcr.io/acme/api:1.5.0', resources: { requests: { cpu: '500m' } } } });

  it('the default strategy adds a pod before it removes one: 3 pods for a moment', () => {
    const [f] = quotaCheck(context([planned(v2, v1)], facts({ quotas: { [NS]: [quota({ pods: '2' }, { pods: '2' })] } }))).findings;
    expect(f).toMatchObject({
      category: 'quota-exceeded',
      hint: `Free or raise ResourceQuota team in namespace ${NS} (kubectl describe resourcequota -n ${NS}), or lower the pod template's requests so the new pods fit.`,
    });
    expect(f.message).toBe(
      'ResourceQuota team allows pods 2 and 2 is in use; the rollout needs 3 (the first new pod while 2 of the 2 old ones still run (maxSurge 1, maxUnavailable 0), each pod counting 1), so the API server will refuse pods: exceeded quota: team',
    );
  });

  it('fits when an old pod may go first, or with Recreate', () => {
    const unavailable = structuredClone(v2);
    unavailable.spec.strategy = { rollingUpdate: { maxUnavailable: 1 } };
    const recreate = structuredClone(v2);
    recreate.spec.strategy = { type: 'Recreate' };
    const q = { [NS]: [quota({ pods: '2' }, { pods: '2' })] };
    expect(quotaCheck(context([planned(unavailable, v1)], facts({ quotas: q }))).findings).toEqual([]);
    expect(quotaCheck(context([planned(recreate, v1)], facts({ quotas: q }))).findings).toEqual([]);
  });

  it('counts requests of the new template against what the old pods free (requests.cpu), and a new workload whole', () => {
    const bigger = workload({ replicas: 2, container: { resources: { requests: { cpu: '1' } } } });
    const q = { [NS]: [quota({ 'requests.cpu': '1500m' }, { 'requests.cpu': '1' })] };
    const [f] = quotaCheck(context([planned(bigger, v1)], facts({ quotas: q }))).findings;
    expect(f.message).toMatch(/allows requests\.cpu 1500m and 1 is in use; the rollout needs 2 .*each pod counting 1\)/);
    // The same change within a quota of 2: the end state fits exactly, the first step too.
    expect(
      quotaCheck(context([planned(bigger, v1)], facts({ quotas: { [NS]: [quota({ 'requests.cpu': '2' }, { 'requests.cpu': '1' })] } })))
        .findings,
    ).toEqual([]);
    const created = quotaCheck(
      context(
        [planned(workload({ name: 'new', replicas: 3, container: { resources: { requests: { cpu: '500m' } } } }))],
        facts({ quotas: q }),
      ),
    );
    expect(created.findings[0].message).toMatch(/the rollout needs 2500m \(3 new pod\(s\)/);
  });

  it('workloads of one deploy add up in a namespace', () => {
    const a = planned(workload({ name: 'a', replicas: 1 }));
    const b = planned(workload({ name: 'b', replicas: 1 }));
    const out = quotaCheck(context([a, b], facts({ quotas: { [NS]: [quota({ pods: '3' }, { pods: '2' })] } })));
    expect(out.findings.map((f) => f.workload)).toEqual([`Deployment/${NS}/b`]);
  });

  it('a quota with scopes is not evaluated, and unreadable quotas are a note', () => {
    const scoped = quota({ pods: '0' }, { pods: '0' }, { scopes: ['BestEffort'] });
    expect(quotaCheck(context([planned(v1)], facts({ quotas: { [NS]: [scoped] } })))).toEqual({
      findings: [],
      notes: [`ResourceQuota ${NS}/team has scopes: not evaluated for Deployment api`],
    });
    expect(quotaCheck(context([planned(v1)], facts({ quotas: {} }))).notes[0]).toMatch(
      /could not read the ResourceQuotas of namespace shop/,
    );
  });

  it('rolloutDemand: replicas only (same template) adds only the new pods', () => {
    const more = structuredClone(v1);
    more.spec.replicas = 4;
    expect(rolloutDemand(planned(more, v1))).toMatchObject({ peak: { added: 2, removed: 0 }, end: { added: 2, removed: 0 } });
  });
});
