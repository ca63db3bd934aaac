// Family 6: new pods the scheduler has not placed yet. While young they are at most a quiet, non-fatal
// scheduling-pending; nothing else (not unknown, not an unschedulable-* guess, never fatal).
import * as k from '../kube.mjs';
import { unschedulable } from '../patterns.mjs';
import { healthy, rollout, statefulRollout } from '../scenarios.mjs';

const QUEUE =
  'kubernetes/kubernetes pkg/scheduler (a pod waits in the scheduling queue with no PodScheduled condition until its first attempt; the API server creates it with status {phase: Pending, qosClass})';

function unplaced(t, c, make, tag, createdAgo, o = {}) {
  return make(tag, {
    node: null,
    phase: 'Pending',
    createdAgo,
    qosClass: o.qosClass,
    ...(o.conditions ? { conditions: o.conditions } : {}),
  });
}

export const PENDING_CASES = [
  {
    name: 'pending-no-condition-3s',
    family: 'pending',
    k8s: '1.32',
    provider: 'EKS',
    now: '2026-07-15T10:00:03Z',
    summary:
      'The new ReplicaSet created its pods 3 s ago; the scheduler has not looked at them yet (status is phase Pending and qosClass only).',
    sources: [QUEUE],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'shop',
        name: 'catalog',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/catalog:3.3.0',
        replicas: 2,
        newReady: 0,
        oldReplicas: 2,
        rolloutAgo: 4,
      });
      return [
        ...r.objects,
        k.node(t, c, 'ip-10-0-1-23.ec2.internal'),
        healthy(t, c, r.oldPod, 'o1', 'ip-10-0-1-23.ec2.internal', r.oldImage, { createdAgo: 9000 }),
        healthy(t, c, r.oldPod, 'o2', 'ip-10-0-1-23.ec2.internal', r.oldImage, { createdAgo: 9000 }),
        unplaced(t, c, r.newPod, 'a', 3),
        unplaced(t, c, r.newPod, 'b', 3),
      ];
    },
    expectNone: true,
    allow: [{ workload: 'Deployment/shop/catalog', category: 'scheduling-pending', fatal: false }],
  },
  {
    name: 'pending-no-condition-scheduler-busy',
    family: 'pending',
    k8s: '1.35',
    provider: 'GKE',
    now: '2026-10-01T00:00:40Z',
    summary: 'A burst of 400 Job pods fills the scheduling queue; this Deployment pod has waited 40 s without any scheduling attempt yet.',
    sources: [QUEUE],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'web',
        name: 'banner-svc',
        image: 'us-docker.pkg.dev/acme-prod-4711/web/banner-svc:1.1.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        rolloutAgo: 41,
      });
      return [
        ...r.objects,
        k.node(t, c, 'gke-prod-pool-1-9c2e4f1a-1xkq', { pool: 'pool-1' }),
        healthy(t, c, r.oldPod, 'o1', 'gke-prod-pool-1-9c2e4f1a-1xkq', r.oldImage, { createdAgo: 9000 }),
        unplaced(t, c, r.newPod, 'a', 40),
      ];
    },
    expect: [{ workload: 'Deployment/web/banner-svc', category: 'scheduling-pending', fatal: false }],
  },
  {
    name: 'pending-scheduling-gated',
    family: 'pending',
    k8s: '1.33',
    provider: 'kubeadm',
    now: '2026-06-11T11:11:00Z',
    summary:
      'The pod carries a scheduling gate that a quota controller (Kueue) removes when it admits the workload; PodScheduled False/SchedulingGated.',
    sources: [
      'kubernetes/kubernetes pkg/registry/core/pod/strategy.go@v1.37.2 (the API server sets PodScheduled False, reason SchedulingGated, "Scheduling is blocked due to non-empty scheduling gates" on a gated pod at creation)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'research',
        name: 'notebook-proxy',
        image: 'ghcr.io/acme/notebook-proxy:0.4.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 0,
      });
      const p = unplaced(t, c, r.newPod, 'a', 50, {
        conditions: [
          {
            lastProbeTime: null,
            lastTransitionTime: t.at(50),
            message: 'Scheduling is blocked due to non-empty scheduling gates',
            reason: 'SchedulingGated',
            status: 'False',
            type: 'PodScheduled',
          },
        ],
      });
      p.spec.schedulingGates = [{ name: 'kueue.x-k8s.io/admission' }];
      return [...r.objects, k.node(t, c, 'worker-01'), p];
    },
    expect: [{ workload: 'Deployment/research/notebook-proxy', category: 'scheduling-pending', fatal: false }],
  },
  {
    name: 'pending-ephemeral-volume-being-created',
    family: 'pending',
    k8s: '1.32',
    provider: 'AKS',
    now: '2026-07-30T08:00:20Z',
    summary:
      "The first scheduling attempt ran before the ephemeral volume controller created the pod's claim; this resolves itself within seconds.",
    sources: [
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/volumebinding/volume_binding.go@v1.37.2 ("waiting for ephemeral volume controller to create the persistentvolumeclaim %q")',
      'kubernetes/kubernetes pkg/scheduler/framework/preemption (", preemption: 0/%d nodes are available: %d Preemption is not helpful for scheduling.")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'etl',
        name: 'scratch-worker',
        image: 'acmeprod.azurecr.io/etl/scratch-worker:1.1.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        rolloutAgo: 21,
        containerOptions: { volumeMounts: [{ mountPath: '/scratch', name: 'scratch' }] },
        templateOptions: {
          volumes: [
            {
              ephemeral: {
                volumeClaimTemplate: {
                  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } }, storageClassName: 'managed-csi' },
                },
              },
              name: 'scratch',
            },
          ],
        },
      });
      const pName = r.newPod('a', {}).metadata.name;
      const [p, ev] = unschedulable(
        t,
        c,
        r.newPod,
        'a',
        `0/3 nodes are available: waiting for ephemeral volume controller to create the persistentvolumeclaim "${pName}-scratch". preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
        { createdAgo: 20, count: 1, lastAgo: 19 },
      );
      return [
        ...r.objects,
        ...['aks-nodepool1-12345678-vmss000000', 'aks-nodepool1-12345678-vmss000001', 'aks-nodepool1-12345678-vmss000002'].map((n) =>
          k.node(t, c, n),
        ),
        healthy(t, c, r.oldPod, 'o1', 'aks-nodepool1-12345678-vmss000001', r.oldImage, { createdAgo: 9000 }),
        p,
        ev,
      ];
    },
    expectNone: true,
    allow: [
      { workload: 'Deployment/etl/scratch-worker', category: 'scheduling-pending', fatal: false },
      { workload: 'Deployment/etl/scratch-worker', category: 'unschedulable-volume', fatal: false },
      { workload: 'Deployment/etl/scratch-worker', category: 'pvc-not-bound', fatal: false },
    ],
  },
  {
    name: 'pending-recreated-statefulset-pod',
    family: 'pending',
    k8s: '1.34',
    provider: 'EKS',
    now: '2026-09-19T19:19:08Z',
    summary:
      'kafka-1 was just recreated under the same name; the FailedScheduling events in the dump belong to the previous pod (another uid) from 20 minutes ago.',
    sources: [QUEUE, 'kubernetes/kubernetes pkg/scheduler/schedule_one.go (FailedScheduling "0/%d nodes are available: ...")'],
    build: (t, c) => {
      const s = statefulRollout(t, c, {
        ns: 'kafka',
        name: 'kafka',
        image: 'docker.io/apache/kafka:3.9.0',
        replicas: 3,
        ready: 2,
        container: 'kafka',
      });
      const ready = (i, n) =>
        s.pod(i, {
          node: n,
          createdAgo: 40000,
          conditions: k.podConditions(t, { scheduledAgo: 39999 }),
          containers: [k.running(t, c, 'kafka', s.image, { pod: `kafka-${i}`, startedAgo: 39990 })],
        });
      const fresh = s.pod(1, { node: null, phase: 'Pending', createdAgo: 7 });
      const previous = { ...fresh, metadata: { ...fresh.metadata, uid: k.uid('kafka-1-previous') } };
      return [
        ...s.objects,
        k.node(t, c, 'ip-10-0-1-23.ec2.internal'),
        k.node(t, c, 'ip-10-0-2-117.ec2.internal'),
        k.node(t, c, 'ip-10-0-3-54.ec2.internal'),
        ready(0, 'ip-10-0-1-23.ec2.internal'),
        fresh,
        ready(2, 'ip-10-0-3-54.ec2.internal'),
        k.schedulerEvent(
          t,
          previous,
          'Warning',
          'FailedScheduling',
          "0/3 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
          { firstAgo: 1500, lastAgo: 1200, count: 4 },
        ),
      ];
    },
    expectNone: true,
    allow: [{ workload: 'StatefulSet/kafka/kafka', category: 'scheduling-pending', fatal: false }],
  },
  {
    name: 'pending-first-attempt-in-flight',
    family: 'pending',
    k8s: '1.37',
    provider: 'AKS',
    runtime: 'containerd://2.0.0-1',
    now: '2027-03-03T03:03:25Z',
    summary:
      'A DaemonSet-less, single-replica rollout whose pod has been waiting 25 s; the scheduler is running a preemption cycle for a higher-priority pod first. No condition yet.',
    sources: [QUEUE],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'platform',
        name: 'audit-forwarder',
        image: 'acmeprod.azurecr.io/platform/audit-forwarder:2.0.3',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        rolloutAgo: 26,
      });
      return [
        ...r.objects,
        k.node(t, c, 'aks-system-12345678-vmss000000', { pool: 'system' }),
        healthy(t, c, r.oldPod, 'o1', 'aks-system-12345678-vmss000000', r.oldImage, { createdAgo: 40000 }),
        unplaced(t, c, r.newPod, 'a', 25, { qosClass: 'Guaranteed' }),
      ];
    },
    expect: [{ workload: 'Deployment/platform/audit-forwarder', category: 'scheduling-pending', fatal: false }],
  },
];
