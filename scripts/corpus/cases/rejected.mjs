// Family 5: the kubelet refused the pod at admission (phase Failed, reason SysctlForbidden / OutOfcpu / OutOfmemory /
// NodeAffinity / UnexpectedAdmissionError / NodeShutdown, message "Pod was rejected: ...") or killed it for a graceful
// node shutdown (reason Terminated). The planned category is pod-rejected. A rejection the same template will meet on
// every node (a forbidden sysctl) is fatal; the others are races the replacement pod usually wins.
import * as k from '../kube.mjs';
import { failedPod } from '../patterns.mjs';
import { healthy, rollout } from '../scenarios.mjs';

const REJECT =
  'kubernetes/kubernetes pkg/kubelet/kubelet.go@v1.37.2 (rejectPod: event <reason> with the message, status phase Failed, reason <reason>, message "Pod was rejected: " + message)';
const PREDICATE =
  'kubernetes/kubernetes pkg/kubelet/lifecycle/predicate.go@v1.37.2 (OutOfcpu/OutOfmemory/OutOfpods: "Node didn\'t have enough resource: %s, requested: %d, used: %d, capacity: %d"; PredicateFailureError "Predicate %s failed: %s")';

function rejectedCase(o) {
  return {
    family: 'rejected',
    ...o,
    build: (t, c) => {
      const r = rollout(t, c, o.rollout);
      const good = o.goodNode;
      const bad = o.badNode;
      const rejected = o.tags.flatMap((tag, i) =>
        failedPod(t, c, r.newPod, tag, bad, r.image, {
          reason: o.reason,
          statusMessage: o.statusMessage ?? `Pod was rejected: ${o.message}`,
          eventReason: 'eventReason' in o ? o.eventReason : o.reason,
          eventMessage: o.message,
          rejected: !o.ran,
          ran: o.ran,
          exitCode: o.exitCode,
          container: o.rollout.container,
          createdAgo: (o.createdAgo ?? 200) - i * 20,
          failedAgo: (o.failedAgo ?? 198) - i * 20,
          disruption: o.disruption,
        }),
      );
      return [
        ...r.objects,
        k.node(t, c, bad, o.badNodeOptions ?? {}),
        ...(good ? [k.node(t, c, good, o.goodNodeOptions ?? {})] : []),
        ...(good && o.replaced !== false
          ? [healthy(t, c, r.newPod, 'ok', good, r.image, { createdAgo: 150, container: o.rollout.container })]
          : []),
        ...rejected,
      ];
    },
  };
}

export const REJECTED_CASES = [
  rejectedCase({
    name: 'rejected-sysctl-forbidden',
    k8s: '1.32',
    provider: 'kubeadm',
    now: '2026-07-01T10:00:00Z',
    summary:
      'The new template sets an unsafe sysctl the kubelets do not allow (--allowed-unsafe-sysctls). Every replacement is rejected the same way.',
    sources: [
      REJECT,
      'kubernetes/kubernetes pkg/kubelet/sysctl/allowlist.go@v1.37.2 (reason "SysctlForbidden", "forbidden sysctl: %v", "%q not allowlisted")',
    ],
    rollout: {
      ns: 'messaging',
      name: 'mq-bridge',
      image: 'ghcr.io/acme/mq-bridge:2.0.0',
      replicas: 2,
      newReady: 0,
      oldReplicas: 2,
      templateOptions: { podSecurityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } },
      oldTemplateOptions: {},
    },
    badNode: 'worker-03',
    goodNode: 'worker-04',
    replaced: false,
    reason: 'SysctlForbidden',
    message: 'forbidden sysctl: "kernel.msgmax" not allowlisted',
    tags: ['a', 'b', 'c'],
    expect: [{ workload: 'Deployment/messaging/mq-bridge', category: 'pod-rejected', fatal: true }],
  }),
  rejectedCase({
    name: 'rejected-sysctl-host-network',
    k8s: '1.36',
    provider: 'EKS',
    now: '2026-12-03T08:45:00Z',
    summary: 'A net.* sysctl in a hostNetwork pod is refused by the kubelet whatever the allowlist; the template cannot run anywhere.',
    sources: [REJECT, 'kubernetes/kubernetes pkg/kubelet/sysctl/allowlist.go@v1.37.2 (nsErrorFmt "%q not allowed with host %s enabled")'],
    rollout: {
      ns: 'edge',
      name: 'lb-agent',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/lb-agent:1.3.0',
      replicas: 1,
      newReady: 0,
      oldReplicas: 1,
      templateOptions: { podSecurityContext: { sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65000' }] } },
      oldTemplateOptions: {},
    },
    badNode: 'ip-10-0-1-23.ec2.internal',
    goodNode: 'ip-10-0-2-117.ec2.internal',
    replaced: false,
    reason: 'SysctlForbidden',
    message: 'forbidden sysctl: "net.ipv4.ip_local_port_range" not allowed with host net enabled',
    tags: ['a', 'b'],
    expect: [{ workload: 'Deployment/edge/lb-agent', category: 'pod-rejected', fatal: true }],
  }),
  rejectedCase({
    name: 'rejected-out-of-cpu',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-02-24T15:30:00Z',
    summary:
      "The scheduler's view was stale (a static pod grew); the kubelet refused the pod with OutOfcpu and the ReplicaSet's replacement runs on another node.",
    sources: [REJECT, PREDICATE],
    rollout: {
      ns: 'web',
      name: 'image-resizer',
      image: 'us-docker.pkg.dev/acme-prod-4711/web/image-resizer:3.2.0',
      replicas: 2,
      newReady: 2,
    },
    badNode: 'gke-prod-pool-1-9c2e4f1a-1xkq',
    badNodeOptions: { pool: 'pool-1' },
    goodNode: 'gke-prod-pool-1-9c2e4f1a-qm3n',
    goodNodeOptions: { pool: 'pool-1' },
    reason: 'OutOfcpu',
    message: "Node didn't have enough resource: cpu, requested: 250, used: 3750, capacity: 3920",
    tags: ['a'],
    expect: [{ workload: 'Deployment/web/image-resizer', category: 'pod-rejected', fatal: false }],
  }),
  rejectedCase({
    name: 'rejected-out-of-memory',
    k8s: '1.30',
    provider: 'EKS',
    now: '2026-01-09T09:09:00Z',
    summary: 'OutOfmemory at kubelet admission (requests in bytes); replaced on another node.',
    sources: [REJECT, PREDICATE],
    rollout: {
      ns: 'analytics',
      name: 'query-api',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/query-api:7.7.0',
      replicas: 2,
      newReady: 2,
      containerOptions: { resources: { limits: { memory: '2Gi' }, requests: { cpu: '500m', memory: '2Gi' } } },
    },
    badNode: 'ip-10-0-12-7.ec2.internal',
    goodNode: 'ip-10-0-13-88.ec2.internal',
    reason: 'OutOfmemory',
    message: "Node didn't have enough resource: memory, requested: 2147483648, used: 6400507904, capacity: 7466852352",
    tags: ['a'],
    expect: [{ workload: 'Deployment/analytics/query-api', category: 'pod-rejected', fatal: false }],
  }),
  rejectedCase({
    name: 'rejected-out-of-pods',
    k8s: '1.34',
    provider: 'EKS',
    now: '2026-08-08T18:18:00Z',
    summary: "The node's max-pods (29 on m6i.large with the VPC CNI) was already reached when the pod arrived: OutOfpods.",
    sources: [REJECT, PREDICATE],
    rollout: { ns: 'shop', name: 'cart', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/cart:5.0.1', replicas: 2, newReady: 2 },
    badNode: 'ip-10-0-1-23.ec2.internal',
    goodNode: 'ip-10-0-4-44.ec2.internal',
    reason: 'OutOfpods',
    message: "Node didn't have enough resource: pods, requested: 1, used: 29, capacity: 29",
    tags: ['a'],
    expect: [{ workload: 'Deployment/shop/cart', category: 'pod-rejected', fatal: false }],
  }),
  rejectedCase({
    name: 'rejected-node-affinity-130',
    k8s: '1.30',
    provider: 'GKE',
    now: '2026-03-18T05:55:00Z',
    summary:
      'A preempted spot VM came back under the same name without the pool label yet; the kubelet failed the pod with NodeAffinity (1.30 text, no description).',
    sources: [
      REJECT,
      'kubernetes/kubernetes pkg/kubelet/lifecycle/predicate.go before https://github.com/kubernetes/kubernetes/pull/125498 ("Predicate %s failed")',
      'https://github.com/flyteorg/flyte/issues/3958 (GKE v1.25.10: "Predicate NodeAffinity failed" after a preempted node was recreated)',
    ],
    rollout: {
      ns: 'ml',
      name: 'feature-server',
      image: 'us-docker.pkg.dev/acme-prod-4711/ml/feature-server:0.31.0',
      replicas: 2,
      newReady: 2,
      templateOptions: { nodeSelector: { 'cloud.google.com/gke-nodepool': 'spot-pool' } },
    },
    badNode: 'gke-prod-spot-pool-5e0f7a21-vq4z',
    badNodeOptions: { spot: true, pool: 'spot-pool' },
    goodNode: 'gke-prod-spot-pool-5e0f7a21-b7mc',
    goodNodeOptions: { spot: true, pool: 'spot-pool' },
    reason: 'NodeAffinity',
    message: 'Predicate NodeAffinity failed',
    tags: ['a'],
    expect: [{ workload: 'Deployment/ml/feature-server', category: 'pod-rejected', fatal: false }],
  }),
  rejectedCase({
    name: 'rejected-node-affinity-133',
    k8s: '1.33',
    provider: 'AKS',
    now: '2026-06-06T06:06:00Z',
    summary: 'The same rejection on 1.31+, where the kubelet adds the predicate description.',
    sources: [
      REJECT,
      PREDICATE,
      'https://github.com/kubernetes/kubernetes/pull/125498 (kubelet: Surface description for predicate failed Events, in 1.31)',
    ],
    rollout: {
      ns: 'ml',
      name: 'embedder',
      image: 'acmeprod.azurecr.io/ml/embedder:2.0.0',
      replicas: 2,
      newReady: 2,
      templateOptions: { nodeSelector: { 'kubernetes.azure.com/agentpool': 'gpupool' } },
    },
    badNode: 'aks-gpupool-22334455-vmss000001',
    badNodeOptions: { pool: 'gpupool' },
    goodNode: 'aks-gpupool-22334455-vmss000002',
    goodNodeOptions: { pool: 'gpupool' },
    reason: 'NodeAffinity',
    message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    tags: ['a'],
    expect: [{ workload: 'Deployment/ml/embedder', category: 'pod-rejected', fatal: false }],
  }),
  rejectedCase({
    name: 'rejected-gpu-unexpected-admission',
    k8s: '1.32',
    provider: 'GKE',
    now: '2026-05-12T12:30:00Z',
    summary: 'The NVIDIA device plugin restarted and reported no healthy GPU at the moment of admission: UnexpectedAdmissionError.',
    sources: [
      REJECT,
      'kubernetes/kubernetes pkg/kubelet/cm/admission/errors.go@v1.37.2 ("Allocate failed due to %v, which is unexpected", reason UnexpectedAdmissionError)',
      'kubernetes/kubernetes pkg/kubelet/cm/devicemanager/manager.go@v1.37.2 ("requested number of devices unavailable for %s. Requested: %d, Available: %d")',
    ],
    rollout: {
      ns: 'ml',
      name: 'llm-inference',
      image: 'us-docker.pkg.dev/acme-prod-4711/ml/llm-inference:1.9.0',
      replicas: 2,
      newReady: 2,
      containerOptions: {
        resources: { limits: { memory: '24Gi', 'nvidia.com/gpu': '1' }, requests: { cpu: '4', memory: '24Gi', 'nvidia.com/gpu': '1' } },
      },
    },
    badNode: 'gke-prod-gpu-l4-0b1c2d3e-6tqw',
    badNodeOptions: { pool: 'gpu-l4', instanceType: 'g2-standard-8', extraAllocatable: { 'nvidia.com/gpu': '1' } },
    goodNode: 'gke-prod-gpu-l4-0b1c2d3e-p9xs',
    goodNodeOptions: { pool: 'gpu-l4', instanceType: 'g2-standard-8', extraAllocatable: { 'nvidia.com/gpu': '1' } },
    reason: 'UnexpectedAdmissionError',
    message:
      'Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected',
    tags: ['a'],
    expect: [{ workload: 'Deployment/ml/llm-inference', category: 'pod-rejected', fatal: false }],
  }),
  rejectedCase({
    name: 'rejected-node-shutting-down',
    k8s: '1.33',
    provider: 'GKE',
    now: '2026-06-20T22:00:00Z',
    summary: 'The pod reached a spot node that had already started its graceful shutdown: NodeShutdown at admission.',
    sources: [
      REJECT,
      'kubernetes/kubernetes pkg/kubelet/nodeshutdown/nodeshutdown_manager.go@v1.37.2 (NodeShutdownNotAdmittedReason "NodeShutdown", "Pod was rejected as the node is shutting down.")',
    ],
    rollout: {
      ns: 'web',
      name: 'session-cache',
      image: 'us-docker.pkg.dev/acme-prod-4711/web/session-cache:2.2.2',
      replicas: 2,
      newReady: 2,
    },
    badNode: 'gke-prod-spot-pool-5e0f7a21-zz81',
    badNodeOptions: { spot: true, pool: 'spot-pool' },
    goodNode: 'gke-prod-spot-pool-5e0f7a21-b7mc',
    goodNodeOptions: { spot: true, pool: 'spot-pool' },
    reason: 'NodeShutdown',
    message: 'Pod was rejected as the node is shutting down.',
    tags: ['a'],
    expect: [{ workload: 'Deployment/web/session-cache', category: 'pod-rejected', fatal: false }],
  }),
  rejectedCase({
    name: 'terminated-graceful-node-shutdown',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-04-22T03:03:00Z',
    summary:
      'The spot VM was preempted; the kubelet ended the running pod for the graceful node shutdown (reason Terminated). The node came back and the replacement runs.',
    sources: [
      'kubernetes/kubernetes pkg/kubelet/nodeshutdown/nodeshutdown_manager.go@v1.37.2 (nodeShutdownReason "Terminated", nodeShutdownMessage "Pod was terminated in response to imminent node shutdown.", DisruptionTarget reason TerminationByKubelet)',
    ],
    rollout: { ns: 'web', name: 'pricing-ui', image: 'us-docker.pkg.dev/acme-prod-4711/web/pricing-ui:6.1.0', replicas: 2, newReady: 2 },
    badNode: 'gke-prod-spot-pool-5e0f7a21-vq4z',
    badNodeOptions: { spot: true, pool: 'spot-pool' },
    goodNode: 'gke-prod-spot-pool-5e0f7a21-b7mc',
    goodNodeOptions: { spot: true, pool: 'spot-pool' },
    reason: 'Terminated',
    statusMessage: 'Pod was terminated in response to imminent node shutdown.',
    eventReason: null,
    message: 'Pod was terminated in response to imminent node shutdown.',
    ran: true,
    exitCode: 143,
    createdAgo: 1800,
    failedAgo: 600,
    disruption: ['TerminationByKubelet', 'Pod was terminated in response to imminent node shutdown.'],
    tags: ['a'],
    expect: [{ workload: 'Deployment/web/pricing-ui', category: 'pod-rejected', fatal: false }],
  }),
];
