// Family 3: the kubelet evicted new-revision pods under node pressure (or for exceeding their own storage limits).
// The eviction itself is `evicted` (not fatal: the controller replaces the pod); a node still reporting the pressure is
// `node-pressure` on that node. Limit evictions (ephemeral storage, emptyDir) have no node pressure.
import * as k from '../kube.mjs';
import { failedPod } from '../patterns.mjs';
import { healthy, rollout, statefulRollout } from '../scenarios.mjs';

const HELPERS =
  'kubernetes/kubernetes pkg/kubelet/eviction/helpers.go@v1.37.2 (nodeLowMessageFmt "The node was low on resource: %v. ", thresholdMetMessageFmt "Threshold quantity: %v, available: %v. ", containerMessageFmt "Container %s was using %s, request is %s, has larger consumption of %v. ")';
const MANAGER =
  'kubernetes/kubernetes pkg/kubelet/eviction/eviction_manager.go (reason "Evicted", DisruptionTarget condition reason TerminationByKubelet, node events EvictionThresholdMet "Attempting to reclaim %s")';
const CONDITIONS =
  'kubernetes/kubernetes pkg/kubelet/nodestatus/setters.go (MemoryPressure KubeletHasInsufficientMemory "kubelet has insufficient memory available", DiskPressure KubeletHasDiskPressure "kubelet has disk pressure", PIDPressure KubeletHasInsufficientPID "kubelet has insufficient PID available")';

const pressureTaint = (key, t, ago) => ({ effect: 'NoSchedule', key, timeAdded: t.at(ago) });

function nodeEvents(t, node, type, resource, ago) {
  return [
    k.event(t, node, 'Warning', 'EvictionThresholdMet', `Attempting to reclaim ${resource}`, {
      kind: 'Node',
      host: node.metadata.name,
      firstAgo: ago,
      lastAgo: ago,
    }),
    k.event(t, node, 'Normal', type, `Node ${node.metadata.name} status is now: ${type}`, {
      kind: 'Node',
      host: node.metadata.name,
      firstAgo: ago,
      lastAgo: ago,
    }),
  ];
}

export const EVICTED_CASES = [
  {
    name: 'evicted-memory-pressure-eks',
    family: 'evicted',
    k8s: '1.31',
    provider: 'EKS',
    now: '2026-03-20T12:00:00Z',
    summary:
      'A new replica used far more memory than it requests; the node hit memory.available<100Mi and the kubelet evicted it. The node still reports MemoryPressure.',
    sources: [
      HELPERS,
      MANAGER,
      CONDITIONS,
      'https://github.com/kubernetes/kubernetes/issues/112927 (an Evicted pod as kubectl describe shows it)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'shop',
        name: 'recommender',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/recommender:4.0.0',
        replicas: 3,
        newReady: 2,
      });
      const hot = k.node(t, c, 'ip-10-0-7-33.ec2.internal', {
        conditions: { MemoryPressure: [...k.PRESSURE.MemoryPressure, 150] },
        taints: [pressureTaint('node.kubernetes.io/memory-pressure', t, 150)],
      });
      const message =
        'The node was low on resource: memory. Threshold quantity: 100Mi, available: 53464Ki. Container app was using 1258292Ki, request is 256Mi, has larger consumption of memory. ';
      return [
        ...r.objects,
        hot,
        k.node(t, c, 'ip-10-0-8-12.ec2.internal'),
        healthy(t, c, r.newPod, 'a', 'ip-10-0-8-12.ec2.internal', r.image),
        healthy(t, c, r.newPod, 'b', 'ip-10-0-8-12.ec2.internal', r.image, { createdAgo: 120 }),
        ...failedPod(t, c, r.newPod, 'c', hot.metadata.name, r.image, {
          reason: 'Evicted',
          statusMessage: message,
          eventReason: 'Evicted',
          ran: true,
          createdAgo: 900,
          failedAgo: 140,
          disruption: ['TerminationByKubelet', message],
        }),
        ...nodeEvents(t, hot, 'NodeHasInsufficientMemory', 'memory', 150),
      ];
    },
    expect: [
      { workload: 'Deployment/shop/recommender', category: 'evicted', fatal: false },
      { workload: 'Deployment/shop/recommender', category: 'node-pressure', fatal: false, node: 'ip-10-0-7-33.ec2.internal' },
    ],
  },
  {
    name: 'evicted-disk-pressure-gke',
    family: 'evicted',
    k8s: '1.32',
    provider: 'GKE',
    now: '2026-04-04T04:40:00Z',
    summary:
      'The new version writes debug logs to its writable layer; the node filesystem fell under nodefs.available<10% and two new pods were evicted.',
    sources: [HELPERS, MANAGER, CONDITIONS],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'ingest',
        name: 'log-shipper',
        image: 'us-docker.pkg.dev/acme-prod-4711/apps/log-shipper:2.2.0',
        replicas: 3,
        newReady: 1,
      });
      const hot = k.node(t, c, 'gke-prod-pool-1-abc123-xyz', {
        pool: 'pool-1',
        conditions: { DiskPressure: [...k.PRESSURE.DiskPressure, 400] },
        taints: [pressureTaint('node.kubernetes.io/disk-pressure', t, 400)],
      });
      const msg = (usage) =>
        `The node was low on resource: ephemeral-storage. Threshold quantity: 10120387584, available: 9615324Ki. Container app was using ${usage}, request is 0, has larger consumption of ephemeral-storage. `;
      return [
        ...r.objects,
        hot,
        k.node(t, c, 'gke-prod-pool-1-abc123-k9p2', { pool: 'pool-1' }),
        healthy(t, c, r.newPod, 'a', 'gke-prod-pool-1-abc123-k9p2', r.image),
        ...failedPod(t, c, r.newPod, 'b', hot.metadata.name, r.image, {
          reason: 'Evicted',
          statusMessage: msg('21418624Ki'),
          eventReason: 'Evicted',
          ran: true,
          createdAgo: 1200,
          failedAgo: 390,
          disruption: ['TerminationByKubelet', msg('21418624Ki')],
        }),
        ...failedPod(t, c, r.newPod, 'c', hot.metadata.name, r.image, {
          reason: 'Evicted',
          statusMessage: msg('19870228Ki'),
          eventReason: 'Evicted',
          ran: true,
          createdAgo: 380,
          failedAgo: 60,
          disruption: ['TerminationByKubelet', msg('19870228Ki')],
        }),
        ...nodeEvents(t, hot, 'NodeHasDiskPressure', 'ephemeral-storage', 400),
      ];
    },
    expect: [
      { workload: 'Deployment/ingest/log-shipper', category: 'evicted', fatal: false },
      { workload: 'Deployment/ingest/log-shipper', category: 'node-pressure', fatal: false, node: 'gke-prod-pool-1-abc123-xyz' },
    ],
  },
  {
    name: 'evicted-pid-pressure-aks',
    family: 'evicted',
    k8s: '1.33',
    provider: 'AKS',
    now: '2026-06-16T23:15:00Z',
    summary:
      'The new build leaks threads; the node ran short of PIDs (pid.available) and the kubelet evicted the pod. PIDPressure is still True.',
    sources: [HELPERS, MANAGER, CONDITIONS],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'quotes',
        name: 'pricing-engine',
        image: 'acmeprod.azurecr.io/pricing-engine:9.0.0',
        replicas: 2,
        newReady: 1,
      });
      const hot = k.node(t, c, 'aks-nodepool1-12345678-vmss000003', {
        conditions: { PIDPressure: [...k.PRESSURE.PIDPressure, 90] },
        taints: [pressureTaint('node.kubernetes.io/pid-pressure', t, 90)],
      });
      const message = 'The node was low on resource: pids. Threshold quantity: 3276, available: 2981. ';
      return [
        ...r.objects,
        hot,
        k.node(t, c, 'aks-nodepool1-12345678-vmss000004'),
        healthy(t, c, r.newPod, 'a', 'aks-nodepool1-12345678-vmss000004', r.image),
        ...failedPod(t, c, r.newPod, 'b', hot.metadata.name, r.image, {
          reason: 'Evicted',
          statusMessage: message,
          eventReason: 'Evicted',
          ran: true,
          createdAgo: 700,
          failedAgo: 80,
          disruption: ['TerminationByKubelet', message],
        }),
        ...nodeEvents(t, hot, 'NodeHasInsufficientPID', 'pids', 90),
      ];
    },
    expect: [
      { workload: 'Deployment/quotes/pricing-engine', category: 'evicted', fatal: false },
      { workload: 'Deployment/quotes/pricing-engine', category: 'node-pressure', fatal: false, node: 'aks-nodepool1-12345678-vmss000003' },
    ],
  },
  {
    name: 'evicted-ephemeral-limit-pod',
    family: 'evicted',
    k8s: '1.34',
    provider: 'kubeadm',
    now: '2026-08-25T10:00:00Z',
    summary:
      'The pod outgrew its own ephemeral-storage limits (localStorageEviction); the node is not under pressure, so there is no node finding.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/eviction/helpers.go@v1.37.2 (podEphemeralStorageMessageFmt "Pod ephemeral local storage usage exceeds the total limit of containers %s. ")',
      MANAGER,
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'etl',
        name: 'csv-splitter',
        image: 'registry.internal.acme.io/etl/csv-splitter:0.7.0',
        replicas: 2,
        newReady: 1,
        containerOptions: {
          resources: {
            limits: { 'ephemeral-storage': '2Gi', memory: '1Gi' },
            requests: { cpu: '500m', 'ephemeral-storage': '1Gi', memory: '1Gi' },
          },
        },
      });
      const message = 'Pod ephemeral local storage usage exceeds the total limit of containers 2Gi. ';
      return [
        ...r.objects,
        k.node(t, c, 'worker-01'),
        k.node(t, c, 'worker-02'),
        healthy(t, c, r.newPod, 'a', 'worker-02', r.image),
        ...failedPod(t, c, r.newPod, 'b', 'worker-01', r.image, {
          reason: 'Evicted',
          statusMessage: message,
          eventReason: 'Evicted',
          ran: true,
          createdAgo: 500,
          failedAgo: 45,
          disruption: ['TerminationByKubelet', message],
        }),
      ];
    },
    expect: [{ workload: 'Deployment/etl/csv-splitter', category: 'evicted', fatal: false }],
  },
  {
    name: 'evicted-container-storage-limit',
    family: 'evicted',
    k8s: '1.30',
    provider: 'EKS',
    now: '2026-01-14T17:25:00Z',
    summary: 'One container exceeded its own ephemeral-storage limit; evicted without node pressure.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/eviction/helpers.go@v1.37.2 (containerEphemeralStorageMessageFmt "Container %s exceeded its local ephemeral storage limit %q. ")',
      MANAGER,
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'media',
        name: 'transcoder',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/transcoder:3.1.4',
        replicas: 2,
        newReady: 1,
        containerOptions: { resources: { limits: { 'ephemeral-storage': '1Gi', memory: '2Gi' }, requests: { cpu: '1', memory: '2Gi' } } },
      });
      const message = 'Container app exceeded its local ephemeral storage limit "1Gi". ';
      return [
        ...r.objects,
        k.node(t, c, 'ip-10-0-1-23.ec2.internal'),
        k.node(t, c, 'ip-10-0-2-117.ec2.internal'),
        healthy(t, c, r.newPod, 'a', 'ip-10-0-2-117.ec2.internal', r.image),
        ...failedPod(t, c, r.newPod, 'b', 'ip-10-0-1-23.ec2.internal', r.image, {
          reason: 'Evicted',
          statusMessage: message,
          eventReason: 'Evicted',
          ran: true,
          createdAgo: 800,
          failedAgo: 300,
          disruption: ['TerminationByKubelet', message],
        }),
      ];
    },
    expect: [{ workload: 'Deployment/media/transcoder', category: 'evicted', fatal: false }],
  },
  {
    name: 'evicted-admission-disk-pressure',
    family: 'evicted',
    k8s: '1.35',
    provider: 'GKE',
    now: '2026-10-30T02:20:00Z',
    summary:
      'The node is under DiskPressure, so its eviction manager refuses new BestEffort pods at admission: reason Evicted, "Pod was rejected: The node had condition: [DiskPressure]."',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/eviction/eviction_manager.go (Admit: Reason "Evicted", Message fmt.Sprintf(nodeConditionMessageFmt, m.nodeConditions))',
      'kubernetes/kubernetes pkg/kubelet/eviction/helpers.go@v1.37.2 (nodeConditionMessageFmt "The node had condition: %v. ")',
      'kubernetes/kubernetes pkg/kubelet/kubelet.go@v1.37.2 (rejectPod: status message "Pod was rejected: " + message)',
      CONDITIONS,
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'tools',
        name: 'cache-warmer',
        image: 'us-docker.pkg.dev/acme-prod-4711/tools/cache-warmer:1.0.9',
        replicas: 2,
        newReady: 1,
        containerOptions: { resources: {} },
      });
      const hot = k.node(t, c, 'gke-prod-pool-3-77ab12cd-j2kd', {
        pool: 'pool-3',
        conditions: { DiskPressure: [...k.PRESSURE.DiskPressure, 260] },
      });
      return [
        ...r.objects,
        hot,
        k.node(t, c, 'gke-prod-pool-3-77ab12cd-n5rt', { pool: 'pool-3' }),
        healthy(t, c, r.newPod, 'a', 'gke-prod-pool-3-77ab12cd-n5rt', r.image, { fields: { qosClass: 'BestEffort' } }),
        ...failedPod(t, c, r.newPod, 'b', hot.metadata.name, r.image, {
          reason: 'Evicted',
          statusMessage: 'Pod was rejected: The node had condition: [DiskPressure]. ',
          eventReason: 'Evicted',
          eventMessage: 'The node had condition: [DiskPressure]. ',
          rejected: true,
          createdAgo: 30,
          failedAgo: 28,
        }),
      ];
    },
    expect: [
      { workload: 'Deployment/tools/cache-warmer', category: 'evicted', fatal: false },
      { workload: 'Deployment/tools/cache-warmer', category: 'node-pressure', fatal: false, node: 'gke-prod-pool-3-77ab12cd-j2kd' },
    ],
  },
  {
    name: 'evicted-statefulset-memory',
    family: 'evicted',
    k8s: '1.36',
    provider: 'AKS',
    now: '2026-12-12T12:12:00Z',
    summary:
      'A StatefulSet replica was evicted a few seconds ago for memory; the controller has not replaced it yet and the node still reports MemoryPressure.',
    sources: [HELPERS, MANAGER, CONDITIONS],
    build: (t, c) => {
      const s = statefulRollout(t, c, {
        ns: 'search',
        name: 'opensearch',
        image: 'docker.io/opensearchproject/opensearch:2.19.1',
        replicas: 3,
        ready: 2,
        container: 'opensearch',
      });
      const hot = k.node(t, c, 'aks-memopt-55501234-vmss000001', {
        pool: 'memopt',
        conditions: { MemoryPressure: [...k.PRESSURE.MemoryPressure, 40] },
        taints: [pressureTaint('node.kubernetes.io/memory-pressure', t, 40)],
      });
      const message =
        'The node was low on resource: memory. Threshold quantity: 750Mi, available: 702324Ki. Container opensearch was using 11876244Ki, request is 8Gi, has larger consumption of memory. ';
      const ready = (i, n) =>
        s.pod(i, {
          node: n,
          createdAgo: 3000 - i * 100,
          conditions: k.podConditions(t, { scheduledAgo: 2999 - i * 100 }),
          containers: [k.running(t, c, 'opensearch', s.image, { pod: `os-${i}`, startedAgo: 2990 - i * 100 })],
        });
      const [evicted, ...events] = failedPod(t, c, (tag, f) => s.pod(2, f), '2', hot.metadata.name, s.image, {
        reason: 'Evicted',
        statusMessage: message,
        eventReason: 'Evicted',
        ran: true,
        container: 'opensearch',
        createdAgo: 2800,
        failedAgo: 8,
        disruption: ['TerminationByKubelet', message],
      });
      return [
        ...s.objects,
        hot,
        k.node(t, c, 'aks-memopt-55501234-vmss000000', { pool: 'memopt' }),
        ready(0, 'aks-memopt-55501234-vmss000000'),
        ready(1, 'aks-memopt-55501234-vmss000000'),
        evicted,
        ...events,
        ...nodeEvents(t, hot, 'NodeHasInsufficientMemory', 'memory', 40),
      ];
    },
    expect: [
      { workload: 'StatefulSet/search/opensearch', category: 'evicted', fatal: false },
      { workload: 'StatefulSet/search/opensearch', category: 'node-pressure', fatal: false, node: 'aks-memopt-55501234-vmss000001' },
    ],
  },
  {
    name: 'evicted-memory-no-threshold-sentence',
    family: 'evicted',
    k8s: '1.37',
    provider: 'kubeadm',
    runtime: 'containerd://2.1.1',
    now: '2027-01-08T09:00:00Z',
    summary:
      'The eviction message without the threshold sentence (getThresholdMetInfo found no observation, e.g. the allocatable signal); MemoryPressure is True.',
    sources: [HELPERS + '; the threshold sentence is only added when getThresholdMetInfo returns both quantities', MANAGER, CONDITIONS],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'jobs',
        name: 'render-worker',
        image: 'registry.internal.acme.io/render/worker:5.5.0',
        replicas: 2,
        newReady: 1,
        container: 'worker',
        containerOptions: { resources: { requests: { cpu: '2', memory: '1Gi' } } },
      });
      const hot = k.node(t, c, 'gpu-node-03', {
        conditions: { MemoryPressure: [...k.PRESSURE.MemoryPressure, 200] },
        taints: [pressureTaint('node.kubernetes.io/memory-pressure', t, 200)],
      });
      const message =
        'The node was low on resource: memory. Container worker was using 3145728Ki, request is 1Gi, has larger consumption of memory. ';
      return [
        ...r.objects,
        hot,
        k.node(t, c, 'gpu-node-04'),
        healthy(t, c, r.newPod, 'a', 'gpu-node-04', r.image, { container: 'worker' }),
        ...failedPod(t, c, r.newPod, 'b', 'gpu-node-03', r.image, {
          reason: 'Evicted',
          statusMessage: message,
          eventReason: 'Evicted',
          ran: true,
          container: 'worker',
          createdAgo: 600,
          failedAgo: 190,
          disruption: ['TerminationByKubelet', message],
        }),
      ];
    },
    expect: [
      { workload: 'Deployment/jobs/render-worker', category: 'evicted', fatal: false },
      { workload: 'Deployment/jobs/render-worker', category: 'node-pressure', fatal: false, node: 'gpu-node-03' },
    ],
  },
];
