// Family 2: the pod sandbox cannot be created (FailedCreatePodSandBox): the CNI plugin cannot give the pod an IP,
// the runtime has no handler for the pod's RuntimeClass, or the sandbox (pause) image cannot be pulled.
import * as k from '../kube.mjs';
import { sandboxFailing } from '../patterns.mjs';
import { healthy, rollout, daemonRollout, batchJob } from '../scenarios.mjs';

const KUBELET_EVENT =
  'kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go@v1.37.2 (SyncPod: "Failed to create pod sandbox: %v", reason FailedCreatePodSandBox)';
const CD17_NETWORK = 'containerd pkg/cri/server/sandbox_run.go@v1.7.20 (RunPodSandbox: "failed to setup network for sandbox %q: %w")';
const CD20_NETWORK = 'containerd internal/cri/server/sandbox_run.go@v2.0.0 (RunPodSandbox: "failed to setup network for sandbox %q: %w")';
const LIBCNI = 'containernetworking/cni libcni/api.go (addNetwork: "plugin type=%q name=%q failed (add): %w")';
const AWS_IP = 'add cmd: failed to assign an IP address to container';

const ecr = (repo, tag) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}:${tag}`;

export const SANDBOX_CASES = [
  {
    name: 'sandbox-aws-cni-one-node',
    family: 'sandbox',
    k8s: '1.31',
    provider: 'EKS',
    now: '2026-03-14T09:30:00Z',
    summary: 'aws-node (VPC CNI) on one node has no free IP left for new pods; the other new replicas run on other nodes.',
    sources: [
      KUBELET_EVENT,
      CD17_NETWORK,
      `aws/amazon-vpc-cni-k8s cmd/routed-eni-cni-plugin/cni.go ("${AWS_IP}"); the full event as quoted in https://github.com/aws/karpenter-provider-aws/issues/3989 and https://github.com/kubernetes/kubernetes/issues/131071`,
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'shop',
        name: 'checkout-api',
        image: ecr('checkout-api', '2.14.0'),
        replicas: 3,
        newReady: 2,
        oldReplicas: 1,
      });
      const bad = 'ip-10-0-1-23.ec2.internal';
      return [
        ...r.objects,
        k.node(t, c, bad),
        k.node(t, c, 'ip-10-0-2-117.ec2.internal', { zone: 'us-east-1b' }),
        k.node(t, c, 'ip-10-0-3-54.ec2.internal', { zone: 'us-east-1c' }),
        healthy(t, c, r.newPod, 'a', 'ip-10-0-2-117.ec2.internal', r.image),
        healthy(t, c, r.newPod, 'b', 'ip-10-0-3-54.ec2.internal', r.image),
        healthy(t, c, r.oldPod, 'o1', 'ip-10-0-2-117.ec2.internal', r.oldImage, { createdAgo: 8 * 86400 }),
        ...sandboxFailing(
          t,
          c,
          r.newPod,
          'c',
          bad,
          r.image,
          (id) => `failed to setup network for sandbox "${id}": plugin type="aws-cni" name="aws-cni" failed (add): ${AWS_IP}`,
          {
            createdAgo: 420,
          },
        ),
      ];
    },
    expect: [
      { workload: 'Deployment/shop/checkout-api', category: 'sandbox-failed', fatal: true, node: 'ip-10-0-1-23.ec2.internal' },
      { workload: 'Deployment/shop/checkout-api', category: 'node-concentrated', fatal: true, node: 'ip-10-0-1-23.ec2.internal' },
    ],
  },
  {
    name: 'sandbox-aws-cni-subnet-exhausted',
    family: 'sandbox',
    k8s: '1.30',
    provider: 'EKS',
    now: '2026-01-20T16:05:00Z',
    format: 'per-kind',
    summary: 'The subnet is out of addresses: every new pod on every node fails to get an IP; the old replicas keep serving.',
    sources: [KUBELET_EVENT, CD17_NETWORK, `aws/amazon-vpc-cni-k8s ("${AWS_IP}"), https://github.com/aws/amazon-vpc-cni-k8s/issues/1791`],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'orders',
        name: 'order-router',
        image: ecr('order-router', '5.2.1'),
        replicas: 2,
        newReady: 0,
        oldReplicas: 2,
      });
      const n1 = 'ip-10-0-4-201.ec2.internal';
      const n2 = 'ip-10-0-5-18.ec2.internal';
      const cause = (id) => `failed to setup network for sandbox "${id}": plugin type="aws-cni" name="aws-cni" failed (add): ${AWS_IP}`;
      return [
        ...r.objects,
        k.node(t, c, n1),
        k.node(t, c, n2, { zone: 'us-east-1b' }),
        healthy(t, c, r.oldPod, 'o1', n1, r.oldImage, { createdAgo: 5 * 86400 }),
        healthy(t, c, r.oldPod, 'o2', n2, r.oldImage, { createdAgo: 5 * 86400 }),
        ...sandboxFailing(t, c, r.newPod, 'a', n1, r.image, cause, { createdAgo: 610 }),
        ...sandboxFailing(t, c, r.newPod, 'b', n2, r.image, cause, { createdAgo: 600 }),
      ];
    },
    expect: [{ workload: 'Deployment/orders/order-router', category: 'sandbox-failed', fatal: true }],
  },
  {
    name: 'sandbox-aws-cni-recovered',
    family: 'sandbox',
    k8s: '1.32',
    provider: 'EKS',
    now: '2026-02-02T11:00:00Z',
    summary:
      'Transient: the first sandbox attempt failed (warm IP pool empty), the next one got an address; the pod has been Ready for minutes. Nothing to report.',
    sources: [KUBELET_EVENT, `https://github.com/aws/amazon-vpc-cni-k8s/issues/3494 (the failure happens once, then the pod gets its IP)`],
    build: (t, c) => {
      const r = rollout(t, c, { ns: 'c-test', name: 'ops-platform', image: ecr('ops-platform', '0.9.3'), replicas: 2, newReady: 2 });
      const n = 'ip-10-65-141-46.eu-central-1.compute.internal';
      const p = healthy(t, c, r.newPod, 'a', n, r.image, { createdAgo: 401 });
      return [
        ...r.objects,
        k.node(t, c, n, { zone: 'eu-central-1a' }),
        k.node(t, c, 'ip-10-65-150-9.eu-central-1.compute.internal', { zone: 'eu-central-1b' }),
        p,
        healthy(t, c, r.newPod, 'b', 'ip-10-65-150-9.eu-central-1.compute.internal', r.image, { createdAgo: 395 }),
        k.scheduled(t, p, n, { ago: 400 }),
        k.event(
          t,
          p,
          'Warning',
          'FailedCreatePodSandBox',
          `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${k.hex64('recovered')}": plugin type="aws-cni" name="aws-cni" failed (add): ${AWS_IP}`,
          { lastAgo: 399 },
        ),
        k.event(t, p, 'Normal', 'Pulled', `Container image "${r.image}" already present on machine`, { container: 'app', lastAgo: 390 }),
        k.event(t, p, 'Normal', 'Created', 'Created container: app', { container: 'app', lastAgo: 390 }),
        k.event(t, p, 'Normal', 'Started', 'Started container app', { container: 'app', lastAgo: 389 }),
      ];
    },
    expectNone: true,
  },
  {
    name: 'sandbox-aws-cni-first-seconds',
    family: 'sandbox',
    k8s: '1.33',
    provider: 'EKS',
    runtime: 'containerd://2.0.5',
    now: '2026-04-09T07:45:10Z',
    summary:
      'Transient: a single new pod has failed to get an IP twice in its first 40 s; the CNI may still attach an ENI. Reported, not fatal yet.',
    sources: [KUBELET_EVENT, CD20_NETWORK, `aws/amazon-vpc-cni-k8s ("${AWS_IP}")`],
    build: (t, c) => {
      const r = rollout(t, c, { ns: 'search', name: 'indexer', image: ecr('indexer', '3.0.0'), replicas: 1, newReady: 0, oldReplicas: 1 });
      const n = 'ip-10-0-6-140.ec2.internal';
      return [
        ...r.objects,
        k.node(t, c, n),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 3 * 86400 }),
        ...sandboxFailing(
          t,
          c,
          r.newPod,
          'a',
          n,
          r.image,
          (id) => `failed to setup network for sandbox "${id}": plugin type="aws-cni" name="aws-cni" failed (add): ${AWS_IP}`,
          { createdAgo: 40, firstAgo: 36, lastAgo: 22, count: 2, sandboxChanged: false },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/search/indexer', category: 'sandbox-failed', fatal: false, node: 'ip-10-0-6-140.ec2.internal' }],
  },
  {
    name: 'sandbox-azure-cns-refused',
    family: 'sandbox',
    k8s: '1.30',
    provider: 'AKS',
    now: '2026-05-21T13:12:00Z',
    summary: 'Azure CNI cannot reach CNS on one node (azure-cns down there); the other replica is Ready on another node.',
    sources: [
      KUBELET_EVENT,
      CD17_NETWORK,
      'https://github.com/Azure/AKS/issues/4342 (azure-vnet "IPAM Invoker Add failed ... Failed to get IP address from CNS with error: %w: http request failed", the %w is in the real text)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'claims',
        name: 'claims-api',
        image: 'acmeprod.azurecr.io/claims-api:2025.05.2',
        replicas: 2,
        newReady: 1,
      });
      const bad = 'aks-nodepool1-12345678-vmss000000';
      const good = 'aks-nodepool1-12345678-vmss000001';
      return [
        ...r.objects,
        k.node(t, c, bad),
        k.node(t, c, good, { zone: 'westeurope-2' }),
        healthy(t, c, r.newPod, 'a', good, r.image),
        ...sandboxFailing(
          t,
          c,
          r.newPod,
          'b',
          bad,
          r.image,
          (id) =>
            `failed to setup network for sandbox "${id}": plugin type="azure-vnet" failed (add): IPAM Invoker Add failed with error: Failed to get IP address from CNS with error: %w: http request failed: Post "http://localhost:10090/network/requestipconfig": dial tcp 127.0.0.1:10090: connect: connection refused`,
          { createdAgo: 900 },
        ),
      ];
    },
    expect: [
      { workload: 'Deployment/claims/claims-api', category: 'sandbox-failed', fatal: true, node: 'aks-nodepool1-12345678-vmss000000' },
      { workload: 'Deployment/claims/claims-api', category: 'node-concentrated', fatal: true, node: 'aks-nodepool1-12345678-vmss000000' },
    ],
  },
  {
    name: 'sandbox-azure-not-enough-ips',
    family: 'sandbox',
    k8s: '1.32',
    provider: 'AKS',
    now: '2026-06-30T22:40:00Z',
    summary: 'Azure CNI (dynamic pod IP allocation) has no IPs left for new pods on either node while CNS waits for more.',
    sources: [
      KUBELET_EVENT,
      CD17_NETWORK,
      'https://github.com/MicrosoftDocs/architecture-center/pull/4402 (docs/operator-guides/aks/troubleshoot-network-aks.md quotes the event; the docs changed its double quotes to single quotes, restored here as the kubelet prints them)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'billing',
        name: 'invoice-worker',
        image: 'acmeprod.azurecr.io/invoice-worker:4.1.0',
        replicas: 2,
        newReady: 0,
        oldReplicas: 2,
      });
      const n1 = 'aks-userpool-31876540-vmss000003';
      const n2 = 'aks-userpool-31876540-vmss000004';
      const cause = (pod) => (id) =>
        `failed to setup network for sandbox "${id}": plugin type="azure-vnet" failed (add): IPAM Invoker Add failed with error: Failed to get IP address from CNS with error: %w: AllocateIPConfig failed: not enough IPs available for ${k.uid(`nc/${pod}`)}, waiting on Azure CNS to allocate more with NC Status: , IP config request is [IPConfigRequest: DesiredIPAddress , PodInterfaceID ${id.slice(0, 8)}-eth0, InfraContainerID ${id}, OrchestratorContext {"PodName":"${pod}","PodNamespace":"billing"}]`;
      const a = r.newPod('probe-a', {});
      const b = r.newPod('probe-b', {});
      return [
        ...r.objects,
        k.node(t, c, n1, { pool: 'userpool' }),
        k.node(t, c, n2, { pool: 'userpool', zone: 'westeurope-3' }),
        healthy(t, c, r.oldPod, 'o1', n1, r.oldImage, { createdAgo: 4 * 86400 }),
        healthy(t, c, r.oldPod, 'o2', n2, r.oldImage, { createdAgo: 4 * 86400 }),
        ...sandboxFailing(t, c, r.newPod, 'probe-a', n1, r.image, cause(a.metadata.name), { createdAgo: 330 }),
        ...sandboxFailing(t, c, r.newPod, 'probe-b', n2, r.image, cause(b.metadata.name), { createdAgo: 320 }),
      ];
    },
    expect: [{ workload: 'Deployment/billing/invoice-worker', category: 'sandbox-failed', fatal: true }],
  },
  {
    name: 'sandbox-calico-unauthorized',
    family: 'sandbox',
    k8s: '1.31',
    provider: 'kubeadm',
    now: '2026-07-07T08:20:00Z',
    summary: "Calico's CNI plugin token is no longer accepted (error getting ClusterInformation: Unauthorized); no new pod gets a network.",
    sources: [
      KUBELET_EVENT,
      CD17_NETWORK,
      'https://github.com/projectcalico/calico/issues/9215 (k8s 1.31.0, Calico v3.26) and https://github.com/projectcalico/calico/issues/8379',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'default',
        name: 'mysql-proxy',
        image: 'docker.io/library/haproxy:3.0.5',
        oldImage: 'docker.io/library/haproxy:2.9.7',
        replicas: 2,
        newReady: 0,
        oldReplicas: 1,
      });
      const cause = (id) =>
        `failed to setup network for sandbox "${id}": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized`;
      return [
        ...r.objects,
        k.node(t, c, 'k8s-worker-01'),
        k.node(t, c, 'k8s-worker-02'),
        healthy(t, c, r.oldPod, 'o1', 'k8s-worker-01', r.oldImage, { createdAgo: 30 * 86400 }),
        ...sandboxFailing(t, c, r.newPod, 'a', 'k8s-worker-01', r.image, cause, { createdAgo: 260 }),
        ...sandboxFailing(t, c, r.newPod, 'b', 'k8s-worker-02', r.image, cause, { createdAgo: 255 }),
      ];
    },
    expect: [{ workload: 'Deployment/default/mysql-proxy', category: 'sandbox-failed', fatal: true }],
  },
  {
    name: 'sandbox-cilium-agent-down',
    family: 'sandbox',
    k8s: '1.33',
    provider: 'kubeadm',
    runtime: 'containerd://2.0.5',
    now: '2026-08-11T19:02:00Z',
    summary: 'The Cilium agent on one node is not running; its CNI plugin times out after 30 s. The other replicas are Ready elsewhere.',
    sources: [
      KUBELET_EVENT,
      CD20_NETWORK,
      'https://github.com/cilium/cilium/issues/40312 (Talos, Kubernetes 1.33.1: "(combined from similar events): ... plugin type=\\"cilium-cni\\" failed (add): unable to connect to Cilium agent ... Is the agent running?")',
      'cilium/cilium plugins/cilium-cni/cmd/cmd.go ("unable to connect to Cilium agent: %w")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, { ns: 'media', name: 'thumbnailer', image: 'ghcr.io/acme/thumbnailer:1.8.0', replicas: 3, newReady: 2 });
      const bad = 'talos-8qk-2vd';
      return [
        ...r.objects,
        k.node(t, c, 'talos-4mx-7lp'),
        k.node(t, c, 'talos-6rn-c9w'),
        k.node(t, c, bad),
        healthy(t, c, r.newPod, 'a', 'talos-4mx-7lp', r.image),
        healthy(t, c, r.newPod, 'b', 'talos-6rn-c9w', r.image),
        ...sandboxFailing(
          t,
          c,
          r.newPod,
          'c',
          bad,
          r.image,
          (id) =>
            `failed to setup network for sandbox "${id}": plugin type="cilium-cni" failed (add): unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http://localhost/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory Is the agent running?`,
          { createdAgo: 1500, count: 40 },
        ),
      ];
    },
    expect: [
      { workload: 'Deployment/media/thumbnailer', category: 'sandbox-failed', fatal: true, node: 'talos-8qk-2vd' },
      { workload: 'Deployment/media/thumbnailer', category: 'node-concentrated', fatal: true, node: 'talos-8qk-2vd' },
    ],
  },
  {
    name: 'sandbox-cilium-chained-daemonset',
    family: 'sandbox',
    k8s: '1.30',
    provider: 'EKS',
    now: '2026-01-05T03:33:00Z',
    summary:
      'Cilium in chaining mode on EKS: after an agent restart one node cannot create endpoints; the DaemonSet pod there stays ContainerCreating.',
    sources: [
      KUBELET_EVENT,
      CD17_NETWORK,
      'https://github.com/cilium/cilium/issues/25778 (plugin type="cilium-cni" name="cilium" failed (add): Unable to create endpoint: Cilium API client timeout exceeded)',
    ],
    build: (t, c) => {
      const nodes = ['ip-10-129-65-224.ec2.internal', 'ip-10-129-66-12.ec2.internal', 'ip-10-129-67-98.ec2.internal'];
      const d = daemonRollout(t, c, {
        ns: 'kuberhealthy',
        name: 'node-checker',
        image: 'docker.io/kuberhealthy/daemonset-check:v3.2.0',
        desired: 3,
        ready: 2,
      });
      return [
        ...d.objects,
        ...nodes.map((n) => k.node(t, c, n)),
        healthy(t, c, d.pod, nodes[0], nodes[0], d.image, { container: 'node-checker' }),
        healthy(t, c, d.pod, nodes[1], nodes[1], d.image, { container: 'node-checker' }),
        ...sandboxFailing(
          t,
          c,
          (tag, f) => d.pod(tag, f),
          nodes[2],
          nodes[2],
          d.image,
          (id) =>
            `failed to setup network for sandbox "${id}": plugin type="cilium-cni" name="cilium" failed (add): Unable to create endpoint: Cilium API client timeout exceeded`,
          { createdAgo: 6060, container: 'node-checker' },
        ),
      ];
    },
    expect: [
      { workload: 'DaemonSet/kuberhealthy/node-checker', category: 'sandbox-failed', fatal: true, node: 'ip-10-129-67-98.ec2.internal' },
      { workload: 'DaemonSet/kuberhealthy/node-checker', category: 'node-concentrated', fatal: true, node: 'ip-10-129-67-98.ec2.internal' },
    ],
  },
  {
    name: 'sandbox-gvisor-no-runtime-containerd17',
    family: 'sandbox',
    k8s: '1.30',
    provider: 'kubeadm',
    now: '2026-02-17T10:10:00Z',
    summary:
      'runtimeClassName: gvisor (RuntimeClass handler "gvisor"), but containerd on the nodes has no runtime of that name configured.',
    sources: [
      KUBELET_EVENT,
      'containerd pkg/cri/server/sandbox_run.go@v1.7.20 ("failed to get sandbox runtime: %w") and pkg/cri/sbserver/podsandbox/sandbox_run.go ("no runtime for %q is configured")',
      'https://github.com/kubernetes/minikube/issues/5463 (the same error for handler "runsc")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'sandboxed',
        name: 'untrusted-runner',
        image: 'ghcr.io/acme/runner:7.3.0',
        replicas: 2,
        newReady: 0,
        oldReplicas: 0,
        templateOptions: { runtimeClassName: 'gvisor' },
        oldTemplateOptions: {},
      });
      const cause = () => 'failed to get sandbox runtime: no runtime for "gvisor" is configured';
      return [
        ...r.objects,
        k.node(t, c, 'node-a1'),
        k.node(t, c, 'node-a2'),
        ...sandboxFailing(t, c, r.newPod, 'a', 'node-a1', r.image, cause, { createdAgo: 500 }),
        ...sandboxFailing(t, c, r.newPod, 'b', 'node-a2', r.image, cause, { createdAgo: 500 }),
      ];
    },
    expect: [{ workload: 'Deployment/sandboxed/untrusted-runner', category: 'sandbox-failed', fatal: true }],
  },
  {
    name: 'sandbox-gvisor-no-runtime-containerd2-job',
    family: 'sandbox',
    k8s: '1.34',
    provider: 'kubeadm',
    runtime: 'containerd://2.1.1',
    now: '2026-09-03T12:00:00Z',
    summary: 'A Job with runtimeClassName gvisor on containerd 2.1, which wraps the same error as "unable to get OCI runtime for sandbox".',
    sources: [
      KUBELET_EVENT,
      'containerd internal/cri/server/sandbox_run.go@v2.0.0 ("unable to get OCI runtime for sandbox %q: %w") and internal/cri/config/config.go@v2.1.0 ("no runtime for %q is configured")',
    ],
    build: (t, c) => {
      const j = batchJob(t, c, {
        ns: 'ci',
        name: 'untrusted-build-4812',
        image: 'ghcr.io/acme/builder:2026.09',
        templateOptions: { runtimeClassName: 'gvisor' },
        createdAgo: 400,
      });
      return [
        ...j.objects,
        k.node(t, c, 'ci-worker-7'),
        ...sandboxFailing(
          t,
          c,
          j.pod,
          'a',
          'ci-worker-7',
          j.image,
          (id) => `unable to get OCI runtime for sandbox "${id}": no runtime for "gvisor" is configured`,
          { createdAgo: 398, container: 'untrusted-build-4812' },
        ),
      ];
    },
    expect: [{ workload: 'Job/ci/untrusted-build-4812', category: 'sandbox-failed', fatal: true, node: 'ci-worker-7' }],
  },
  {
    name: 'sandbox-gvisor-runtimeclass-missing',
    family: 'sandbox',
    k8s: '1.35',
    provider: 'GKE',
    now: '2026-10-12T15:45:00Z',
    summary:
      'The RuntimeClass "gvisor" does not exist in the cluster (GKE Sandbox not enabled): the API server refuses the pods, the ReplicaSet cannot create any.',
    sources: [
      'kubernetes/kubernetes plugin/pkg/admission/runtimeclass/admission.go@v1.37.2 ("pod rejected: RuntimeClass %q not found")',
      'kubernetes/kubernetes pkg/controller/replicaset/replica_set.go (FailedCreate event "Error creating: %v", ReplicaFailure condition)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'sandboxed',
        name: 'pdf-render',
        image: 'us-docker.pkg.dev/acme-prod-4711/apps/pdf-render:3.3.0',
        replicas: 2,
        newReplicas: 1,
        newReady: 0,
        oldReplicas: 2,
        templateOptions: { runtimeClassName: 'gvisor' },
        oldTemplateOptions: {},
        rsConditions: [
          {
            lastTransitionTime: t.at(290),
            message: `pods "pdf-render-${k.suffix('sandboxed/pdf-render/new', 10)}-" is forbidden: pod rejected: RuntimeClass "gvisor" not found`,
            reason: 'FailedCreate',
            status: 'True',
            type: 'ReplicaFailure',
          },
        ],
      });
      const n = 'gke-prod-pool-1-abc123-xyz';
      return [
        ...r.objects,
        k.node(t, c, n, { pool: 'pool-1' }),
        healthy(t, c, r.oldPod, 'o1', n, r.oldImage, { createdAgo: 86400 }),
        healthy(t, c, r.oldPod, 'o2', n, r.oldImage, { createdAgo: 86400 }),
        k.event(
          t,
          r.newRS,
          'Warning',
          'FailedCreate',
          `Error creating: pods "pdf-render-${k.suffix('sandboxed/pdf-render/new', 10)}-" is forbidden: pod rejected: RuntimeClass "gvisor" not found`,
          { component: 'replicaset-controller', firstAgo: 290, lastAgo: 15, count: 16 },
        ),
      ];
    },
    expect: [{ workload: 'Deployment/sandboxed/pdf-render', category: 'admission-denied', fatal: true }],
  },
  {
    name: 'sandbox-pause-image-no-basic-auth',
    family: 'sandbox',
    k8s: '1.30',
    provider: 'EKS',
    now: '2026-03-02T06:15:00Z',
    summary:
      'The kubelet garbage-collected the pause image on one node and containerd cannot pull it back from ECR without credentials; the other nodes are fine.',
    sources: [
      KUBELET_EVENT,
      'containerd pkg/cri/server/sandbox_run.go@v1.7.20 ("failed to get sandbox image %q: %w")',
      'https://github.com/awslabs/amazon-eks-ami/issues/2061 (AMI amazon-eks-node-1.30-v20241109) and https://github.com/awslabs/amazon-eks-ami/issues/2166',
    ],
    build: (t, c) => {
      const r = rollout(t, c, { ns: 'web', name: 'frontend', image: ecr('frontend', '2026.03.1'), replicas: 3, newReady: 2 });
      const bad = 'ip-10-0-1-23.ec2.internal';
      const pause = '602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/pause:3.5';
      return [
        ...r.objects,
        k.node(t, c, bad),
        k.node(t, c, 'ip-10-0-2-88.ec2.internal'),
        healthy(t, c, r.newPod, 'a', 'ip-10-0-2-88.ec2.internal', r.image),
        healthy(t, c, r.newPod, 'b', 'ip-10-0-2-88.ec2.internal', r.image),
        ...sandboxFailing(
          t,
          c,
          r.newPod,
          'c',
          bad,
          r.image,
          () =>
            `failed to get sandbox image "${pause}": failed to pull image "${pause}": failed to pull and unpack image "${pause}": failed to resolve reference "${pause}": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`,
          { createdAgo: 2900, count: 210, sandboxChanged: false },
        ),
      ];
    },
    expect: [
      { workload: 'Deployment/web/frontend', category: 'sandbox-failed', fatal: true, node: 'ip-10-0-1-23.ec2.internal' },
      { workload: 'Deployment/web/frontend', category: 'node-concentrated', fatal: true, node: 'ip-10-0-1-23.ec2.internal' },
    ],
  },
  {
    name: 'sandbox-pause-image-401-containerd2',
    family: 'sandbox',
    k8s: '1.33',
    provider: 'EKS',
    runtime: 'containerd://2.0.5',
    now: '2026-05-05T05:05:00Z',
    summary:
      'containerd 2.0 wraps the pause-image pull failure in "failed to start sandbox"; both new pods landed on the one node that lost its image.',
    sources: [
      KUBELET_EVENT,
      'containerd internal/cri/server/sandbox_run.go@v2.0.0 ("failed to start sandbox %q: %w") and internal/cri/server/podsandbox/sandbox_run.go@v2.0.0 ("failed to get sandbox image %q: %w")',
      'https://github.com/awslabs/amazon-eks-ami/issues/1740 (unexpected status from HEAD request ... 401 Unauthorized)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'iwork',
        name: 'iwork-ui',
        image: ecr('iwork-ui', '1.12.0'),
        replicas: 2,
        newReady: 0,
        oldReplicas: 1,
      });
      const bad = 'ip-172-31-47-25.ap-south-1.compute.internal';
      const pause = '602401143452.dkr.ecr.ap-south-1.amazonaws.com/eks/pause:3.10';
      const cause = (id) =>
        `failed to start sandbox "${id}": failed to get sandbox image "${pause}": failed to pull image "${pause}": failed to pull and unpack image "${pause}": failed to resolve reference "${pause}": unexpected status from HEAD request to https://602401143452.dkr.ecr.ap-south-1.amazonaws.com/v2/eks/pause/manifests/3.10: 401 Unauthorized`;
      return [
        ...r.objects,
        k.node(t, c, bad, { zone: 'ap-south-1a' }),
        k.node(t, c, 'ip-172-31-12-9.ap-south-1.compute.internal', { zone: 'ap-south-1b' }),
        healthy(t, c, r.oldPod, 'o1', 'ip-172-31-12-9.ap-south-1.compute.internal', r.oldImage, { createdAgo: 86400 }),
        ...sandboxFailing(t, c, r.newPod, 'a', bad, r.image, cause, { createdAgo: 300, sandboxChanged: false }),
        ...sandboxFailing(t, c, r.newPod, 'b', bad, r.image, cause, { createdAgo: 300, sandboxChanged: false }),
      ];
    },
    expect: [
      {
        workload: 'Deployment/iwork/iwork-ui',
        category: 'sandbox-failed',
        fatal: true,
        node: 'ip-172-31-47-25.ap-south-1.compute.internal',
      },
    ],
  },
  {
    name: 'sandbox-gke-host-local-exhausted',
    family: 'sandbox',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-06-01T18:30:00Z',
    summary:
      "One GKE node's pod range is full of leaked host-local allocations; new pods there cannot get an IP while the same pods run on other nodes.",
    sources: [
      KUBELET_EVENT,
      CD17_NETWORK,
      LIBCNI,
      'https://github.com/kubernetes/test-infra/issues/13039 (GKE node gke-prow-containerd-pool-bigger-170c3937-fzx9: "failed to allocate for range 0: no IP addresses available in range set: 10.60.28.1-10.60.28.254")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'test-pods',
        name: 'prow-runner',
        image: 'gcr.io/k8s-prow/entrypoint:v20260520-1a2b3c4',
        replicas: 4,
        newReady: 3,
      });
      const bad = 'gke-prow-containerd-pool-bigger-170c3937-fzx9';
      const good = ['gke-prow-containerd-pool-bigger-170c3937-k2lq', 'gke-prow-containerd-pool-bigger-170c3937-w8tm'];
      return [
        ...r.objects,
        k.node(t, c, bad, { pool: 'containerd-pool-bigger' }),
        ...good.map((n) => k.node(t, c, n, { pool: 'containerd-pool-bigger' })),
        healthy(t, c, r.newPod, 'a', good[0], r.image),
        healthy(t, c, r.newPod, 'b', good[1], r.image),
        healthy(t, c, r.newPod, 'c', good[1], r.image),
        ...sandboxFailing(
          t,
          c,
          r.newPod,
          'd',
          bad,
          r.image,
          (id) =>
            `failed to setup network for sandbox "${id}": plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.60.28.1-10.60.28.254`,
          { createdAgo: 1500, count: 106 },
        ),
      ];
    },
    expect: [
      {
        workload: 'Deployment/test-pods/prow-runner',
        category: 'sandbox-failed',
        fatal: true,
        node: 'gke-prow-containerd-pool-bigger-170c3937-fzx9',
      },
      {
        workload: 'Deployment/test-pods/prow-runner',
        category: 'node-concentrated',
        fatal: true,
        node: 'gke-prow-containerd-pool-bigger-170c3937-fzx9',
      },
    ],
  },
];
