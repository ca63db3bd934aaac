// Family 4: a node stopped reporting (Ready=Unknown, "Kubelet stopped posting node status."); after the unreachable
// taint's 300 s the taint manager deletes its pods, but with no kubelet to confirm, they stay Terminating for good. A
// StatefulSet cannot recreate the pod under the same name until it is gone: fatal. A Deployment's replacement runs
// elsewhere: reported, not fatal.
import * as k from '../kube.mjs';
import { healthy, rollout, statefulRollout } from '../scenarios.mjs';

const NODE_LIFECYCLE =
  'kubernetes/kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go@v1.37.2 (Ready Unknown, reason "NodeStatusUnknown", message "Kubelet stopped posting node status.")';
const MARK_NOT_READY =
  'kubernetes/kubernetes pkg/controller/util/node/controller_utils.go@v1.37.2 (MarkPodsNotReady: pod Ready=False and event NodeNotReady "Node is not ready"; RecordNodeStatusChange "Node %s status is now: %s")';
const TAINT_EVICTION =
  'kubernetes/kubernetes pkg/controller/tainteviction/taint_eviction.go@v1.37.2 (DisruptionTarget reason "DeletionByTaintManager", message "Taint manager: deleting due to NoExecute taint"; event TaintManagerEviction "Marking for deletion Pod %s")';

const UNKNOWN = (ago) => ({
  MemoryPressure: ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', ago],
  DiskPressure: ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', ago],
  PIDPressure: ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', ago],
  Ready: ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', ago],
});

const unreachableTaints = (t, ago) => [
  { effect: 'NoSchedule', key: 'node.kubernetes.io/unreachable', timeAdded: t.at(ago) },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', timeAdded: t.at(ago) },
];

/** A pod that was Running on the lost node: stale running status, Ready=False from the node controller, maybe deleted. */
function strandedPod(t, c, make, tag, node, image, o) {
  const created = o.createdAgo ?? 7200;
  const conds = k
    .podConditions(t, { scheduledAgo: created - 1 })
    .map((cond) => (cond.type === 'Ready' ? { ...cond, status: 'False', lastTransitionTime: t.at(o.lostAgo - 5) } : cond));
  if (o.deletedAgo !== undefined) {
    conds.unshift({
      lastProbeTime: null,
      lastTransitionTime: t.at(o.deletedAgo + 30),
      message: 'Taint manager: deleting due to NoExecute taint',
      reason: 'DeletionByTaintManager',
      status: 'True',
      type: 'DisruptionTarget',
    });
  }
  const p = make(tag, {
    node,
    createdAgo: created,
    conditions: conds,
    containers: [k.running(t, c, o.container ?? 'app', image, { pod: `${tag}/${node}`, startedAgo: created - 10 })],
    ...(o.deletedAgo !== undefined ? { deletionAgo: o.deletedAgo } : {}),
  });
  const events = [k.event(t, p, 'Warning', 'NodeNotReady', 'Node is not ready', { component: 'node-controller', lastAgo: o.lostAgo - 5 })];
  if (o.deletedAgo !== undefined) {
    events.push(
      k.event(t, p, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${p.metadata.namespace}/${p.metadata.name}`, {
        component: 'taint-eviction-controller',
        lastAgo: o.deletedAgo + 30,
      }),
    );
  }
  return [p, ...events];
}

function lostNode(t, c, name, lostAgo, o = {}) {
  const n = k.node(t, c, name, { ...o, conditions: UNKNOWN(lostAgo), taints: unreachableTaints(t, lostAgo - 5) });
  return [
    n,
    k.event(t, n, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, {
      kind: 'Node',
      component: 'node-controller',
      lastAgo: lostAgo - 5,
    }),
  ];
}

export const LOST_NODE_CASES = [
  {
    name: 'lost-node-statefulset-eks',
    family: 'lost-node',
    k8s: '1.31',
    provider: 'EKS',
    now: '2026-03-03T03:30:00Z',
    summary:
      'The instance behind ledger-1 died. Its pod was deleted 4 min ago (grace 30 s) and stays Terminating; the StatefulSet cannot recreate ledger-1 meanwhile.',
    sources: [NODE_LIFECYCLE, MARK_NOT_READY, TAINT_EVICTION],
    build: (t, c) => {
      const s = statefulRollout(t, c, {
        ns: 'payments',
        name: 'ledger',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/ledger:11.2.0',
        replicas: 3,
        ready: 2,
      });
      const lost = 'ip-10-0-2-117.ec2.internal';
      const ready = (i, n) =>
        s.pod(i, {
          node: n,
          createdAgo: 7200,
          conditions: k.podConditions(t, { scheduledAgo: 7199 }),
          containers: [k.running(t, c, 'app', s.image, { pod: `ledger-${i}`, startedAgo: 7190 })],
        });
      return [
        ...s.objects,
        k.node(t, c, 'ip-10-0-1-23.ec2.internal'),
        ...lostNode(t, c, lost, 560, { zone: 'us-east-1b' }),
        k.node(t, c, 'ip-10-0-3-54.ec2.internal', { zone: 'us-east-1c' }),
        ready(0, 'ip-10-0-1-23.ec2.internal'),
        ...strandedPod(t, c, (tag, f) => s.pod(1, f), '1', lost, s.image, { lostAgo: 560, deletedAgo: 240 }),
        ready(2, 'ip-10-0-3-54.ec2.internal'),
      ];
    },
    expect: [
      { workload: 'StatefulSet/payments/ledger', category: 'terminating-stuck', fatal: true, node: 'ip-10-0-2-117.ec2.internal' },
      { workload: 'StatefulSet/payments/ledger', category: 'node-not-ready', fatal: true, node: 'ip-10-0-2-117.ec2.internal' },
    ],
  },
  {
    name: 'lost-node-deployment-gke',
    family: 'lost-node',
    k8s: '1.33',
    provider: 'GKE',
    now: '2026-05-25T11:11:00Z',
    summary:
      "A spot VM vanished without a shutdown; the Deployment's replacement pod already runs elsewhere, the old one stays Terminating on the dead node. Reported, not fatal.",
    sources: [NODE_LIFECYCLE, MARK_NOT_READY, TAINT_EVICTION],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'web',
        name: 'storefront',
        image: 'us-docker.pkg.dev/acme-prod-4711/web/storefront:8.5.0',
        replicas: 3,
        newReady: 3,
        newReplicas: 3,
      });
      const lost = 'gke-prod-spot-pool-5e0f7a21-vq4z';
      return [
        ...r.objects,
        k.node(t, c, 'gke-prod-spot-pool-5e0f7a21-b7mc', { pool: 'spot-pool', spot: true }),
        ...lostNode(t, c, lost, 700, { pool: 'spot-pool', spot: true }),
        healthy(t, c, r.newPod, 'a', 'gke-prod-spot-pool-5e0f7a21-b7mc', r.image, { createdAgo: 3000 }),
        healthy(t, c, r.newPod, 'b', 'gke-prod-spot-pool-5e0f7a21-b7mc', r.image, { createdAgo: 3000 }),
        healthy(t, c, r.newPod, 'd', 'gke-prod-spot-pool-5e0f7a21-b7mc', r.image, { createdAgo: 370 }),
        ...strandedPod(t, c, r.newPod, 'c', lost, r.image, { lostAgo: 700, deletedAgo: 380, createdAgo: 3000 }),
      ];
    },
    expect: [
      { workload: 'Deployment/web/storefront', category: 'terminating-stuck', fatal: false, node: 'gke-prod-spot-pool-5e0f7a21-vq4z' },
      { workload: 'Deployment/web/storefront', category: 'node-not-ready', fatal: false, node: 'gke-prod-spot-pool-5e0f7a21-vq4z' },
    ],
  },
  {
    name: 'lost-node-statefulset-aks',
    family: 'lost-node',
    k8s: '1.30',
    provider: 'AKS',
    now: '2026-02-26T20:00:00Z',
    format: 'per-kind',
    summary: 'A VMSS instance was deallocated under a StatefulSet replica; its pod has been Terminating for 15 min.',
    sources: [NODE_LIFECYCLE, MARK_NOT_READY, TAINT_EVICTION],
    build: (t, c) => {
      const s = statefulRollout(t, c, {
        ns: 'messaging',
        name: 'rabbitmq',
        image: 'docker.io/library/rabbitmq:3.13.7-management',
        replicas: 3,
        ready: 2,
        container: 'rabbitmq',
      });
      const lost = 'aks-nodepool1-12345678-vmss000000';
      const ready = (i, n) =>
        s.pod(i, {
          node: n,
          createdAgo: 90000,
          conditions: k.podConditions(t, { scheduledAgo: 89999 }),
          containers: [k.running(t, c, 'rabbitmq', s.image, { pod: `rmq-${i}`, startedAgo: 89990 })],
        });
      return [
        ...s.objects,
        ...lostNode(t, c, lost, 1260),
        k.node(t, c, 'aks-nodepool1-12345678-vmss000001'),
        k.node(t, c, 'aks-nodepool1-12345678-vmss000002'),
        ...strandedPod(t, c, (tag, f) => s.pod(0, f), '0', lost, s.image, {
          lostAgo: 1260,
          deletedAgo: 930,
          createdAgo: 90000,
          container: 'rabbitmq',
        }),
        ready(1, 'aks-nodepool1-12345678-vmss000001'),
        ready(2, 'aks-nodepool1-12345678-vmss000002'),
      ];
    },
    expect: [
      { workload: 'StatefulSet/messaging/rabbitmq', category: 'terminating-stuck', fatal: true, node: 'aks-nodepool1-12345678-vmss000000' },
      { workload: 'StatefulSet/messaging/rabbitmq', category: 'node-not-ready', fatal: true, node: 'aks-nodepool1-12345678-vmss000000' },
    ],
  },
  {
    name: 'lost-node-just-now',
    family: 'lost-node',
    k8s: '1.36',
    provider: 'kubeadm',
    now: '2026-11-20T06:00:00Z',
    summary:
      'Transient: the node stopped reporting 45 s ago; nothing is deleted yet (the unreachable toleration is 300 s) and it may come back. Reported, not fatal.',
    sources: [NODE_LIFECYCLE, MARK_NOT_READY],
    build: (t, c) => {
      const r = rollout(t, c, { ns: 'default', name: 'api-gateway', image: 'ghcr.io/acme/api-gateway:4.4.4', replicas: 2, newReady: 1 });
      return [
        ...r.objects,
        k.node(t, c, 'worker-01'),
        ...lostNode(t, c, 'worker-02', 45),
        healthy(t, c, r.newPod, 'a', 'worker-01', r.image),
        ...strandedPod(t, c, r.newPod, 'b', 'worker-02', r.image, { lostAgo: 45, createdAgo: 280 }),
      ];
    },
    expect: [{ workload: 'Deployment/default/api-gateway', category: 'node-not-ready', fatal: false, node: 'worker-02' }],
  },
  {
    name: 'lost-node-statefulset-gke-137',
    family: 'lost-node',
    k8s: '1.37',
    provider: 'GKE',
    runtime: 'containerd://2.0.4',
    now: '2027-02-14T14:14:00Z',
    summary: 'Same situation on 1.37 (pods carry observedGeneration): zookeeper-2 stuck Terminating on a node gone for 20 min.',
    sources: [NODE_LIFECYCLE, MARK_NOT_READY, TAINT_EVICTION],
    build: (t, c) => {
      const s = statefulRollout(t, c, {
        ns: 'kafka',
        name: 'zookeeper',
        image: 'docker.io/library/zookeeper:3.9.3',
        replicas: 3,
        ready: 2,
        container: 'zookeeper',
      });
      const lost = 'gke-prod-pool-1-9c2e4f1a-7vzd';
      const ready = (i, n) =>
        s.pod(i, {
          node: n,
          createdAgo: 50000,
          conditions: k.podConditions(t, { scheduledAgo: 49999 }),
          containers: [k.running(t, c, 'zookeeper', s.image, { pod: `zk-${i}`, startedAgo: 49990 })],
        });
      return [
        ...s.objects,
        k.node(t, c, 'gke-prod-pool-1-9c2e4f1a-1xkq', { pool: 'pool-1' }),
        ...lostNode(t, c, lost, 1200, { pool: 'pool-1' }),
        k.node(t, c, 'gke-prod-pool-1-9c2e4f1a-qm3n', { pool: 'pool-1' }),
        ready(0, 'gke-prod-pool-1-9c2e4f1a-1xkq'),
        ready(1, 'gke-prod-pool-1-9c2e4f1a-qm3n'),
        ...strandedPod(t, c, (tag, f) => s.pod(2, f), '2', lost, s.image, {
          lostAgo: 1200,
          deletedAgo: 880,
          createdAgo: 50000,
          container: 'zookeeper',
        }),
      ];
    },
    expect: [
      { workload: 'StatefulSet/kafka/zookeeper', category: 'terminating-stuck', fatal: true, node: 'gke-prod-pool-1-9c2e4f1a-7vzd' },
      { workload: 'StatefulSet/kafka/zookeeper', category: 'node-not-ready', fatal: true, node: 'gke-prod-pool-1-9c2e4f1a-7vzd' },
    ],
  },
];
