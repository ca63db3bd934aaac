// Realistic deploy results for the renderer's golden files. Messages are the real kubelet, scheduler, containerd
// and kubectl texts (pod names rendered the kubelet's way: name_namespace(uid)).
import type { DeployResult, EventSummary, Finding, RollbackWorkload, WorkloadResult } from '../../../src/model.js';
import type { ReportInput } from '../../../src/report/report-input.js';

export const NOW = new Date('2026-11-23T12:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();

const CONTEXT = {
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  runId: 42,
  repository: 'acme/shop',
  sha: '9f1c2d3e4b5a69788796a5b4c3d2e1f0a9b8c7d6',
  reportId: 'deploy/production',
};

function workload(kind: WorkloadResult['kind'], ns: string, name: string, over: Partial<WorkloadResult> = {}): WorkloadResult {
  return {
    kind,
    namespace: ns,
    name,
    changed: true,
    revisionBefore: 7,
    revisionAfter: 8,
    done: true,
    message: `deployment "${name}" successfully rolled out`,
    ...over,
  };
}

function finding(over: Partial<Finding> & Pick<Finding, 'category' | 'workload' | 'message' | 'hint'>): Finding {
  return {
    fatal: true,
    pod: null,
    container: null,
    node: null,
    reason: null,
    exitCode: null,
    restarts: null,
    events: [],
    logTail: [],
    count: '1/1 pods',
    suspectedChange: null,
    ...over,
  };
}

function event(type: string, reason: string, message: string, count: number, secondsAgo: number): EventSummary {
  return { type, reason, message, count, lastSeen: ago(secondsAgo) };
}

function rolledBack(kind: RollbackWorkload['kind'], ns: string, name: string, over: Partial<RollbackWorkload> = {}): RollbackWorkload {
  return {
    kind,
    namespace: ns,
    name,
    fromRevision: 8,
    toRevision: 7,
    newRevision: 9,
    attempted: true,
    done: true,
    message: `deployment "${name}" successfully rolled out`,
    ...over,
  };
}

function input(result: Partial<DeployResult> & Pick<DeployResult, 'verdict'>, extra: Partial<ReportInput> = {}): ReportInput {
  return {
    result: { durationMs: 14_200, workloads: [], findings: [], rollback: null, error: null, ...result },
    context: CONTEXT,
    now: NOW,
    ...extra,
  };
}

const API_UID = '0b6c5f7e-2d41-4c55-9a3e-7f1d2c3b4a59';
// Oldest first, as findings carry them (diagnose/events.ts compareEvents).
const OOM_EVENTS = [
  event('Normal', 'Pulled', 'Container image "ghcr.io/acme/payments-api:2.8.0" already present on machine', 4, 75),
  event('Normal', 'Started', 'Started container api', 4, 75),
  event('Warning', 'BackOff', `Back-off restarting failed container api in pod api-6d9f7c-x2k4p_payments(${API_UID})`, 6, 12),
];

const oomFinding = finding({
  category: 'oom-killed',
  workload: 'Deployment/payments/api',
  pod: 'api-6d9f7c-x2k4p',
  container: 'api',
  node: 'worker-1, worker-2, worker-3',
  reason: 'OOMKilled',
  exitCode: 137,
  restarts: 4,
  count: '3/3 pods',
  message:
    'The container was killed at its memory limit (256Mi) 3 times; it is now in CrashLoopBackOff: back-off 1m20s restarting failed container=api pod=api-6d9f7c-x2k4p_payments(0b6c5f7e-2d41-4c55-9a3e-7f1d2c3b4a59)',
  hint: 'Raise resources.limits.memory (it ran with 512Mi before) or find what allocates more since this change.',
  events: OOM_EVENTS,
  logTail: [
    '2026-11-23T11:59:41.112Z INFO  payments-api starting version=2.8.0 heap_max=256MiB',
    '2026-11-23T11:59:41.530Z INFO  loading exchange-rate cache from redis://cache.payments.svc:6379',
    '2026-11-23T11:59:43.904Z INFO  cache warm: 1843211 entries',
    '2026-11-23T11:59:44.020Z WARN  GC overhead 92% over the last 5s',
  ],
  suspectedChange: { field: 'spec.template.spec.containers[api].resources.limits.memory', before: '512Mi', after: '256Mi' },
});

export const healthy = input(
  {
    verdict: 'healthy',
    workloads: [
      workload('Deployment', 'payments', 'api'),
      workload('Deployment', 'payments', 'worker', { revisionBefore: 4, revisionAfter: 5 }),
      workload('StatefulSet', 'payments', 'ledger', {
        changed: false,
        revisionBefore: 3,
        revisionAfter: 3,
        message: 'partitioned roll out complete: 3 new pods have been updated...',
      }),
    ],
  },
  { timings: { 'Deployment/payments/api': 11_800, 'Deployment/payments/worker': 6_100, 'StatefulSet/payments/ledger': 300 } },
);

export const crashLoop = input(
  {
    verdict: 'failed',
    workloads: [
      workload('Deployment', 'shop', 'checkout', {
        revisionBefore: 3,
        revisionAfter: 4,
        done: false,
        message: 'Waiting for deployment "checkout" rollout to finish: 0 of 2 updated replicas are available...',
      }),
    ],
    findings: [
      finding({
        category: 'crash-loop',
        workload: 'Deployment/shop/checkout',
        pod: 'checkout-7c9d8f6b5-qx2lp',
        container: 'checkout',
        node: 'worker-2',
        reason: 'CrashLoopBackOff',
        exitCode: 1,
        restarts: 4,
        count: '2/2 pods',
        message:
          'The container exits with code 1 right after starting (4 restarts): back-off 40s restarting failed container=checkout pod=checkout-7c9d8f6b5-qx2lp_shop(3f2b6a1e-9c4d-4e1f-8a7b-6c5d4e3f2a1b)',
        hint: 'The log tail below shows why the process exits; run the image locally with the same command and environment to reproduce.',
        events: [
          event('Normal', 'Pulled', 'Container image "ghcr.io/acme/checkout:1.4.2" already present on machine', 5, 52),
          event('Normal', 'Created', 'Created container: checkout', 5, 52),
          event(
            'Warning',
            'BackOff',
            'Back-off restarting failed container checkout in pod checkout-7c9d8f6b5-qx2lp_shop(3f2b6a1e-9c4d-4e1f-8a7b-6c5d4e3f2a1b)',
            9,
            8,
          ),
        ],
        logTail: [
          'node:internal/modules/cjs/loader:1228',
          '  throw err;',
          '  ^',
          '',
          "Error: Cannot find module '/app/dist/server.js'",
          '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
          '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
          "  code: 'MODULE_NOT_FOUND',",
          '  requireStack: []',
          '}',
          '',
          'Node.js v22.11.0',
        ],
      }),
    ],
    rollback: {
      attempted: true,
      workloads: [rolledBack('Deployment', 'shop', 'checkout', { fromRevision: 4, toRevision: 3, newRevision: 5 })],
    },
  },
  { timings: { 'Deployment/shop/checkout': 21_400 }, verdictLatencyMs: 3_100 },
);

export const oom = input(
  {
    verdict: 'failed',
    workloads: [
      workload('Deployment', 'payments', 'api', {
        done: false,
        message: 'Waiting for deployment "api" rollout to finish: 0 of 3 updated replicas are available...',
      }),
      workload('Deployment', 'payments', 'worker', { revisionBefore: 4, revisionAfter: 5 }),
    ],
    findings: [oomFinding],
    rollback: {
      attempted: true,
      workloads: [
        rolledBack('Deployment', 'payments', 'api'),
        rolledBack('Deployment', 'payments', 'worker', { fromRevision: 5, toRevision: 4, newRevision: 6 }),
        // As the gate reports a workload the run did not change: nothing tried, so nothing failed.
        rolledBack('StatefulSet', 'payments', 'ledger', {
          fromRevision: 3,
          toRevision: null,
          newRevision: null,
          attempted: false,
          done: false,
          message: 'not rolled back: unchanged by this run',
        }),
      ],
      notRestored: [{ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'payments', name: 'api-config' }],
    },
  },
  { timings: { 'Deployment/payments/api': 14_000, 'Deployment/payments/worker': 6_000 }, verdictLatencyMs: 14_000 },
);

const IMAGE = 'ghcr.io/acme/web:1.9.0-rc1';
export const imageNotFound = input({
  verdict: 'failed',
  durationMs: 9_800,
  workloads: [
    workload('Deployment', 'web', 'frontend', {
      revisionBefore: 12,
      revisionAfter: 13,
      done: false,
      message: 'Waiting for deployment "frontend" rollout to finish: 1 old replicas are pending termination...',
    }),
  ],
  findings: [
    finding({
      category: 'image-not-found',
      workload: 'Deployment/web/frontend',
      pod: 'frontend-5f8b9c7d4-m2n8v',
      container: 'web',
      node: 'worker-1',
      reason: 'ImagePullBackOff',
      count: '1/1 pods',
      message: `Back-off pulling image "${IMAGE}"`,
      hint: `The registry says ${IMAGE} does not exist: check the tag was pushed (CI build of this commit) and spelled the same in the manifest.`,
      events: [
        event('Normal', 'Pulling', `Pulling image "${IMAGE}"`, 2, 30),
        event(
          'Warning',
          'Failed',
          `Failed to pull image "${IMAGE}": rpc error: code = NotFound desc = failed to pull and unpack image "${IMAGE}": failed to resolve reference "${IMAGE}": ${IMAGE}: not found`,
          2,
          29,
        ),
        event('Warning', 'Failed', 'Error: ErrImagePull', 2, 29),
        event('Normal', 'BackOff', `Back-off pulling image "${IMAGE}"`, 3, 6),
        event('Warning', 'Failed', 'Error: ImagePullBackOff', 3, 6),
      ],
      suspectedChange: { field: 'spec.template.spec.containers[web].image', before: 'ghcr.io/acme/web:1.8.4', after: IMAGE },
    }),
  ],
  rollback: {
    attempted: true,
    workloads: [
      rolledBack('Deployment', 'web', 'frontend', {
        fromRevision: 13,
        toRevision: 12,
        newRevision: 14,
        message: 'deployment "frontend" successfully rolled out',
      }),
    ],
  },
});

export const initContainer = input({
  verdict: 'failed',
  workloads: [
    workload('Deployment', 'shop', 'orders', {
      revisionBefore: 21,
      revisionAfter: 22,
      done: false,
      message: 'Waiting for deployment "orders" rollout to finish: 0 of 2 updated replicas are available...',
    }),
  ],
  findings: [
    finding({
      category: 'init-container-failed',
      workload: 'Deployment/shop/orders',
      pod: 'orders-66b8d9f5c-4kq7w',
      container: 'migrate',
      node: 'worker-3',
      reason: 'Error',
      exitCode: 2,
      restarts: 3,
      count: '2/2 pods',
      message: 'Init container migrate exits with code 2, so the pod stays in Init:CrashLoopBackOff and the app container never starts.',
      hint: 'Fix what the migration log reports; the app containers start only after every init container succeeds.',
      events: [
        event(
          'Warning',
          'BackOff',
          'Back-off restarting failed container migrate in pod orders-66b8d9f5c-4kq7w_shop(c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f)',
          7,
          15,
        ),
      ],
      logTail: [
        'Running migrations for orders (target 0042_add_refund_reason)',
        'psql: error: connection to server at "db.shop.svc.cluster.local" (10.96.41.7), port 5432 failed: FATAL:  password authentication failed for user "orders"',
      ],
    }),
  ],
  rollback: {
    attempted: true,
    workloads: [rolledBack('Deployment', 'shop', 'orders', { fromRevision: 22, toRevision: 21, newRevision: 23 })],
  },
});

export const nodeConcentrated = input({
  verdict: 'failed',
  workloads: [
    workload('DaemonSet', 'observability', 'log-shipper', {
      revisionBefore: 5,
      revisionAfter: 6,
      done: false,
      message: 'Waiting for daemon set "log-shipper" rollout to finish: 2 of 3 updated pods are available...',
    }),
  ],
  findings: [
    finding({
      category: 'node-concentrated',
      workload: 'DaemonSet/observability/log-shipper',
      pod: 'log-shipper-8vxk2',
      container: null,
      node: 'worker-3',
      reason: null,
      count: '1/3 pods',
      message: 'Only node worker-3 fails: 1 pod there is not ready (volume-mount-failed) while 2 are Ready on other nodes',
      hint: 'Cordon node worker-3 (kubectl cordon worker-3) and keep the workload off it with a nodeAffinity on kubernetes.io/hostname NotIn [worker-3] while the node is repaired; the same pods are Ready elsewhere.',
      events: [],
    }),
    finding({
      category: 'volume-mount-failed',
      workload: 'DaemonSet/observability/log-shipper',
      pod: 'log-shipper-8vxk2',
      container: null,
      node: 'worker-3',
      reason: 'FailedMount',
      count: '1/3 pods',
      message: 'MountVolume.SetUp failed for volume "varlog" : hostPath type check failed: /var/log/journal is not a directory',
      hint: 'Fix the volume the kubelet cannot mount on worker-3: for a Multi-Attach error remove the pod that still holds it, otherwise check the storage backend from that node.',
      events: [
        event(
          'Warning',
          'FailedMount',
          'MountVolume.SetUp failed for volume "varlog" : hostPath type check failed: /var/log/journal is not a directory',
          11,
          20,
        ),
      ],
    }),
  ],
  rollback: {
    attempted: true,
    workloads: [
      rolledBack('DaemonSet', 'observability', 'log-shipper', {
        fromRevision: 6,
        toRevision: 5,
        newRevision: 7,
        message: 'daemon set "log-shipper" successfully rolled out',
      }),
    ],
  },
});

export const timeoutNoFatal = input(
  {
    verdict: 'timeout',
    durationMs: 300_000,
    workloads: [
      workload('Deployment', 'search', 'indexer', {
        revisionBefore: 30,
        revisionAfter: 31,
        done: false,
        message: 'Waiting for deployment "indexer" rollout to finish: 1 of 3 updated replicas are available...',
      }),
    ],
    findings: [
      finding({
        fatal: false,
        category: 'readiness-probe-failing',
        workload: 'Deployment/search/indexer',
        pod: 'indexer-58d7c6b9f-t7wz4',
        container: 'indexer',
        node: 'worker-2',
        reason: 'Unhealthy',
        count: '2/3 pods',
        message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
        hint: 'The pods run but never report ready: check what /healthz/ready waits for (the index warm-up can take longer than the probe allows).',
        events: [event('Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 57, 3)],
        logTail: ['level=info msg="warming index shard" shard=7 of=32', 'level=info msg="warming index shard" shard=8 of=32'],
      }),
    ],
    rollback: null,
  },
  { timings: { 'Deployment/search/indexer': 300_000 } },
);

export const rollbackDone = input(
  {
    verdict: 'failed',
    workloads: [
      workload('Deployment', 'payments', 'api', { done: false, message: 'deployment "api" exceeded its progress deadline' }),
      workload('Deployment', 'payments', 'worker', { revisionBefore: 4, revisionAfter: 5 }),
      workload('StatefulSet', 'payments', 'ledger', {
        changed: false,
        revisionBefore: 3,
        revisionAfter: 3,
        message: 'statefulset rolling update complete 3 pods at revision ledger-5d4c3b2a1...',
      }),
    ],
    findings: [{ ...oomFinding, suspectedChange: null }],
    rollback: {
      attempted: true,
      workloads: [
        rolledBack('Deployment', 'payments', 'api'),
        rolledBack('Deployment', 'payments', 'worker', { fromRevision: 5, toRevision: 4, newRevision: 6 }),
        // As the gate reports a workload the run did not change: nothing tried, so nothing failed.
        rolledBack('StatefulSet', 'payments', 'ledger', {
          fromRevision: 3,
          toRevision: null,
          newRevision: null,
          attempted: false,
          done: false,
          message: 'not rolled back: unchanged by this run',
        }),
      ],
      notRestored: [
        { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'payments', name: 'api-config' },
        { apiVersion: 'v1', kind: 'Secret', namespace: 'payments', name: 'api-db-credentials' },
      ],
    },
  },
  { timings: { 'Deployment/payments/api': 14_000, 'Deployment/payments/worker': 6_000, 'StatefulSet/payments/ledger': 200 } },
);

export const rollbackFailed = input({
  verdict: 'failed',
  workloads: [
    workload('Deployment', 'payments', 'api', {
      done: false,
      message: 'Waiting for deployment "api" rollout to finish: 0 of 3 updated replicas are available...',
    }),
  ],
  findings: [oomFinding],
  rollback: {
    attempted: true,
    workloads: [
      rolledBack('Deployment', 'payments', 'api', {
        newRevision: 9,
        done: false,
        message: 'Waiting for deployment "api" rollout to finish: 1 of 3 updated replicas are available...',
      }),
    ],
  },
});

export const error = input({
  verdict: 'error',
  durationMs: 900,
  error: 'Unauthorized: the server has asked for the client to provide credentials (get namespaces payments); check the kubeconfig input',
});

export const cancelled = input({
  verdict: 'cancelled',
  durationMs: 61_000,
  workloads: [
    workload('Deployment', 'payments', 'api', {
      done: false,
      message: 'Waiting for deployment "api" rollout to finish: 2 of 3 updated replicas are available...',
    }),
  ],
  rollback: null,
});

const LONG = 'x'.repeat(10_240);
export const hostile = input(
  {
    verdict: 'failed',
    workloads: [
      workload('Deployment', 'payments', 'api', {
        done: false,
        message: 'Waiting for deployment "api" rollout to finish: 0 of 1 updated replicas are available... | injected | cell',
      }),
    ],
    findings: [
      finding({
        category: 'crash-loop',
        workload: 'Deployment/payments/api',
        pod: 'api-6d9f7c-x2k4p',
        container: 'api',
        node: 'worker-1',
        reason: 'CrashLoopBackOff',
        exitCode: 1,
        restarts: 2,
        message:
          'panic: </details><script>alert(1)</script> cc @acme/platform-team and @octocat, see #12 | **bold** [x](https://evil.example) `tick`',
        hint: '# not a heading\n- not a list\n> not a quote <img src=x onerror=alert(1)>',
        events: [event('Warning', 'BackOff', 'message with | pipes | and @admins and </details> and ``` fences', 3, 4)],
        logTail: [
          '```',
          '````js',
          'end of fence? ``````',
          '</details>',
          '<script>alert(document.cookie)</script>',
          '@acme/platform-team @octocat please look at #1',
          '\u001b[31mred error\u001b[0m and a bell \u0007 and a bidi \u202Eoverride\u202C',
          `long line ${LONG}`,
        ],
      }),
    ],
    rollback: { attempted: true, workloads: [rolledBack('Deployment', 'payments', 'api')] },
  },
  { context: { ...CONTEXT, title: 'prod @acme/admins <b>' } },
);

/** `n` findings, one in `fatalEvery` fatal, each with 25 long log lines and events: far over both limits. */
export function manyFindings(n = 200, fatalEvery = 4): ReportInput {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const fatal = i % fatalEvery === 0;
    findings.push(
      finding({
        fatal,
        category: fatal ? 'crash-loop' : 'readiness-probe-failing',
        workload: `Deployment/fleet/svc-${String(i % 40).padStart(2, '0')}`,
        pod: `svc-${i % 40}-7f9c8d-${String(i).padStart(5, '0')}`,
        container: fatal ? 'app' : `sidecar-${i % 3}`,
        node: `worker-${i % 7}`,
        reason: fatal ? 'CrashLoopBackOff' : 'Unhealthy',
        exitCode: fatal ? 1 : null,
        restarts: fatal ? 5 : 0,
        count: '1/1 pods',
        message: fatal
          ? `The container exits with code 1 a few seconds after starting (5 restarts) and is now in CrashLoopBackOff: back-off 2m40s restarting failed container=app pod=svc-${i % 40}-7f9c8d-${String(i).padStart(5, '0')}_fleet(6f0e1d2c-3b4a-4958-8776-${String(i).padStart(12, '0')})`
          : 'Readiness probe failed: Get "http://10.244.1.17:8080/healthz/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        hint: fatal
          ? 'The log tail shows why the process exits. Run the same image locally with the command, arguments and environment of the pod template to reproduce it, then fix the code or the configuration it reads at start-up.'
          : 'The pods run but do not report ready within the probe timeout: check what the readiness endpoint waits for, or give it a longer timeoutSeconds / initialDelaySeconds if start-up is legitimately slow.',
        events: Array.from({ length: 8 }, (_, k) =>
          event(
            'Warning',
            'BackOff',
            `Back-off restarting failed container app in pod svc-${i}_fleet(uid-${i}) attempt ${k}`,
            k + 1,
            k * 10,
          ),
        ),
        logTail: Array.from({ length: 25 }, (_, k) => `${k} ${'stack frame '.repeat(60)}`),
      }),
    );
  }
  const workloads = Array.from({ length: 40 }, (_, i) =>
    workload('Deployment', 'fleet', `svc-${String(i).padStart(2, '0')}`, {
      done: false,
      message: 'Waiting for deployment rollout to finish: 0 of 1 updated replicas are available...',
    }),
  );
  return input({ verdict: 'failed', workloads, findings, rollback: null });
}

/** A kstatus-judged object in the workloads list, as gate.ts objectResult writes it. */
function object(apiVersion: string, kind: string, ns: string, name: string, over: Partial<WorkloadResult> = {}): WorkloadResult {
  return {
    kind,
    namespace: ns,
    name,
    changed: true,
    revisionBefore: null,
    revisionAfter: null,
    done: true,
    message: 'Resource is Ready',
    apiVersion,
    reason: null,
    ...over,
  };
}

// wait-for: all. A Certificate whose issuer refuses it stalls; the workload rolled out and is rolled back; the
// Certificate, waited for and not restored, is one row; the ConfigMap (not waited for) gets its own.
export const objectStalled = input(
  {
    verdict: 'failed',
    workloads: [
      workload('Deployment', 'shop', 'web'),
      object('cert-manager.io/v1', 'Certificate', 'shop', 'web-tls', {
        done: false,
        message: 'Stalled: Failed: The certificate request has failed to complete and will be retried: issuer "letsencrypt" not found',
        reason: 'Failed',
      }),
      object('v1', 'PersistentVolumeClaim', 'shop', 'uploads', { message: 'PVC is Bound' }),
      object('v1', 'Service', 'shop', 'web', { changed: false, message: 'Service is ready' }),
    ],
    findings: [
      finding({
        category: 'object-stalled',
        workload: 'Certificate/shop/web-tls',
        reason: 'Failed',
        count: '',
        message: 'Stalled: Failed: The certificate request has failed to complete and will be retried: issuer "letsencrypt" not found',
        hint: "Fix what Certificate web-tls's controller reports (reason Failed): it stops retrying until the spec or what it depends on changes. kubectl describe certificate web-tls -n shop shows its conditions and events.",
        events: [event('Warning', 'Failed', 'The certificate request has failed to complete and will be retried', 1, 20)],
      }),
    ],
    rollback: {
      attempted: true,
      workloads: [rolledBack('Deployment', 'shop', 'web')],
      notRestored: [
        { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'web-config' },
        { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', namespace: 'shop', name: 'web-tls' },
        { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'uploads' },
      ],
    },
  },
  {
    timings: {
      'Deployment/shop/web': 9_000,
      'Certificate/shop/web-tls': 1_200,
      'PersistentVolumeClaim/shop/uploads': 400,
      'Service/shop/web': 50,
    },
  },
);

// A ReplicationController whose template changed: ready on its old pods, with the note that says so.
export const replicationController = input(
  {
    verdict: 'healthy',
    workloads: [
      workload('ReplicationController', 'legacy', 'frontend', {
        revisionBefore: null,
        revisionAfter: null,
        message: 'replication controller "frontend" has 2 of 2 replicas ready',
      }),
    ],
    findings: [
      finding({
        category: 'pods-not-replaced',
        fatal: false,
        workload: 'ReplicationController/legacy/frontend',
        count: '2/2 pods',
        message:
          '2 of 2 pods (frontend-7xk2p, frontend-q9d4s) still run an older pod template: a ReplicationController does not replace its pods when its template changes, so only pods it creates from now on use the new one',
        hint: 'Move frontend to a Deployment, which replaces pods when the template changes (kubectl rolling-update, which did it for RCs, was removed in kubectl 1.18). Until then delete the old pods so the ReplicationController recreates them from the new template: kubectl delete pod -n legacy frontend-7xk2p frontend-q9d4s.',
      }),
    ],
  },
  { timings: { 'ReplicationController/legacy/frontend': 10_400 } },
);

export const GOLDEN_CASES: Record<string, ReportInput> = {
  healthy,
  'crash-loop': crashLoop,
  oom,
  'image-not-found': imageNotFound,
  'init-container': initContainer,
  'node-concentrated': nodeConcentrated,
  'timeout-no-fatal': timeoutNoFatal,
  'rollback-done': rollbackDone,
  'rollback-failed': rollbackFailed,
  error,
  cancelled,
  hostile,
  'object-stalled': objectStalled,
  'replication-controller': replicationController,
};
