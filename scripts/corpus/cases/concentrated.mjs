// Family 1: a workload's failures all sit on one node while its other new pods are Ready elsewhere. The finding names
// the node (node-concentrated) and still says what fails there (crash-loop, exec-format-error...), one per cause.
import * as k from '../kube.mjs';
import { crashLooping, podRef } from '../patterns.mjs';
import { healthy, rollout, statefulRollout } from '../scenarios.mjs';

const BACKOFF =
  'kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go@v1.37.2 ("back-off %s restarting failed container=%s pod=%s"; event BackOff "Back-off restarting failed container %s in pod %s")';
const FALLBACK =
  'terminationMessagePolicy: FallbackToLogsOnError puts the last log lines into lastState.terminated.message (pkg/kubelet/kuberuntime/kuberuntime_container.go)';

export const CONCENTRATED_CASES = [
  {
    name: 'concentrated-exit127-gke',
    family: 'concentrated',
    k8s: '1.31',
    provider: 'GKE',
    now: '2026-02-11T14:20:00Z',
    summary:
      'The entrypoint execs a vendor agent from a hostPath that only some nodes have; on the one node without it both pods there exit 127.',
    sources: [
      BACKOFF,
      FALLBACK,
      'exit status 127 with "/bin/sh: 1: <cmd>: not found" is dash\'s command-not-found (POSIX sh exit status for a command not found)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'web',
        name: 'storefront',
        image: 'us-docker.pkg.dev/acme-prod-4711/web/storefront:8.4.0',
        replicas: 5,
        newReady: 3,
        containerOptions: {
          command: ['/bin/sh', '-c', 'exec /opt/vendor/bin/agent --wrap node server.js'],
          terminationMessagePolicy: 'FallbackToLogsOnError',
        },
      });
      const [a, b, bad] = ['gke-prod-pool-1-9c2e4f1a-1xkq', 'gke-prod-pool-1-9c2e4f1a-7vzd', 'gke-prod-pool-1-9c2e4f1a-qm3n'];
      const crash = (tag) =>
        crashLooping(t, c, r.newPod, tag, bad, r.image, {
          exitCode: 127,
          message: '/bin/sh: 1: /opt/vendor/bin/agent: not found\n',
          restarts: 6,
          ranSeconds: 0,
        });
      return [
        ...r.objects,
        ...[a, b, bad].map((n) => k.node(t, c, n, { pool: 'pool-1' })),
        healthy(t, c, r.newPod, 'a', a, r.image),
        healthy(t, c, r.newPod, 'b', b, r.image),
        healthy(t, c, r.newPod, 'c', a, r.image),
        ...crash('d'),
        ...crash('e'),
      ];
    },
    expect: [
      { workload: 'Deployment/web/storefront', category: 'node-concentrated', fatal: true, node: 'gke-prod-pool-1-9c2e4f1a-qm3n' },
      { workload: 'Deployment/web/storefront', category: 'crash-loop', fatal: true },
    ],
  },
  {
    name: 'concentrated-exec-format-arm64',
    family: 'concentrated',
    k8s: '1.33',
    provider: 'EKS',
    now: '2026-05-19T08:00:00Z',
    summary:
      'The image is amd64-only; Karpenter added a Graviton (arm64) node and the two replicas placed there crash with exec format error.',
    sources: [
      BACKOFF,
      FALLBACK,
      'https://github.com/kubernetes/node-problem-detector/issues/797 ("exec /node-problem-detector: exec format error" on arm64 nodes)',
      'https://github.com/containerd/containerd/issues/12243 (exec format error on one node only)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'payments',
        name: 'ledger-api',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/ledger-api:6.0.2',
        replicas: 4,
        newReady: 2,
        containerOptions: { terminationMessagePolicy: 'FallbackToLogsOnError' },
      });
      const arm = 'ip-10-0-3-77.ec2.internal';
      const crash = (tag) =>
        crashLooping(t, c, r.newPod, tag, arm, r.image, {
          exitCode: 255,
          message: 'exec /usr/local/bin/ledger-api: exec format error\n',
          restarts: 4,
          ranSeconds: 0,
        });
      return [
        ...r.objects,
        k.node(t, c, 'ip-10-0-1-23.ec2.internal'),
        k.node(t, c, 'ip-10-0-2-117.ec2.internal', { zone: 'us-east-1b' }),
        k.node(t, c, arm, {
          arch: 'arm64',
          zone: 'us-east-1c',
          capacityType: 'SPOT',
          labels: { 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'spot' },
        }),
        healthy(t, c, r.newPod, 'a', 'ip-10-0-1-23.ec2.internal', r.image),
        healthy(t, c, r.newPod, 'b', 'ip-10-0-2-117.ec2.internal', r.image),
        ...crash('c'),
        ...crash('d'),
      ];
    },
    expect: [
      { workload: 'Deployment/payments/ledger-api', category: 'node-concentrated', fatal: true, node: 'ip-10-0-3-77.ec2.internal' },
      { workload: 'Deployment/payments/ledger-api', category: 'exec-format-error', fatal: true },
    ],
  },
  {
    name: 'concentrated-two-causes-aks',
    family: 'concentrated',
    k8s: '1.32',
    provider: 'AKS',
    now: '2026-07-22T10:45:00Z',
    summary:
      'One node was provisioned from an old image: a helper binary is missing (exit 127) and the corporate CA file the second container mounts does not exist there (runc StartError).',
    sources: [
      BACKOFF,
      FALLBACK,
      'containerd/runc start errors as the kubelet reports them (reason StartError, exit code 128, "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting ..."): https://github.com/containerd/containerd/issues/7388',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'claims',
        name: 'doc-ingest',
        image: 'acmeprod.azurecr.io/doc-ingest:3.9.1',
        replicas: 4,
        newReady: 2,
        containerOptions: { terminationMessagePolicy: 'FallbackToLogsOnError' },
      });
      const bad = 'aks-nodepool1-12345678-vmss000002';
      const crash = crashLooping(t, c, r.newPod, 'c', bad, r.image, {
        exitCode: 127,
        message: '/docker-entrypoint.sh: line 12: envsubst: command not found\n',
        restarts: 5,
      });
      const start = crashLooping(t, c, r.newPod, 'd', bad, r.image, {
        exitCode: 128,
        reason: 'StartError',
        restarts: 5,
        ranSeconds: 0,
        message:
          'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "/etc/pki/corp/ca.pem" to rootfs at "/etc/ssl/certs/corp-ca.pem": mount /etc/pki/corp/ca.pem:/etc/ssl/certs/corp-ca.pem (via /proc/self/fd/6), flags: 0x5001: no such file or directory: unknown',
      });
      return [
        ...r.objects,
        k.node(t, c, 'aks-nodepool1-12345678-vmss000000'),
        k.node(t, c, 'aks-nodepool1-12345678-vmss000001', { zone: 'westeurope-2' }),
        k.node(t, c, bad, { zone: 'westeurope-3' }),
        healthy(t, c, r.newPod, 'a', 'aks-nodepool1-12345678-vmss000000', r.image),
        healthy(t, c, r.newPod, 'b', 'aks-nodepool1-12345678-vmss000001', r.image),
        ...crash,
        ...start,
      ];
    },
    expect: [
      { workload: 'Deployment/claims/doc-ingest', category: 'node-concentrated', fatal: true, node: 'aks-nodepool1-12345678-vmss000002' },
      { workload: 'Deployment/claims/doc-ingest', category: 'crash-loop', fatal: true },
      { workload: 'Deployment/claims/doc-ingest', category: 'container-start-error', fatal: true },
    ],
  },
  {
    name: 'concentrated-pull-timeout-one-node',
    family: 'concentrated',
    k8s: '1.30',
    provider: 'EKS',
    now: '2026-01-28T21:10:00Z',
    summary:
      "One node's route to the registry is broken (i/o timeout); the same image pulled fine on the other nodes. Transient by category: reported, not fatal.",
    sources: [
      'kubernetes/kubernetes pkg/kubelet/images/image_manager.go@v1.37.2 ("Back-off pulling image %q" + ": " + the previous pull error, since 1.30; event "Failed to pull image %q: %v")',
      'containerd remotes/docker resolver ("failed to resolve reference %q: failed to do request: Head %q: dial tcp ...: i/o timeout")',
    ],
    build: (t, c) => {
      const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout-api:2.15.0';
      const r = rollout(t, c, { ns: 'shop', name: 'checkout-api', image, replicas: 3, newReady: 2, oldReplicas: 1 });
      const bad = 'ip-10-0-9-201.ec2.internal';
      const cause = `failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/checkout-api/manifests/2.15.0": dial tcp 52.46.152.172:443: i/o timeout`;
      const p = r.newPod('c', {
        node: bad,
        phase: 'Pending',
        createdAgo: 240,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 239, readyAgo: 239 }),
        containers: [
          k.waiting(
            t,
            c,
            'app',
            image,
            'ImagePullBackOff',
            `Back-off pulling image "${image}": ErrImagePull: rpc error: code = DeadlineExceeded desc = ${cause}`,
          ),
        ],
      });
      return [
        ...r.objects,
        k.node(t, c, 'ip-10-0-1-23.ec2.internal'),
        k.node(t, c, 'ip-10-0-2-117.ec2.internal'),
        k.node(t, c, bad),
        healthy(t, c, r.newPod, 'a', 'ip-10-0-1-23.ec2.internal', image),
        healthy(t, c, r.newPod, 'b', 'ip-10-0-2-117.ec2.internal', image),
        healthy(t, c, r.oldPod, 'o1', 'ip-10-0-2-117.ec2.internal', r.oldImage, { createdAgo: 86400 }),
        p,
        k.scheduled(t, p, bad, { ago: 239 }),
        k.event(t, p, 'Normal', 'Pulling', `Pulling image "${image}"`, { container: 'app', firstAgo: 238, lastAgo: 70, count: 4 }),
        k.event(t, p, 'Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = DeadlineExceeded desc = ${cause}`, {
          container: 'app',
          firstAgo: 208,
          lastAgo: 40,
          count: 4,
        }),
        k.event(t, p, 'Warning', 'Failed', 'Error: ErrImagePull', { container: 'app', firstAgo: 208, lastAgo: 40, count: 4 }),
        k.event(t, p, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, { container: 'app', firstAgo: 207, lastAgo: 6, count: 9 }),
        k.event(t, p, 'Warning', 'Failed', 'Error: ImagePullBackOff', { container: 'app', firstAgo: 207, lastAgo: 6, count: 9 }),
      ];
    },
    expect: [
      { workload: 'Deployment/shop/checkout-api', category: 'node-concentrated', fatal: false, node: 'ip-10-0-9-201.ec2.internal' },
      { workload: 'Deployment/shop/checkout-api', category: 'image-pull-transient', fatal: false },
    ],
  },
  {
    name: 'concentrated-statefulset-no-avx',
    family: 'concentrated',
    k8s: '1.34',
    provider: 'kubeadm',
    now: '2026-09-09T09:09:00Z',
    summary:
      'MongoDB 5+ needs AVX; the replica scheduled onto the one older machine without it dies with SIGILL (exit 132) while the others run.',
    sources: [
      BACKOFF,
      FALLBACK,
      'docker-library/mongo docker-entrypoint.sh warning "WARNING: MongoDB 5.0+ requires a CPU with AVX support, and your current system does not appear to have that!"',
    ],
    build: (t, c) => {
      const s = statefulRollout(t, c, {
        ns: 'data',
        name: 'mongo',
        image: 'docker.io/library/mongo:7.0.14',
        replicas: 3,
        ready: 2,
        container: 'mongod',
        containerOptions: {
          terminationMessagePolicy: 'FallbackToLogsOnError',
          resources: { limits: { memory: '4Gi' }, requests: { cpu: '1', memory: '4Gi' } },
        },
      });
      const ready = (i, n) =>
        s.pod(i, {
          node: n,
          createdAgo: 900 - i * 200,
          conditions: k.podConditions(t, { scheduledAgo: 899 - i * 200 }),
          containers: [k.running(t, c, 'mongod', s.image, { pod: `mongo-${i}`, startedAgo: 880 - i * 200 })],
        });
      const bad = s.pod(2, {
        node: 'worker-legacy-04',
        createdAgo: 420,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 419, notReadyContainers: ['mongod'] }),
      });
      bad.status.containerStatuses = [
        k.waiting(t, c, 'mongod', s.image, 'CrashLoopBackOff', `back-off 2m40s restarting failed container=mongod pod=${podRef(bad)}`, {
          restartCount: 5,
          pod: 'mongo-2',
          lastState: k.ended(t, c, 132, 'Error', {
            finishedAgo: 50,
            message:
              '\nWARNING: MongoDB 5.0+ requires a CPU with AVX support, and your current system does not appear to have that!\n  see https://jira.mongodb.org/browse/SERVER-54407\n  see also https://www.mongodb.com/community/forums/t/mongodb-5-0-cpu-intel-g4650-compatibility/116610/2\n  see also https://github.com/docker-library/mongo/issues/485#issuecomment-891991814\n\n/usr/local/bin/docker-entrypoint.sh: line 416:    27 Illegal instruction     (core dumped) "${mongodArgs[@]}"\n',
          }),
        }),
      ];
      return [
        ...s.objects,
        k.node(t, c, 'worker-01'),
        k.node(t, c, 'worker-02'),
        k.node(t, c, 'worker-legacy-04'),
        ready(0, 'worker-01'),
        ready(1, 'worker-02'),
        bad,
        k.event(t, bad, 'Warning', 'BackOff', `Back-off restarting failed container mongod in pod ${podRef(bad)}`, {
          container: 'mongod',
          firstAgo: 400,
          lastAgo: 9,
          count: 23,
        }),
      ];
    },
    expect: [
      { workload: 'StatefulSet/data/mongo', category: 'node-concentrated', fatal: true, node: 'worker-legacy-04' },
      { workload: 'StatefulSet/data/mongo', category: 'crash-loop', fatal: true },
    ],
  },
  {
    name: 'concentrated-liveness-one-node',
    family: 'concentrated',
    k8s: '1.35',
    provider: 'GKE',
    now: '2026-11-02T16:00:00Z',
    summary:
      "The node's local DNS cache is broken, so the app's liveness endpoint (which checks its database by name) fails there and the kubelet keeps restarting it.",
    sources: [
      'kubernetes/kubernetes pkg/kubelet/prober/prober.go@v1.37.2 (event Unhealthy "%s probe failed: %s")',
      'kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (event Killing "Container %s failed liveness probe, will be restarted")',
      'kubernetes/kubernetes pkg/probe/http/http.go ("HTTP probe failed with statuscode: %d")',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'accounts',
        name: 'profile-svc',
        image: 'us-docker.pkg.dev/acme-prod-4711/apps/profile-svc:12.1.0',
        replicas: 3,
        newReady: 2,
        containerOptions: {
          livenessProbe: k.httpProbe('/healthz', 8080, { periodSeconds: 10 }),
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
        },
      });
      const bad = 'gke-prod-pool-2-41d0e7aa-c8pz';
      const p = r.newPod('c', {
        node: bad,
        createdAgo: 600,
        conditions: k.podConditions(t, { ready: false, scheduledAgo: 599, readyAgo: 25 }),
      });
      p.status.containerStatuses = [
        k.running(t, c, 'app', r.image, {
          pod: p.metadata.name,
          ready: false,
          restartCount: 4,
          startedAgo: 25,
          lastState: k.ended(t, c, 137, 'Error', { finishedAgo: 26, ranSeconds: 95 }),
        }),
      ];
      return [
        ...r.objects,
        k.node(t, c, 'gke-prod-pool-2-41d0e7aa-2bxw', { pool: 'pool-2' }),
        k.node(t, c, 'gke-prod-pool-2-41d0e7aa-9fhn', { pool: 'pool-2' }),
        k.node(t, c, bad, { pool: 'pool-2' }),
        healthy(t, c, r.newPod, 'a', 'gke-prod-pool-2-41d0e7aa-2bxw', r.image),
        healthy(t, c, r.newPod, 'b', 'gke-prod-pool-2-41d0e7aa-9fhn', r.image),
        p,
        k.event(t, p, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 503', {
          container: 'app',
          firstAgo: 560,
          lastAgo: 30,
          count: 12,
        }),
        k.event(t, p, 'Normal', 'Killing', 'Container app failed liveness probe, will be restarted', {
          container: 'app',
          firstAgo: 540,
          lastAgo: 27,
          count: 4,
        }),
      ];
    },
    expect: [
      { workload: 'Deployment/accounts/profile-svc', category: 'node-concentrated', fatal: true, node: 'gke-prod-pool-2-41d0e7aa-c8pz' },
      { workload: 'Deployment/accounts/profile-svc', category: 'liveness-probe-failing', fatal: true },
    ],
  },
  {
    name: 'concentrated-azurefile-mount-one-node',
    family: 'concentrated',
    k8s: '1.36',
    provider: 'AKS',
    now: '2026-12-01T07:30:00Z',
    summary: 'The SMB share mounts everywhere except on one node whose cifs module is missing after a kernel update (mount error 32).',
    sources: [
      'kubernetes/kubernetes pkg/volume/util/operationexecutor/operation_generator.go ("MountVolume.SetUp failed for volume %q : %v", event FailedMount)',
      'kubernetes-sigs/azurefile-csi-driver pkg/azurefile/nodeserver.go ("volume(%s) mount %s on %s failed with %v") with mount-utils "mount failed: exit status 32"',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'claims',
        name: 'scan-archiver',
        image: 'acmeprod.azurecr.io/scan-archiver:1.4.0',
        replicas: 3,
        newReady: 2,
        containerOptions: { volumeMounts: [{ mountPath: '/archive', name: 'archive' }] },
        templateOptions: { volumes: [{ name: 'archive', persistentVolumeClaim: { claimName: 'scan-archive' } }] },
      });
      const bad = 'aks-nodepool1-12345678-vmss000005';
      const vol = 'pvc-4b7c2a10-9e3d-4f1a-8c55-1d2e3f4a5b6c';
      const p = r.newPod('c', {
        node: bad,
        phase: 'Pending',
        createdAgo: 720,
        podIP: null,
        conditions: k.podConditions(t, { ready: false, sandbox: false, scheduledAgo: 719, readyAgo: 719 }),
        containers: [k.waiting(t, c, 'app', r.image, 'ContainerCreating', undefined)],
      });
      return [
        ...r.objects,
        k.node(t, c, 'aks-nodepool1-12345678-vmss000003'),
        k.node(t, c, 'aks-nodepool1-12345678-vmss000004'),
        k.node(t, c, bad),
        k.pvc(t, {
          ns: 'claims',
          name: 'scan-archive',
          phase: 'Bound',
          accessModes: ['ReadWriteMany'],
          storageClassName: 'azurefile-csi',
          size: '100Gi',
          volumeName: vol,
          createdAgo: 90 * 86400,
        }),
        healthy(t, c, r.newPod, 'a', 'aks-nodepool1-12345678-vmss000003', r.image),
        healthy(t, c, r.newPod, 'b', 'aks-nodepool1-12345678-vmss000004', r.image),
        p,
        k.scheduled(t, p, bad, { ago: 719 }),
        k.event(
          t,
          p,
          'Warning',
          'FailedMount',
          `MountVolume.MountDevice failed for volume "${vol}" : rpc error: code = Internal desc = volume(mc_rg-prod_aks-prod_westeurope#f4c1d2e3a4b5#scan-archive##claims#) mount //f4c1d2e3a4b5.file.core.windows.net/scan-archive on /var/lib/kubelet/plugins/kubernetes.io/csi/file.csi.azure.com/${k.hex64(vol)}/globalmount failed with mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t cifs -o mfsymlinks,actimeo=30,nosharesock,file_mode=0777,dir_mode=0777,<masked> //f4c1d2e3a4b5.file.core.windows.net/scan-archive /var/lib/kubelet/plugins/kubernetes.io/csi/file.csi.azure.com/${k.hex64(vol)}/globalmount\nOutput: mount: /var/lib/kubelet/plugins/kubernetes.io/csi/file.csi.azure.com/${k.hex64(vol)}/globalmount: unknown filesystem type 'cifs'.\n`,
          { firstAgo: 700, lastAgo: 50, count: 14 },
        ),
      ];
    },
    expect: [
      {
        workload: 'Deployment/claims/scan-archiver',
        category: 'node-concentrated',
        fatal: true,
        node: 'aks-nodepool1-12345678-vmss000005',
      },
      { workload: 'Deployment/claims/scan-archiver', category: 'volume-mount-failed', fatal: true },
    ],
  },
];
