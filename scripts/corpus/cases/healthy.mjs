// Rollouts that are fine, finished or converging: the diagnosis must stay quiet (or say only something non-fatal).
import * as k from '../kube.mjs';
import { failedPod } from '../patterns.mjs';
import { batchJob, daemonRollout, healthy, rollout } from '../scenarios.mjs';

export const HEALTHY_CASES = [
  {
    name: 'healthy-rollout-complete',
    family: 'healthy',
    k8s: '1.34',
    provider: 'EKS',
    now: '2026-09-10T10:00:00Z',
    summary: 'A finished rollout: three new Ready replicas, the old ReplicaSet scaled to zero.',
    sources: [
      'kubernetes/kubernetes pkg/controller/deployment (Progressing True NewReplicaSetAvailable "ReplicaSet %q has successfully progressed.")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'shop',
        name: 'checkout-api',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout-api:2.16.0',
        replicas: 3,
        newReady: 3,
        conditions: [
          {
            lastTransitionTime: t.at(30 * 86400),
            lastUpdateTime: t.at(30 * 86400),
            message: 'Deployment has minimum availability.',
            reason: 'MinimumReplicasAvailable',
            status: 'True',
            type: 'Available',
          },
          {
            lastTransitionTime: t.at(600),
            lastUpdateTime: t.at(400),
            message: `ReplicaSet "checkout-api-${k.suffix('shop/checkout-api/new', 10)}" has successfully progressed.`,
            reason: 'NewReplicaSetAvailable',
            status: 'True',
            type: 'Progressing',
          },
        ],
      });
      const nodes = ['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-117.ec2.internal', 'ip-10-0-3-54.ec2.internal'];
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n)),
        ...nodes.map((n, i) => healthy(t, c, r.newPod, `r${i}`, n, r.image, { createdAgo: 500 - i * 30 })),
      ];
    },
    expectNone: true,
  },
  {
    name: 'healthy-rollout-midway',
    family: 'healthy',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-03-01T12:00:12Z',
    format: 'per-kind',
    summary:
      'Mid-rollout: one new replica Ready, a second one started 8 s ago and is inside its readiness allowance, old replicas still serving.',
    sources: ['kubernetes/kubernetes pkg/kubelet/prober (a readiness probe starts failing-by-default until its first success)'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'web',
        name: 'storefront',
        image: 'us-docker.pkg.dev/acme-prod-4711/web/storefront:8.6.0',
        replicas: 3,
        newReplicas: 2,
        newReady: 1,
        oldReplicas: 2,
        containerOptions: { readinessProbe: k.httpProbe('/ready', 8080, { initialDelaySeconds: 5 }) },
      });
      const nodes = ['gke-prod-pool-1-9c2e4f1a-1xkq', 'gke-prod-pool-1-9c2e4f1a-7vzd'];
      const starting = r.newPod('b', {
        node: nodes[1],
        createdAgo: 11,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 10, readyAgo: 9 }),
        containers: [k.running(t, c, 'app', r.image, { ready: false, startedAgo: 8, pod: 'sf-b' })],
      });
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n, { pool: 'pool-1' })),
        healthy(t, c, r.newPod, 'a', nodes[0], r.image, { createdAgo: 60 }),
        starting,
        healthy(t, c, r.oldPod, 'o1', nodes[0], r.oldImage, { createdAgo: 86400 }),
        healthy(t, c, r.oldPod, 'o2', nodes[1], r.oldImage, { createdAgo: 86400 }),
        k.scheduled(t, starting, nodes[1], { ago: 10 }),
        k.event(t, starting, 'Normal', 'Pulling', `Pulling image "${r.image}"`, { container: 'app', lastAgo: 10 }),
        k.event(
          t,
          starting,
          'Normal',
          'Pulled',
          `Successfully pulled image "${r.image}" in 1.112s (1.112s including waiting). Image size: 48211923 bytes.`,
          { container: 'app', lastAgo: 9 },
        ),
        k.event(t, starting, 'Normal', 'Created', 'Created container: app', { container: 'app', lastAgo: 9 }),
        k.event(t, starting, 'Normal', 'Started', 'Started container app', { container: 'app', lastAgo: 8 }),
      ];
    },
    expectNone: true,
  },
  {
    name: 'healthy-job-complete',
    family: 'healthy',
    k8s: '1.36',
    provider: 'AKS',
    now: '2026-11-05T05:30:00Z',
    summary: 'A Job that succeeded on its second attempt (the first pod failed): Complete, nothing to report.',
    sources: [
      'kubernetes/kubernetes pkg/controller/job (conditions SuccessCriteriaMet and Complete, "Reached expected number of succeeded pods")',
    ],
    build: (t, c) => {
      const j = batchJob(t, c, {
        ns: 'billing',
        name: 'invoice-run-2026-11',
        image: 'acmeprod.azurecr.io/billing/invoice-run:11.0.0',
        createdAgo: 900,
        status: {
          completionTime: t.at(120),
          conditions: [
            {
              lastProbeTime: t.at(121),
              lastTransitionTime: t.at(121),
              message: 'Reached expected number of succeeded pods',
              reason: 'CompletionsReached',
              status: 'True',
              type: 'SuccessCriteriaMet',
            },
            {
              lastProbeTime: t.at(120),
              lastTransitionTime: t.at(120),
              message: 'Reached expected number of succeeded pods',
              reason: 'CompletionsReached',
              status: 'True',
              type: 'Complete',
            },
          ],
          failed: 1,
          ready: 0,
          succeeded: 1,
          terminating: 0,
          uncountedTerminatedPods: {},
        },
      });
      const n = 'aks-nodepool1-12345678-vmss000001';
      const done = j.pod('b', {
        node: n,
        phase: 'Succeeded',
        createdAgo: 600,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 599, readyAgo: 121 }),
      });
      done.status.containerStatuses = [
        k.terminatedStatus(t, c, 'invoice-run-2026-11', j.image, 0, 'Completed', { pod: 'done', finishedAgo: 122, ranSeconds: 470 }),
      ];
      return [
        ...j.objects,
        k.node(t, c, n),
        ...failedPod(t, c, j.pod, 'a', n, j.image, {
          ran: true,
          exitCode: 1,
          container: 'invoice-run-2026-11',
          createdAgo: 890,
          failedAgo: 610,
        }),
        done,
      ];
    },
    expectNone: true,
  },
  {
    name: 'healthy-daemonset-updated',
    family: 'healthy',
    k8s: '1.30',
    provider: 'EKS',
    now: '2026-01-31T23:59:00Z',
    summary: 'A DaemonSet rolled to a new generation on all three nodes.',
    sources: ['kubernetes/kubernetes pkg/controller/daemon (pod-template-generation label, updatedNumberScheduled)'],
    build: (t, c) => {
      const nodes = ['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-117.ec2.internal', 'ip-10-0-3-54.ec2.internal'];
      const d = daemonRollout(t, c, {
        ns: 'logging',
        name: 'fluent-bit',
        image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.4',
        desired: 3,
        ready: 3,
      });
      return [
        ...d.objects,
        ...nodes.map((n) => k.node(t, c, n)),
        ...nodes.map((n) => healthy(t, c, d.pod, n, n, d.image, { container: 'fluent-bit' })),
      ];
    },
    expectNone: true,
  },
  {
    name: 'healthy-first-crash-provisional',
    family: 'healthy',
    k8s: '1.35',
    provider: 'kubeadm',
    now: '2026-10-25T10:00:00Z',
    summary:
      'Transient: the new container crashed once at start (a dependency was still restarting) and has been running again for 20 s. Reported, not fatal.',
    sources: ['kubernetes/kubernetes pkg/kubelet (restartCount 1, lastState.terminated, state.running)'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'default',
        name: 'notifications',
        image: 'ghcr.io/acme/notifications:6.0.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
      });
      const p = r.newPod('a', {
        node: 'worker-01',
        createdAgo: 60,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 59, readyAgo: 21 }),
        containers: [
          k.running(t, c, 'app', r.image, {
            ready: false,
            restartCount: 1,
            startedAgo: 20,
            pod: 'notif',
            lastState: k.ended(t, c, 1, 'Error', { finishedAgo: 21, ranSeconds: 15 }),
          }),
        ],
      });
      return [...r.objects, k.node(t, c, 'worker-01'), healthy(t, c, r.oldPod, 'o1', 'worker-01', r.oldImage, { createdAgo: 86400 }), p];
    },
    expect: [{ workload: 'Deployment/default/notifications', category: 'crash-loop', fatal: false }],
  },
  {
    name: 'healthy-old-revision-evicted',
    family: 'healthy',
    k8s: '1.37',
    provider: 'GKE',
    now: '2027-01-12T12:00:00Z',
    summary:
      'An Evicted pod of the previous revision lingers from an old disk-pressure episode; the new revision is fully Ready and the node recovered.',
    sources: ['kubernetes/kubernetes pkg/kubelet/eviction/helpers.go@v1.37.2'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'web',
        name: 'blog',
        image: 'us-docker.pkg.dev/acme-prod-4711/web/blog:2.0.0',
        replicas: 2,
        newReady: 2,
      });
      const nodes = ['gke-prod-pool-1-9c2e4f1a-1xkq', 'gke-prod-pool-1-9c2e4f1a-7vzd'];
      const message =
        'The node was low on resource: ephemeral-storage. Threshold quantity: 10120387584, available: 8871220Ki. Container app was using 8822896Ki, request is 0, has larger consumption of ephemeral-storage. ';
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n, { pool: 'pool-1' })),
        healthy(t, c, r.newPod, 'a', nodes[0], r.image),
        healthy(t, c, r.newPod, 'b', nodes[1], r.image),
        ...failedPod(t, c, r.oldPod, 'old', nodes[1], r.oldImage, {
          reason: 'Evicted',
          statusMessage: message,
          ran: true,
          createdAgo: 5 * 86400,
          failedAgo: 3 * 86400,
          disruption: ['TerminationByKubelet', message],
        }),
      ];
    },
    expectNone: true,
  },
];
