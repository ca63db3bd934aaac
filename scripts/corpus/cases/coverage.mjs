// One real-shaped case (or more) for every existing category, so a rule change for the new families is also scored
// against what already worked.
import * as k from '../kube.mjs';
import { crashLooping, failedPod, podRef, unschedulable } from '../patterns.mjs';
import { batchJob, healthy, rollout } from '../scenarios.mjs';

const KUBELET_PODS =
  'kubernetes/kubernetes pkg/kubelet/kubelet_pods.go@v1.37.2 (CreateContainerConfigError texts: "couldn\'t find key %v in Secret %v/%v", secret/configmap NotFound "secret %q not found")';
const IMAGES =
  'kubernetes/kubernetes pkg/kubelet/images/image_manager.go@v1.37.2 ("Failed to pull image %q: %v", "Back-off pulling image %q: <ErrImagePull: cause>", "Container image %q is not present with pull policy of Never", "Failed to apply default image tag %q: %v")';
const SCHED =
  'kubernetes/kubernetes pkg/scheduler/framework/types.go@v1.37.2 ("0/%v nodes are available"), plugin ErrReason texts, and pkg/scheduler/framework/plugins/defaultpreemption ("preemption: ...")';
const BACKOFF =
  'kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go@v1.37.2 (CrashLoopBackOff "back-off %s restarting failed container=%s pod=%s")';

/** A one-pod (or few-pod) rollout whose new pods all wait with the same container state. */
function waitingCase(o) {
  return {
    family: 'coverage',
    ...o,
    build: (t, c) => {
      const r = rollout(t, c, { replicas: 1, newReady: 0, oldReplicas: 1, ...o.rollout });
      const node = o.node;
      const pods = [];
      for (const tag of o.tags ?? ['a']) {
        const created = o.createdAgo ?? 300;
        const p = r.newPod(tag, {
          node,
          phase: 'Pending',
          createdAgo: created,
          conditions: k.podConditions(t, { ready: false, scheduledAgo: created - 1, readyAgo: created - 2 }),
        });
        p.status.containerStatuses = [o.status(t, c, r, p)];
        pods.push(p, k.scheduled(t, p, node, { ago: created - 1 }), ...(o.events ? o.events(t, c, r, p) : []));
      }
      return [
        ...r.objects,
        k.node(t, c, node, o.nodeOptions ?? {}),
        healthy(t, c, r.oldPod, 'o1', node, r.oldImage, { createdAgo: 86400 }),
        ...pods,
      ];
    },
  };
}

const pullEvents =
  (image, cause, n = 3) =>
  (t, c, r, p) => [
    k.event(t, p, 'Normal', 'Pulling', `Pulling image "${image}"`, { container: 'app', firstAgo: 290, lastAgo: 95, count: n }),
    k.event(t, p, 'Warning', 'Failed', `Failed to pull image "${image}": ${cause}`, {
      container: 'app',
      firstAgo: 289,
      lastAgo: 94,
      count: n,
    }),
    k.event(t, p, 'Warning', 'Failed', 'Error: ErrImagePull', { container: 'app', firstAgo: 289, lastAgo: 94, count: n }),
    k.event(t, p, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, { container: 'app', firstAgo: 288, lastAgo: 10, count: n * 3 }),
    k.event(t, p, 'Warning', 'Failed', 'Error: ImagePullBackOff', { container: 'app', firstAgo: 288, lastAgo: 10, count: n * 3 }),
  ];

const configEvents =
  (message, n = 12) =>
  (t, c, r, p) => [
    k.event(t, p, 'Normal', 'Pulled', `Container image "${r.image}" already present on machine`, {
      container: 'app',
      firstAgo: 295,
      lastAgo: 12,
      count: n,
    }),
    k.event(t, p, 'Warning', 'Failed', `Error: ${message}`, { container: 'app', firstAgo: 295, lastAgo: 12, count: n }),
  ];

export const COVERAGE_CASES = [
  {
    name: 'coverage-quota-exceeded',
    family: 'coverage',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-02-05T10:10:00Z',
    summary: 'The new pods ask for more memory than the namespace quota has left; the ReplicaSet cannot create them.',
    sources: [
      'kubernetes/kubernetes plugin/pkg/admission/resourcequota (apiserver quota evaluator: "exceeded quota: %s, requested: %s, used: %s, limited: %s")',
      'pkg/controller/replicaset (FailedCreate "Error creating: %v")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'team-a',
        name: 'report-api',
        image: 'us-docker.pkg.dev/acme-prod-4711/team-a/report-api:2.0.0',
        replicas: 3,
        newReplicas: 1,
        newReady: 0,
        oldReplicas: 3,
        containerOptions: { resources: { limits: { memory: '2Gi' }, requests: { cpu: '500m', memory: '2Gi' } } },
      });
      const msg = `pods "${r.newRS.metadata.name}-${k.suffix('quota', 5)}" is forbidden: exceeded quota: team-a-compute, requested: limits.memory=2Gi, used: limits.memory=7Gi, limited: limits.memory=8Gi`;
      r.newRS.status.conditions = [
        { lastTransitionTime: t.at(280), message: msg, reason: 'FailedCreate', status: 'True', type: 'ReplicaFailure' },
      ];
      const n = 'gke-prod-pool-1-9c2e4f1a-1xkq';
      return [
        ...r.objects,
        k.node(t, c, n, { pool: 'pool-1' }),
        ...['o1', 'o2', 'o3'].map((tag) => healthy(t, c, r.oldPod, tag, n, r.oldImage, { createdAgo: 86400 })),
        k.event(t, r.newRS, 'Warning', 'FailedCreate', `Error creating: ${msg}`, {
          component: 'replicaset-controller',
          firstAgo: 280,
          lastAgo: 20,
          count: 9,
        }),
      ];
    },
    expect: [{ workload: 'Deployment/team-a/report-api', category: 'quota-exceeded', fatal: true }],
  },
  {
    name: 'coverage-admission-podsecurity',
    family: 'coverage',
    k8s: '1.34',
    provider: 'AKS',
    now: '2026-08-19T14:00:00Z',
    summary: 'The namespace enforces the restricted Pod Security Standard; the new template drops its securityContext.',
    sources: [
      'kubernetes/pod-security-admission policy checks ("violates PodSecurity %q: %s", e.g. allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false))',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'secure',
        name: 'token-service',
        image: 'acmeprod.azurecr.io/secure/token-service:5.0.0',
        replicas: 2,
        newReplicas: 1,
        newReady: 0,
        oldReplicas: 2,
      });
      const msg = `pods "${r.newRS.metadata.name}-${k.suffix('psa', 5)}" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`;
      r.newRS.status.conditions = [
        { lastTransitionTime: t.at(200), message: msg, reason: 'FailedCreate', status: 'True', type: 'ReplicaFailure' },
      ];
      const n = 'aks-nodepool1-12345678-vmss000000';
      return [
        ...r.objects,
        k.node(t, c, n),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 86400 }),
        healthy(t, c, r.oldPod, 'o2', n, r.oldImage, { createdAgo: 86400 }),
        k.event(t, r.newRS, 'Warning', 'FailedCreate', `Error creating: ${msg}`, {
          component: 'replicaset-controller',
          firstAgo: 200,
          lastAgo: 30,
          count: 7,
        }),
      ];
    },
    expect: [{ workload: 'Deployment/secure/token-service', category: 'admission-denied', fatal: true }],
  },
  {
    name: 'coverage-admission-webhook-unavailable',
    family: 'coverage',
    k8s: '1.33',
    provider: 'EKS',
    now: '2026-05-11T09:30:00Z',
    summary: "A policy engine's webhook backend is down (failurePolicy Fail): every pod creation is refused for minutes.",
    sources: [
      'kubernetes/apiserver pkg/admission/plugin/webhook/errors and validating/dispatcher.go ("failed calling webhook %q: %w", "failed to call webhook: %w")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'payments',
        name: 'ledger',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/ledger:4.2.0',
        replicas: 2,
        newReplicas: 1,
        newReady: 0,
        oldReplicas: 2,
      });
      const msg = `Internal error occurred: failed calling webhook "validate.kyverno.svc-fail": failed to call webhook: Post "https://kyverno-svc.kyverno.svc:443/validate/fail?timeout=10s": dial tcp 172.20.118.9:443: connect: connection refused`;
      r.newRS.status.conditions = [
        { lastTransitionTime: t.at(240), message: msg, reason: 'FailedCreate', status: 'True', type: 'ReplicaFailure' },
      ];
      const n = 'ip-10-0-3-41.eu-west-1.compute.internal';
      return [
        ...r.objects,
        k.node(t, c, n),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 86400 }),
        healthy(t, c, r.oldPod, 'o2', n, r.oldImage, { createdAgo: 86400 }),
        k.event(t, r.newRS, 'Warning', 'FailedCreate', `Error creating: ${msg}`, {
          component: 'replicaset-controller',
          firstAgo: 240,
          lastAgo: 15,
          count: 11,
        }),
      ];
    },
    expect: [{ workload: 'Deployment/payments/ledger', category: 'admission-webhook-unavailable', fatal: true }],
  },
  {
    name: 'coverage-job-backoff-limit',
    family: 'coverage',
    k8s: '1.32',
    provider: 'EKS',
    now: '2026-07-02T02:02:00Z',
    summary: 'A migration Job failed three times and reached backoffLimit 2.',
    sources: [
      'kubernetes/kubernetes pkg/controller/job/job_controller.go (condition Failed reason BackoffLimitExceeded "Job has reached the specified backoff limit"; FailureTarget since 1.31)',
    ],
    build: (t, c) => {
      const j = batchJob(t, c, {
        ns: 'shop',
        name: 'db-migrate-218',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-migrations:218',
        backoffLimit: 2,
        createdAgo: 400,
        containerOptions: { terminationMessagePolicy: 'FallbackToLogsOnError' },
        status: {
          conditions: [
            {
              lastProbeTime: t.at(60),
              lastTransitionTime: t.at(60),
              message: 'Job has reached the specified backoff limit',
              reason: 'BackoffLimitExceeded',
              status: 'True',
              type: 'FailureTarget',
            },
            {
              lastProbeTime: t.at(59),
              lastTransitionTime: t.at(59),
              message: 'Job has reached the specified backoff limit',
              reason: 'BackoffLimitExceeded',
              status: 'True',
              type: 'Failed',
            },
          ],
          failed: 3,
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
        },
      });
      const n = 'ip-10-0-1-23.ec2.internal';
      const failures = ['a', 'b', 'c'].flatMap((tag, i) =>
        failedPod(t, c, j.pod, tag, n, j.image, {
          ran: true,
          exitCode: 1,
          container: 'db-migrate-218',
          createdAgo: 390 - i * 110,
          failedAgo: 300 - i * 110,
        }),
      );
      for (const p of failures.filter((o) => o.kind === 'Pod')) {
        p.status.containerStatuses[0].state.terminated.message = 'ERROR: relation "orders_v2" already exists\nmigration 218 failed\n';
      }
      return [
        ...j.objects,
        k.node(t, c, n),
        ...failures,
        k.event(t, j.job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', {
          component: 'job-controller',
          lastAgo: 59,
        }),
      ];
    },
    expect: [
      { workload: 'Job/shop/db-migrate-218', category: 'job-failed', fatal: true },
      { workload: 'Job/shop/db-migrate-218', category: 'exited-nonzero', fatal: true },
    ],
  },
  {
    name: 'coverage-progress-deadline',
    family: 'coverage',
    k8s: '1.30',
    provider: 'GKE',
    now: '2026-01-30T13:00:00Z',
    summary: 'The rollout has not progressed for progressDeadlineSeconds (600): its new pod cannot be scheduled for lack of CPU.',
    sources: [
      'kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go (Progressing False ProgressDeadlineExceeded "ReplicaSet %q has timed out progressing.")',
      SCHED,
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'web',
        name: 'search-ui',
        image: 'us-docker.pkg.dev/acme-prod-4711/web/search-ui:9.0.0',
        replicas: 2,
        newReplicas: 1,
        newReady: 0,
        oldReplicas: 2,
        rolloutAgo: 900,
        progressDeadline: 290,
        containerOptions: { resources: { limits: { memory: '1Gi' }, requests: { cpu: '3', memory: '1Gi' } } },
      });
      const n = 'gke-prod-pool-1-9c2e4f1a-1xkq';
      return [
        ...r.objects,
        k.node(t, c, n, { pool: 'pool-1' }),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 86400 }),
        healthy(t, c, r.oldPod, 'o2', n, r.oldImage, { createdAgo: 86400 }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
          { createdAgo: 890 },
        ),
      ];
    },
    expect: [
      { workload: 'Deployment/web/search-ui', category: 'progress-deadline-exceeded', fatal: true },
      { workload: 'Deployment/web/search-ui', category: 'unschedulable-resources', fatal: true },
    ],
  },
  {
    name: 'coverage-node-runtime-down',
    family: 'coverage',
    k8s: '1.35',
    provider: 'kubeadm',
    now: '2026-10-10T10:10:00Z',
    summary:
      'The CNI on the node was removed by an upgrade gone wrong; the kubelet reports the runtime network not ready and nothing starts there.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/kubelet.go (Ready False KubeletNotReady "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'default',
        name: 'echo',
        image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
        replicas: 1,
        newReady: 0,
        oldReplicas: 0,
      });
      const n = 'worker-05';
      const node = k.node(t, c, n, {
        conditions: {
          Ready: [
            'False',
            'KubeletNotReady',
            'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
            300,
          ],
        },
        taints: [{ effect: 'NoSchedule', key: 'node.kubernetes.io/not-ready', timeAdded: t.at(300) }],
      });
      const p = r.newPod('a', {
        node: n,
        phase: 'Pending',
        createdAgo: 200,
        podIP: null,
        conditions: k.podConditions(t, { ready: false, sandbox: false, scheduledAgo: 199, readyAgo: 199 }),
        containers: [k.waiting(t, c, 'app', r.image, 'ContainerCreating', undefined)],
      });
      return [...r.objects, node, p, k.scheduled(t, p, n, { ago: 199 })];
    },
    expect: [{ workload: 'Deployment/default/echo', category: 'node-runtime-down', fatal: true, node: 'worker-05' }],
  },
  {
    name: 'coverage-node-not-ready-stale-pod',
    family: 'coverage',
    k8s: '1.34',
    provider: 'AKS',
    now: '2026-09-01T01:00:00Z',
    summary: 'The node stopped reporting 3 minutes ago; its new pod shows a stale Running status (not deleted yet).',
    sources: [
      'kubernetes/kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go@v1.37.2 ("Kubelet stopped posting node status.")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'claims',
        name: 'notifier',
        image: 'acmeprod.azurecr.io/claims/notifier:3.0.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 0,
      });
      const n = 'aks-nodepool1-12345678-vmss000007';
      const unknown = ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 180];
      const p = r.newPod('a', {
        node: n,
        createdAgo: 1200,
        conditions: k
          .podConditions(t, { scheduledAgo: 1199 })
          .map((cond) => (cond.type === 'Ready' ? { ...cond, status: 'False', lastTransitionTime: t.at(175) } : cond)),
        containers: [k.running(t, c, 'app', r.image, { pod: 'notifier', startedAgo: 1190 })],
      });
      return [
        ...r.objects,
        k.node(t, c, n, {
          conditions: { MemoryPressure: unknown, DiskPressure: unknown, PIDPressure: unknown, Ready: unknown },
          taints: [
            { effect: 'NoSchedule', key: 'node.kubernetes.io/unreachable', timeAdded: t.at(175) },
            { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', timeAdded: t.at(175) },
          ],
        }),
        p,
        k.event(t, p, 'Warning', 'NodeNotReady', 'Node is not ready', { component: 'node-controller', lastAgo: 175 }),
      ];
    },
    expect: [
      { workload: 'Deployment/claims/notifier', category: 'node-not-ready', fatal: true, node: 'aks-nodepool1-12345678-vmss000007' },
    ],
  },
  {
    name: 'coverage-oom-killed',
    family: 'coverage',
    k8s: '1.33',
    provider: 'EKS',
    now: '2026-06-03T09:00:00Z',
    summary: 'The new version needs more heap than its 512Mi limit; the kernel OOM-kills it at the limit each time.',
    sources: [BACKOFF, 'kubernetes/kubernetes pkg/kubelet/kuberuntime/helpers.go (terminated reason "OOMKilled", exit code 137)'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'shop',
        name: 'pricing',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/pricing:12.0.0',
        replicas: 2,
        newReady: 0,
        oldReplicas: 2,
      });
      const nodes = ['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-117.ec2.internal'];
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n)),
        healthy(t, c, r.oldPod, 'o1', nodes[0], r.oldImage, { createdAgo: 86400 }),
        healthy(t, c, r.oldPod, 'o2', nodes[1], r.oldImage, { createdAgo: 86400 }),
        ...crashLooping(t, c, r.newPod, 'a', nodes[0], r.image, { exitCode: 137, reason: 'OOMKilled', restarts: 4, ranSeconds: 40 }),
        ...crashLooping(t, c, r.newPod, 'b', nodes[1], r.image, { exitCode: 137, reason: 'OOMKilled', restarts: 3, ranSeconds: 38 }),
      ];
    },
    expect: [{ workload: 'Deployment/shop/pricing', category: 'oom-killed', fatal: true }],
  },
  {
    name: 'coverage-crash-loop-python',
    family: 'coverage',
    k8s: '1.36',
    provider: 'GKE',
    now: '2026-11-11T11:11:00Z',
    summary: 'The new image lacks a Python dependency; every replica on every node exits 1 at import.',
    sources: [BACKOFF, 'terminationMessagePolicy FallbackToLogsOnError: the traceback tail is the termination message'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'ml',
        name: 'ranker',
        image: 'us-docker.pkg.dev/acme-prod-4711/ml/ranker:2026.11.1',
        replicas: 2,
        newReady: 0,
        oldReplicas: 2,
        containerOptions: { terminationMessagePolicy: 'FallbackToLogsOnError' },
      });
      const nodes = ['gke-prod-pool-2-41d0e7aa-2bxw', 'gke-prod-pool-2-41d0e7aa-9fhn'];
      const tb =
        'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\n    import orjson\nModuleNotFoundError: No module named \'orjson\'\n';
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n, { pool: 'pool-2' })),
        healthy(t, c, r.oldPod, 'o1', nodes[0], r.oldImage, { createdAgo: 86400 }),
        healthy(t, c, r.oldPod, 'o2', nodes[1], r.oldImage, { createdAgo: 86400 }),
        ...crashLooping(t, c, r.newPod, 'a', nodes[0], r.image, { exitCode: 1, message: tb, restarts: 5 }),
        ...crashLooping(t, c, r.newPod, 'b', nodes[1], r.image, { exitCode: 1, message: tb, restarts: 5 }),
      ];
    },
    expect: [{ workload: 'Deployment/ml/ranker', category: 'crash-loop', fatal: true }],
  },
  {
    name: 'coverage-crash-loop-exit-zero',
    family: 'coverage',
    k8s: '1.30',
    provider: 'kubeadm',
    now: '2026-01-21T21:21:00Z',
    summary:
      'The new entrypoint starts the daemon in the background and returns; the container completes with exit 0 and is restarted forever.',
    sources: [BACKOFF, 'kubernetes/kubernetes pkg/kubelet/kuberuntime (terminated reason "Completed", exit code 0)'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'default',
        name: 'legacy-ftp',
        image: 'registry.internal.acme.io/legacy/ftp:2.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
      });
      return [
        ...r.objects,
        k.node(t, c, 'worker-01'),
        healthy(t, c, r.oldPod, 'o1', 'worker-01', r.oldImage, { createdAgo: 86400 }),
        ...crashLooping(t, c, r.newPod, 'a', 'worker-01', r.image, { exitCode: 0, reason: 'Completed', restarts: 4, ranSeconds: 1 }),
      ];
    },
    expect: [{ workload: 'Deployment/default/legacy-ftp', category: 'crash-loop-exit-zero', fatal: true }],
  },
  {
    name: 'coverage-init-container-failed',
    family: 'coverage',
    k8s: '1.31',
    provider: 'AKS',
    now: '2026-03-31T12:00:00Z',
    summary: 'The schema-check init container exits 1 against the new schema version; the pod shows Init:CrashLoopBackOff.',
    sources: [
      BACKOFF,
      'kubernetes/kubernetes pkg/kubelet/status/generate.go (Initialized False "ContainersNotInitialized", "containers with incomplete status: [%s]")',
    ],
    build: (t, c) => {
      const image = 'acmeprod.azurecr.io/claims/claims-core:5.0.0';
      const init = k.container('schema-check', 'acmeprod.azurecr.io/claims/schema-check:5.0.0', {
        terminationMessagePolicy: 'FallbackToLogsOnError',
        resources: { requests: { cpu: '50m', memory: '64Mi' } },
      });
      const r = rollout(t, c, {
        ns: 'claims',
        name: 'claims-core',
        image,
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        templateOptions: { initContainers: [init] },
      });
      const n = 'aks-nodepool1-12345678-vmss000000';
      const p = r.newPod('a', {
        node: n,
        phase: 'Pending',
        createdAgo: 500,
        conditions: k.podConditions(t, {
          ready: false,
          initialized: false,
          initContainers: ['schema-check'],
          scheduledAgo: 499,
          readyAgo: 499,
        }),
        containers: [k.waiting(t, c, 'app', image, 'PodInitializing', undefined)],
      });
      p.status.initContainerStatuses = [
        k.waiting(
          t,
          c,
          'schema-check',
          init.image,
          'CrashLoopBackOff',
          `back-off 2m40s restarting failed container=schema-check pod=${podRef(p)}`,
          {
            restartCount: 5,
            pod: p.metadata.name,
            lastState: k.ended(t, c, 1, 'Error', {
              finishedAgo: 60,
              message: 'schema version 41 found, 42 required: run the 5.0.0 migration first\n',
            }),
          },
        ),
      ];
      return [
        ...r.objects,
        k.node(t, c, n),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 86400 }),
        p,
        k.scheduled(t, p, n, { ago: 499 }),
        k.event(t, p, 'Warning', 'BackOff', `Back-off restarting failed container schema-check in pod ${podRef(p)}`, {
          container: 'schema-check',
          init: true,
          firstAgo: 480,
          lastAgo: 9,
          count: 21,
        }),
      ];
    },
    expect: [{ workload: 'Deployment/claims/claims-core', category: 'init-container-failed', fatal: true }],
  },
  {
    name: 'coverage-exited-nonzero-bare-pod',
    family: 'coverage',
    k8s: '1.37',
    provider: 'EKS',
    now: '2027-01-25T08:00:00Z',
    summary: 'A one-off maintenance pod (restartPolicy Never, no controller) exited 2.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/kuberuntime (terminated reason "Error" with the exit code; pod phase Failed for restartPolicy Never)',
    ],
    build: (t, c) => {
      const n = 'ip-10-0-1-23.ec2.internal';
      const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ops-tools:1.4.0';
      const owner = {
        ownerReferences: [],
        labels: { run: 'reindex-orders' },
        template: k.template(
          { run: 'reindex-orders' },
          [k.container('reindex-orders', image, { args: ['reindex', '--index', 'orders'] })],
          { restartPolicy: 'Never' },
        ),
      };
      const p = k.pod(t, c, {
        ns: 'ops',
        name: 'reindex-orders',
        owner,
        node: n,
        phase: 'Failed',
        createdAgo: 600,
        generateName: false,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 599, readyAgo: 60, notReadyContainers: ['reindex-orders'] }),
      });
      p.status.containerStatuses = [
        k.terminatedStatus(t, c, 'reindex-orders', image, 2, 'Error', { pod: 'reindex-orders', finishedAgo: 60, ranSeconds: 520 }),
      ];
      return [k.node(t, c, n), p, k.scheduled(t, p, n, { ago: 599 })];
    },
    expect: [{ workload: 'Pod/ops/reindex-orders', category: 'exited-nonzero', fatal: true }],
  },
  waitingCase({
    name: 'coverage-image-not-found',
    k8s: '1.32',
    provider: 'GKE',
    now: '2026-05-05T15:00:00Z',
    summary: 'The tag in the new template was never pushed.',
    sources: [IMAGES, 'containerd remotes/docker resolver ("%s: not found", gRPC code NotFound)'],
    rollout: { ns: 'web', name: 'cms', image: 'us-docker.pkg.dev/acme-prod-4711/web/cms:4.2.01' },
    node: 'gke-prod-pool-1-9c2e4f1a-1xkq',
    nodeOptions: { pool: 'pool-1' },
    status: (t, c, r) => {
      const cause = `rpc error: code = NotFound desc = failed to pull and unpack image "${r.image}": failed to resolve reference "${r.image}": ${r.image}: not found`;
      return k.waiting(t, c, 'app', r.image, 'ImagePullBackOff', `Back-off pulling image "${r.image}": ErrImagePull: ${cause}`);
    },
    events: (t, c, r, p) =>
      pullEvents(
        r.image,
        `rpc error: code = NotFound desc = failed to pull and unpack image "${r.image}": failed to resolve reference "${r.image}": ${r.image}: not found`,
      )(t, c, r, p),
    expect: [{ workload: 'Deployment/web/cms', category: 'image-not-found', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-image-pull-forbidden',
    k8s: '1.35',
    provider: 'GKE',
    now: '2026-10-20T09:30:00Z',
    summary: "The node pool's service account has no read access to the new Artifact Registry repository (403).",
    sources: [
      IMAGES,
      'containerd remotes/docker/authorizer.go ("failed to fetch oauth token: unexpected status from GET request to %s: 403 Forbidden")',
    ],
    rollout: {
      ns: 'data',
      name: 'etl-scheduler',
      image: 'europe-docker.pkg.dev/acme-data-0815/private/etl-scheduler:1.0.0',
      oldImage: 'europe-docker.pkg.dev/acme-data-0815/etl/etl-scheduler:0.9.4',
    },
    node: 'gke-prod-pool-1-9c2e4f1a-7vzd',
    nodeOptions: { pool: 'pool-1' },
    status: (t, c, r) => {
      const cause = `failed to pull and unpack image "${r.image}": failed to resolve reference "${r.image}": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://europe-docker.pkg.dev/v2/token?scope=repository%3Aacme-data-0815%2Fprivate%2Fetl-scheduler%3Apull&service=europe-docker.pkg.dev: 403 Forbidden`;
      return k.waiting(
        t,
        c,
        'app',
        r.image,
        'ImagePullBackOff',
        `Back-off pulling image "${r.image}": ErrImagePull: rpc error: code = Unknown desc = ${cause}`,
      );
    },
    events: (t, c, r, p) =>
      pullEvents(
        r.image,
        `rpc error: code = Unknown desc = failed to pull and unpack image "${r.image}": failed to resolve reference "${r.image}": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://europe-docker.pkg.dev/v2/token?scope=repository%3Aacme-data-0815%2Fprivate%2Fetl-scheduler%3Apull&service=europe-docker.pkg.dev: 403 Forbidden`,
      )(t, c, r, p),
    expect: [{ workload: 'Deployment/data/etl-scheduler', category: 'image-pull-unauthorized', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-image-pull-rate-limited',
    k8s: '1.31',
    provider: 'kubeadm',
    now: '2026-04-14T14:40:00Z',
    summary: "Docker Hub's anonymous pull limit: 429 Too Many Requests. Temporary by category: reported, never fatal on its own.",
    sources: [
      IMAGES,
      'Docker Hub 429 response as containerd reports it ("toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit")',
    ],
    rollout: { ns: 'default', name: 'web', image: 'docker.io/library/nginx:1.27.3', oldImage: 'docker.io/library/nginx:1.27.2' },
    node: 'worker-02',
    status: (t, c, r) =>
      k.waiting(
        t,
        c,
        'app',
        r.image,
        'ImagePullBackOff',
        `Back-off pulling image "${r.image}": ErrImagePull: failed to pull and unpack image "${r.image}": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:${k.hex64('nginx')}: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit`,
      ),
    events: (t, c, r, p) =>
      pullEvents(
        r.image,
        `failed to pull and unpack image "${r.image}": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:${k.hex64('nginx')}: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit`,
      )(t, c, r, p),
    expect: [{ workload: 'Deployment/default/web', category: 'image-pull-transient', fatal: false }],
  }),
  waitingCase({
    name: 'coverage-image-never-pull',
    k8s: '1.33',
    provider: 'kubeadm',
    now: '2026-06-18T18:00:00Z',
    summary: 'imagePullPolicy: Never with an image only loaded on a developer machine.',
    sources: [IMAGES],
    rollout: { ns: 'dev', name: 'sandbox-app', image: 'acme/sandbox-app:dev', containerOptions: { imagePullPolicy: 'Never' } },
    node: 'worker-01',
    status: (t, c, r) =>
      k.waiting(t, c, 'app', r.image, 'ErrImageNeverPull', `Container image "${r.image}" is not present with pull policy of Never`),
    events: (t, c, r, p) => [
      k.event(t, p, 'Warning', 'ErrImageNeverPull', `Container image "${r.image}" is not present with pull policy of Never`, {
        container: 'app',
        firstAgo: 295,
        lastAgo: 14,
        count: 20,
      }),
      k.event(t, p, 'Warning', 'Failed', 'Error: ErrImageNeverPull', { container: 'app', firstAgo: 295, lastAgo: 14, count: 20 }),
    ],
    expect: [{ workload: 'Deployment/dev/sandbox-app', category: 'image-never-pull', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-image-invalid-name',
    k8s: '1.34',
    provider: 'EKS',
    now: '2026-09-24T09:00:00Z',
    summary: 'An upper-case letter in the repository name of the new image reference.',
    sources: [IMAGES, 'distribution/reference ("invalid reference format: repository name (%s) must be lowercase")'],
    rollout: { ns: 'shop', name: 'mailer', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/Mailer:3.0.0' },
    node: 'ip-10-0-1-23.ec2.internal',
    status: (t, c, r) =>
      k.waiting(
        t,
        c,
        'app',
        r.image,
        'InvalidImageName',
        `Failed to apply default image tag "${r.image}": couldn't parse image name "${r.image}": invalid reference format: repository name (Mailer) must be lowercase`,
      ),
    events: (t, c, r, p) => [
      k.event(
        t,
        p,
        'Warning',
        'InspectFailed',
        `Failed to apply default image tag "${r.image}": couldn't parse image name "${r.image}": invalid reference format: repository name (Mailer) must be lowercase`,
        { container: 'app', firstAgo: 295, lastAgo: 11, count: 25 },
      ),
      k.event(t, p, 'Warning', 'Failed', 'Error: InvalidImageName', { container: 'app', firstAgo: 295, lastAgo: 11, count: 25 }),
    ],
    expect: [{ workload: 'Deployment/shop/mailer', category: 'image-invalid-name', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-config-missing-secret',
    k8s: '1.30',
    provider: 'AKS',
    now: '2026-02-10T10:00:00Z',
    summary: 'The new template reads env from a Secret that was never created in this namespace.',
    sources: [KUBELET_PODS],
    rollout: {
      ns: 'claims',
      name: 'adjuster-api',
      image: 'acmeprod.azurecr.io/claims/adjuster-api:7.0.0',
      containerOptions: { envFrom: [{ secretRef: { name: 'adjuster-db-credentials' } }] },
    },
    node: 'aks-nodepool1-12345678-vmss000000',
    status: (t, c, r) => k.waiting(t, c, 'app', r.image, 'CreateContainerConfigError', 'secret "adjuster-db-credentials" not found'),
    events: configEvents('secret "adjuster-db-credentials" not found'),
    expect: [{ workload: 'Deployment/claims/adjuster-api', category: 'config-missing-ref', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-config-missing-key',
    k8s: '1.36',
    provider: 'kubeadm',
    now: '2026-12-20T20:20:00Z',
    summary: 'The Secret exists but lacks the key the new template reads.',
    sources: [KUBELET_PODS],
    rollout: {
      ns: 'shop',
      name: 'orders',
      image: 'registry.internal.acme.io/shop/orders:8.0.0',
      containerOptions: { env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { key: 'DATABASE_URL', name: 'orders-env' } } }] },
    },
    node: 'worker-03',
    status: (t, c, r) =>
      k.waiting(t, c, 'app', r.image, 'CreateContainerConfigError', "couldn't find key DATABASE_URL in Secret shop/orders-env"),
    events: configEvents("couldn't find key DATABASE_URL in Secret shop/orders-env"),
    expect: [{ workload: 'Deployment/shop/orders', category: 'config-missing-key', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-config-run-as-non-root',
    k8s: '1.33',
    provider: 'EKS',
    now: '2026-06-25T06:25:00Z',
    summary: 'runAsNonRoot: true, but the new image runs as root and sets no numeric user.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others.go@v1.37.2 ("container has runAsNonRoot and image will run as root (pod: %q, container: %s)")',
    ],
    rollout: {
      ns: 'secure',
      name: 'vault-agent',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/vault-agent:1.18.0',
      containerOptions: { securityContext: { runAsNonRoot: true } },
    },
    node: 'ip-10-0-1-23.ec2.internal',
    status: (t, c, r, p) =>
      k.waiting(
        t,
        c,
        'app',
        r.image,
        'CreateContainerConfigError',
        `container has runAsNonRoot and image will run as root (pod: "${podRef(p)}", container: app)`,
      ),
    events: (t, c, r, p) =>
      configEvents(`container has runAsNonRoot and image will run as root (pod: "${podRef(p)}", container: app)`)(t, c, r, p),
    expect: [{ workload: 'Deployment/secure/vault-agent', category: 'config-security-context', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-config-cache-sync',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-03-09T09:09:30Z',
    summary: "Transient: the kubelet's watch on the pod's ConfigMap had not synced yet (API server slow after a control-plane upgrade).",
    sources: ['kubernetes/kubernetes pkg/kubelet/util/manager/watch_based_manager.go@v1.37.2 ("failed to sync %s cache: %v")'],
    rollout: {
      ns: 'web',
      name: 'feature-flags',
      image: 'us-docker.pkg.dev/acme-prod-4711/web/feature-flags:1.2.0',
      containerOptions: { envFrom: [{ configMapRef: { name: 'feature-flags' } }] },
    },
    node: 'gke-prod-pool-1-9c2e4f1a-1xkq',
    nodeOptions: { pool: 'pool-1' },
    createdAgo: 40,
    status: (t, c, r) =>
      k.waiting(t, c, 'app', r.image, 'CreateContainerConfigError', 'failed to sync configmap cache: timed out waiting for the condition'),
    events: (t, c, r, p) => [
      k.event(t, p, 'Warning', 'Failed', 'Error: failed to sync configmap cache: timed out waiting for the condition', {
        container: 'app',
        firstAgo: 36,
        lastAgo: 8,
        count: 2,
      }),
    ],
    expect: [{ workload: 'Deployment/web/feature-flags', category: 'config-cache-sync', fatal: false }],
  }),
  waitingCase({
    name: 'coverage-container-create-error',
    k8s: '1.32',
    provider: 'kubeadm',
    now: '2026-07-04T04:04:00Z',
    summary:
      'mountPropagation: Bidirectional on a host path that is not a shared mount on this node; containerd refuses to create the container.',
    sources: [
      'containerd pkg/cri/opts/spec_linux.go ("path %q is mounted on %q but it is not a shared mount")',
      'kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (CreateContainerError, event "Error: %v")',
    ],
    rollout: {
      ns: 'storage',
      name: 'csi-helper',
      image: 'registry.internal.acme.io/storage/csi-helper:0.9.0',
      containerOptions: {
        securityContext: { privileged: true },
        volumeMounts: [{ mountPath: '/mnt/data', mountPropagation: 'Bidirectional', name: 'data' }],
      },
      templateOptions: { volumes: [{ hostPath: { path: '/mnt/data', type: 'Directory' }, name: 'data' }] },
    },
    node: 'worker-06',
    status: (t, c, r, p) =>
      k.waiting(
        t,
        c,
        'app',
        r.image,
        'CreateContainerError',
        `failed to generate container "${k.hex64(p.metadata.name)}" spec: failed to generate spec: path "/mnt/data" is mounted on "/mnt/data" but it is not a shared mount`,
      ),
    events: (t, c, r, p) => [
      k.event(t, p, 'Normal', 'Pulled', `Container image "${r.image}" already present on machine`, {
        container: 'app',
        firstAgo: 295,
        lastAgo: 15,
        count: 24,
      }),
      k.event(
        t,
        p,
        'Warning',
        'Failed',
        `Error: failed to generate container "${k.hex64(p.metadata.name)}" spec: failed to generate spec: path "/mnt/data" is mounted on "/mnt/data" but it is not a shared mount`,
        { container: 'app', firstAgo: 295, lastAgo: 15, count: 24 },
      ),
    ],
    expect: [{ workload: 'Deployment/storage/csi-helper', category: 'container-create-error', fatal: true }],
  }),
  waitingCase({
    name: 'coverage-container-creating-slow',
    k8s: '1.35',
    provider: 'AKS',
    now: '2026-10-05T05:05:00Z',
    summary: 'Transient: a 9 GB model-serving image is still being pulled after 3 minutes. Reported, not fatal.',
    sources: [IMAGES],
    rollout: { ns: 'ml', name: 'vllm', image: 'acmeprod.azurecr.io/ml/vllm-openai:0.8.4' },
    node: 'aks-gpupool-22334455-vmss000002',
    nodeOptions: { pool: 'gpupool' },
    createdAgo: 190,
    status: (t, c, r) => k.waiting(t, c, 'app', r.image, 'ContainerCreating', undefined),
    events: (t, c, r, p) => [k.event(t, p, 'Normal', 'Pulling', `Pulling image "${r.image}"`, { container: 'app', lastAgo: 186 })],
    expect: [{ workload: 'Deployment/ml/vllm', category: 'container-creating-slow', fatal: false }],
  }),
  {
    name: 'coverage-unschedulable-memory',
    family: 'coverage',
    k8s: '1.33',
    provider: 'EKS',
    now: '2026-06-09T16:00:00Z',
    summary: 'The new template requests 12Gi; no node in the node group has that much allocatable.',
    sources: [SCHED, 'kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit.go@v1.37.2 ("Insufficient memory")'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'analytics',
        name: 'spark-driver',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/spark-driver:3.5.3',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        containerOptions: { resources: { limits: { memory: '12Gi' }, requests: { cpu: '1', memory: '12Gi' } } },
      });
      const nodes = ['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-117.ec2.internal', 'ip-10-0-3-54.ec2.internal'];
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n)),
        healthy(t, c, r.oldPod, 'o1', nodes[0], r.oldImage, { createdAgo: 86400 }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
          { createdAgo: 300 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/analytics/spark-driver', category: 'unschedulable-resources', fatal: true }],
  },
  {
    name: 'coverage-unschedulable-node-selector',
    family: 'coverage',
    k8s: '1.37',
    provider: 'AKS',
    now: '2027-02-02T12:00:00Z',
    summary: 'The new nodeSelector names a node pool that does not exist.',
    sources: [
      SCHED,
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go@v1.37.2 ("node(s) didn\'t match Pod\'s node affinity/selector")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'ml',
        name: 'trainer',
        image: 'acmeprod.azurecr.io/ml/trainer:1.0.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        templateOptions: { nodeSelector: { 'kubernetes.azure.com/agentpool': 'gpupool2' } },
        oldTemplateOptions: {},
      });
      const nodes = [
        'aks-nodepool1-12345678-vmss000000',
        'aks-nodepool1-12345678-vmss000001',
        'aks-gpupool-22334455-vmss000000',
        'aks-gpupool-22334455-vmss000001',
      ];
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n)),
        healthy(t, c, r.oldPod, 'o1', nodes[2], r.oldImage, { createdAgo: 86400 }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          "0/4 nodes are available: 4 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
          { createdAgo: 400 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/ml/trainer', category: 'unschedulable-node-selector', fatal: true }],
  },
  {
    name: 'coverage-unschedulable-taint-named',
    family: 'coverage',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-03-25T10:00:00Z',
    summary: 'Only the dedicated GPU pool has room and the new template lost its toleration (1.31 text names the taint).',
    sources: [
      SCHED,
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go before https://github.com/kubernetes/kubernetes/pull/134740 ("node(s) had untolerated taint {%s: %s}")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'ml',
        name: 'batch-scorer',
        image: 'us-docker.pkg.dev/acme-prod-4711/ml/batch-scorer:4.0.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
      });
      const gpu = ['gke-prod-gpu-l4-0b1c2d3e-6tqw', 'gke-prod-gpu-l4-0b1c2d3e-p9xs'];
      return [
        ...r.objects,
        ...gpu.map((n) => k.node(t, c, n, { pool: 'gpu-l4', taints: [{ effect: 'NoSchedule', key: 'nvidia.com/gpu', value: 'present' }] })),
        healthy(t, c, r.oldPod, 'o1', gpu[0], r.oldImage, { createdAgo: 86400 }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          '0/2 nodes are available: 2 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
          { createdAgo: 300 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/ml/batch-scorer', category: 'unschedulable-taint', fatal: true }],
  },
  {
    name: 'coverage-unschedulable-taint-unnamed',
    family: 'coverage',
    k8s: '1.36',
    provider: 'kubeadm',
    now: '2026-11-30T11:30:00Z',
    summary: 'The same situation on 1.35+, where the scheduler no longer names the taint; the nodes do.',
    sources: [
      SCHED,
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go@v1.37.2 ("node(s) had untolerated taint(s)"), https://github.com/kubernetes/kubernetes/pull/134740',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'infra',
        name: 'edge-proxy',
        image: 'registry.internal.acme.io/infra/edge-proxy:2.0.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
      });
      const nodes = ['edge-01', 'edge-02', 'edge-03'];
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n, { taints: [{ effect: 'NoSchedule', key: 'dedicated', value: 'edge' }] })),
        healthy(t, c, r.oldPod, 'o1', nodes[0], r.oldImage, { createdAgo: 86400 }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          '0/3 nodes are available: 3 node(s) had untolerated taint(s). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
          { createdAgo: 200 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/infra/edge-proxy', category: 'unschedulable-taint', fatal: true }],
  },
  {
    name: 'coverage-unschedulable-node-condition',
    family: 'coverage',
    k8s: '1.32',
    provider: 'kubeadm',
    now: '2026-07-12T12:12:00Z',
    summary: 'One node is cordoned for maintenance, the other has disk pressure: nowhere to go until one recovers.',
    sources: [
      SCHED,
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go@v1.37.2 ("node(s) were unschedulable")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'default',
        name: 'wiki',
        image: 'docker.io/library/mediawiki:1.42.3',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
      });
      return [
        ...r.objects,
        k.node(t, c, 'worker-01', {
          unschedulable: true,
          taints: [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: t.at(3600) }],
        }),
        k.node(t, c, 'worker-02', {
          conditions: { DiskPressure: [...['True', 'KubeletHasDiskPressure', 'kubelet has disk pressure'], 900] },
          taints: [{ effect: 'NoSchedule', key: 'node.kubernetes.io/disk-pressure', timeAdded: t.at(900) }],
        }),
        healthy(t, c, r.oldPod, 'o1', 'worker-02', r.oldImage, { createdAgo: 86400 }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          '0/2 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
          { createdAgo: 600 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/default/wiki', category: 'unschedulable-node-condition', fatal: true }],
  },
  {
    name: 'coverage-unschedulable-volume-zone',
    family: 'coverage',
    k8s: '1.34',
    provider: 'EKS',
    now: '2026-08-30T08:30:00Z',
    summary:
      "The StatefulSet-less app's EBS volume lives in us-east-1a, but the only node there is full; the other zones' nodes cannot attach it.",
    sources: [
      SCHED,
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/volumebinding/binder.go@v1.37.2 ("node(s) didn\'t match PersistentVolume\'s node affinity")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'cms',
        name: 'uploads',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/uploads:2.1.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 0,
        containerOptions: { volumeMounts: [{ mountPath: '/data', name: 'data' }] },
        templateOptions: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'uploads-data' } }] },
      });
      return [
        ...r.objects,
        k.node(t, c, 'ip-10-0-1-23.ec2.internal', { zone: 'us-east-1a', pods: '29' }),
        k.node(t, c, 'ip-10-0-2-117.ec2.internal', { zone: 'us-east-1b' }),
        k.node(t, c, 'ip-10-0-3-54.ec2.internal', { zone: 'us-east-1c' }),
        k.pvc(t, {
          ns: 'cms',
          name: 'uploads-data',
          phase: 'Bound',
          storageClassName: 'gp3',
          size: '50Gi',
          volumeName: 'pvc-0b5e3a1c-7d2f-4e6a-9b8c-3d4e5f6a7b8c',
          createdAgo: 200 * 86400,
        }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't match PersistentVolume's node affinity. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
          { createdAgo: 420 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/cms/uploads', category: 'unschedulable-volume', fatal: true }],
  },
  {
    name: 'coverage-unschedulable-anti-affinity',
    family: 'coverage',
    k8s: '1.30',
    provider: 'AKS',
    now: '2026-02-28T18:00:00Z',
    summary: 'Required pod anti-affinity per node with more replicas than nodes: the fourth replica has nowhere to go.',
    sources: [
      SCHED,
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/interpodaffinity/filtering.go@v1.37.2 ("node(s) didn\'t match pod anti-affinity rules")',
    ],
    build: (t, c) => {
      const affinity = {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      };
      const r = rollout(t, c, {
        ns: 'web',
        name: 'cache',
        image: 'docker.io/library/redis:7.4.2',
        oldImage: 'docker.io/library/redis:7.4.1',
        replicas: 4,
        newReady: 3,
        templateOptions: { affinity },
      });
      const nodes = ['aks-nodepool1-12345678-vmss000000', 'aks-nodepool1-12345678-vmss000001', 'aks-nodepool1-12345678-vmss000002'];
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n)),
        ...nodes.map((n, i) => healthy(t, c, r.newPod, `r${i}`, n, r.image)),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'd',
          "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
          { createdAgo: 280 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/web/cache', category: 'unschedulable-affinity', fatal: true }],
  },
  {
    name: 'coverage-pvc-not-bound',
    family: 'coverage',
    k8s: '1.35',
    provider: 'GKE',
    now: '2026-10-16T16:16:00Z',
    summary: 'The new claim names a StorageClass that does not exist; it stays Pending and the pod cannot be scheduled.',
    sources: [
      SCHED,
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/volumebinding/volume_binding.go@v1.37.2 ("pod has unbound immediate PersistentVolumeClaims")',
      'kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go (ProvisioningFailed "storageclass.storage.k8s.io %q not found")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'data',
        name: 'metabase',
        image: 'docker.io/metabase/metabase:v0.52.4',
        replicas: 1,
        newReady: 0,
        oldReplicas: 0,
        containerOptions: { volumeMounts: [{ mountPath: '/metabase-data', name: 'data' }] },
        templateOptions: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'metabase-data' } }] },
      });
      const claim = k.pvc(t, { ns: 'data', name: 'metabase-data', phase: 'Pending', storageClassName: 'fast-ssd', createdAgo: 310 });
      return [
        ...r.objects,
        k.node(t, c, 'gke-prod-pool-1-9c2e4f1a-1xkq', { pool: 'pool-1' }),
        claim,
        k.event(t, claim, 'Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "fast-ssd" not found', {
          kind: 'PersistentVolumeClaim',
          component: 'persistentvolume-controller',
          firstAgo: 310,
          lastAgo: 10,
          count: 22,
        }),
        ...unschedulable(
          t,
          c,
          r.newPod,
          'a',
          '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
          { createdAgo: 300 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/data/metabase', category: 'pvc-not-bound', fatal: true }],
  },
  {
    name: 'coverage-readiness-failing-transient',
    family: 'coverage',
    k8s: '1.33',
    provider: 'GKE',
    now: '2026-06-12T12:00:50Z',
    summary:
      'Transient: the new pod warms its cache; its readiness probe has failed for 40 s, just past initialDelay + period x threshold. Reported, not fatal.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/prober/prober.go@v1.37.2 (Unhealthy "Readiness probe failed: %s")',
      'kubernetes/kubernetes pkg/probe/http/http.go ("HTTP probe failed with statuscode: %d")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'web',
        name: 'catalog-ui',
        image: 'us-docker.pkg.dev/acme-prod-4711/web/catalog-ui:5.5.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        containerOptions: { readinessProbe: k.httpProbe('/ready', 8080) },
      });
      const nodes = ['gke-prod-pool-1-9c2e4f1a-1xkq', 'gke-prod-pool-1-9c2e4f1a-7vzd'];
      const p = r.newPod('b', {
        node: nodes[1],
        createdAgo: 48,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 47, readyAgo: 44 }),
        containers: [k.running(t, c, 'app', r.image, { ready: false, startedAgo: 44, pod: 'cat-b' })],
      });
      return [
        ...r.objects,
        ...nodes.map((n) => k.node(t, c, n, { pool: 'pool-1' })),
        healthy(t, c, r.oldPod, 'o1', nodes[0], r.oldImage, { createdAgo: 86400 }),
        p,
        k.event(t, p, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', {
          container: 'app',
          firstAgo: 40,
          lastAgo: 2,
          count: 4,
        }),
      ];
    },
    expect: [{ workload: 'Deployment/web/catalog-ui', category: 'readiness-probe-failing', fatal: false }],
  },
  {
    name: 'coverage-active-deadline',
    family: 'coverage',
    k8s: '1.31',
    provider: 'kubeadm',
    now: '2026-04-01T04:00:00Z',
    summary: 'A bare report pod with activeDeadlineSeconds 600 ran out of time.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/active_deadline.go@v1.37.2 (reason "DeadlineExceeded", "Pod was active on the node longer than the specified deadline")',
    ],
    build: (t, c) => {
      const image = 'registry.internal.acme.io/reports/monthly:2026.03';
      const owner = {
        ownerReferences: [],
        labels: { run: 'monthly-report' },
        template: k.template({ run: 'monthly-report' }, [k.container('report', image)], {
          restartPolicy: 'Never',
          activeDeadlineSeconds: 600,
        }),
      };
      const [p, ...events] = failedPod(
        t,
        c,
        (tag, f) => k.pod(t, c, { ns: 'reports', name: 'monthly-report', owner, generateName: false, ...f }),
        'x',
        'worker-02',
        image,
        {
          reason: 'DeadlineExceeded',
          statusMessage: 'Pod was active on the node longer than the specified deadline',
          eventReason: 'DeadlineExceeded',
          ran: true,
          container: 'report',
          createdAgo: 700,
          failedAgo: 95,
        },
      );
      return [k.node(t, c, 'worker-02'), p, ...events];
    },
    expect: [{ workload: 'Pod/reports/monthly-report', category: 'active-deadline-exceeded', fatal: true }],
  },
  {
    name: 'coverage-init-container-waiting',
    family: 'coverage',
    k8s: '1.34',
    provider: 'EKS',
    now: '2026-09-14T14:14:00Z',
    summary: 'Transient: the wait-for-db init container loops until the database answers; 90 s so far. Reported, not fatal.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/status/generate.go (Initialized False "containers with incomplete status: [%s]"; app container waiting PodInitializing)',
    ],
    build: (t, c) => {
      const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/billing-api:4.0.0';
      const init = k.container('wait-for-db', 'docker.io/library/busybox:1.37', {
        command: ['sh', '-c', 'until nc -z billing-db 5432; do echo waiting for db; sleep 2; done'],
        resources: {},
      });
      const r = rollout(t, c, {
        ns: 'billing',
        name: 'billing-api',
        image,
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        templateOptions: { initContainers: [init] },
      });
      const n = 'ip-10-0-1-23.ec2.internal';
      const p = r.newPod('a', {
        node: n,
        phase: 'Pending',
        createdAgo: 100,
        conditions: k.podConditions(t, {
          ready: false,
          initialized: false,
          initContainers: ['wait-for-db'],
          scheduledAgo: 99,
          readyAgo: 99,
        }),
        containers: [k.waiting(t, c, 'app', image, 'PodInitializing', undefined)],
      });
      p.status.initContainerStatuses = [k.running(t, c, 'wait-for-db', init.image, { ready: false, startedAgo: 90, pod: 'wait' })];
      return [
        ...r.objects,
        k.node(t, c, n),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 86400 }),
        p,
        k.scheduled(t, p, n, { ago: 99 }),
      ];
    },
    expect: [{ workload: 'Deployment/billing/billing-api', category: 'init-container-waiting', fatal: false }],
  },
  {
    name: 'coverage-unknown-readiness-gate',
    family: 'coverage',
    k8s: '1.32',
    provider: 'EKS',
    now: '2026-07-21T21:00:00Z',
    summary:
      'The container is ready, but the AWS Load Balancer Controller has not marked the target healthy (readiness gate). No rule names this: unknown, not fatal.',
    sources: [
      'kubernetes-sigs/aws-load-balancer-controller pod readiness gate (conditionType target-health.elbv2.k8s.aws/<targetgroupbinding>); kubelet Ready "corresponding condition of pod readiness gate %q does not exist."',
    ],
    build: (t, c) => {
      const gate = 'target-health.elbv2.k8s.aws/k8s-shop-checkout-5f2a1b3c4d';
      const r = rollout(t, c, {
        ns: 'shop',
        name: 'checkout-web',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout-web:3.0.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
      });
      const n = 'ip-10-0-1-23.ec2.internal';
      const conds = k.podConditions(t, { scheduledAgo: 299 }).map((cond) =>
        cond.type === 'Ready'
          ? {
              ...cond,
              status: 'False',
              reason: 'ReadinessGatesNotReady',
              message: `corresponding condition of pod readiness gate "${gate}" does not exist.`,
            }
          : cond,
      );
      const p = r.newPod('a', {
        node: n,
        createdAgo: 300,
        conditions: conds,
        containers: [k.running(t, c, 'app', r.image, { pod: 'gate', startedAgo: 290 })],
      });
      p.spec.readinessGates = [{ conditionType: gate }];
      return [
        ...r.objects,
        k.node(t, c, n),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 86400 }),
        p,
        k.scheduled(t, p, n, { ago: 299 }),
      ];
    },
    expect: [{ workload: 'Deployment/shop/checkout-web', category: 'unknown', fatal: false }],
  },
  {
    name: 'coverage-terminating-finalizer',
    family: 'coverage',
    k8s: '1.33',
    provider: 'kubeadm',
    now: '2026-06-01T06:00:00Z',
    summary:
      'A new pod was deleted 5 minutes ago but a custom finalizer nobody removes keeps it; the node is healthy. The replacement runs: reported, not fatal.',
    sources: ['kubernetes API: an object with metadata.finalizers stays (deletionTimestamp set) until they are removed'],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'default',
        name: 'webhook-relay',
        image: 'ghcr.io/acme/webhook-relay:1.1.0',
        replicas: 1,
        newReady: 1,
      });
      const n = 'worker-01';
      const stuck = r.newPod('a', {
        node: n,
        createdAgo: 2000,
        deletionAgo: 300,
        finalizers: ['example.com/drain-connections'],
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 1999, readyAgo: 320 }),
      });
      stuck.status.containerStatuses = [
        k.terminatedStatus(t, c, 'app', r.image, 0, 'Completed', { pod: 'stuck', finishedAgo: 320, ranSeconds: 1600 }),
      ];
      stuck.status.phase = 'Succeeded';
      return [...r.objects, k.node(t, c, n), stuck, healthy(t, c, r.newPod, 'b', n, r.image, { createdAgo: 330 })];
    },
    expectNone: true,
    allow: [{ workload: 'Deployment/default/webhook-relay', category: 'terminating-stuck', fatal: false }],
  },
];
