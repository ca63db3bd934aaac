// Golden reports rendered from cluster objects through the diagnosis, so every number in them can be checked against
// the objects below: counts of pods, exit codes, restarts, probe settings, event order and times, deleted pods.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import type { DeployResult } from '../../../src/model.js';
import { renderComment, renderSummary } from '../../../src/report/markdown.js';
import type { ReportInput } from '../../../src/report/report-input.js';
import { NOW, ago, crashLooping, event, pod, running, snapshot, terminated, waiting } from '../diagnose/fixtures.js';
import { expectGolden } from './golden.js';

const CONTEXT = {
  reportId: 'deploy/production',
  repository: 'acme/shop',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  runId: 42,
};

const statefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'ledger', namespace: 'shop', uid: 'sts-uid', generation: 2 },
  spec: { replicas: 3, selector: { matchLabels: { app: 'ledger' } } },
  status: { observedGeneration: 2, replicas: 3, updateRevision: 'ledger-7c5d9f8b6', currentRevision: 'ledger-5b8c7d9f4' },
};

function ledgerPod(ordinal: number, status: any, node: string): any {
  const p = pod({
    name: `ledger-${ordinal}`,
    node,
    containerStatuses: [status],
    metadata: {
      labels: { app: 'ledger', 'controller-revision-hash': 'ledger-7c5d9f8b6' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'ledger', uid: 'sts-uid', controller: true }],
    },
  });
  return p;
}

// One crash (exit 1) caught at its three stages: backing off, just exited, running again after it.
const crashPods = [
  ledgerPod(0, crashLooping('app', terminated(1, 'Error'), 3), 'worker-1'),
  ledgerPod(1, { ...waiting('app', 'x', undefined), state: terminated(1, 'Error', undefined, 1), restartCount: 1 }, 'worker-2'),
  ledgerPod(2, running('app', false, { restartCount: 1, lastState: terminated(1, 'Error', undefined, 3) }), 'worker-1'),
];

// ledger-0's events as the API returns them: the scheduler's Scheduled through events.k8s.io (eventTime in
// microseconds, no lastTimestamp) and the kubelet's core/v1 events (lastTimestamp in whole seconds), in the same
// second as Scheduled although written after it; the resourceVersion says in which order.
function withVersion(e: any, resourceVersion: string, extra: Record<string, unknown> = {}): any {
  return { ...e, metadata: { ...e.metadata, resourceVersion }, ...extra };
}
const second = ago(40); // 12:09:20Z
const crashEvents = [
  withVersion(
    event(crashPods[0], 'Normal', 'Pulled', 'Container image "ghcr.io/acme/web:1.4.2" already present on machine', {
      lastAgo: 40,
      container: 'app',
    }),
    '1207',
  ),
  withVersion(event(crashPods[0], 'Normal', 'Scheduled', 'Successfully assigned shop/ledger-0 to worker-1', { lastAgo: 40 }), '1201', {
    firstTimestamp: null,
    lastTimestamp: null,
    eventTime: second.replace('Z', '.900000Z'),
    source: { component: 'default-scheduler' },
  }),
  withVersion(event(crashPods[0], 'Normal', 'Started', 'Started container app', { lastAgo: 40, container: 'app' }), '1209'),
  withVersion(
    event(crashPods[0], 'Warning', 'BackOff', 'Back-off restarting failed container app in pod ledger-0_shop(uid-ledger-0)', {
      lastAgo: 12,
      count: 3,
      container: 'app',
    }),
    '1290',
  ),
];

function crashResult(): DeployResult {
  const findings = diagnoseWorkload(statefulSet, snapshot({ pods: crashPods, events: crashEvents, statefulSets: [statefulSet] }), NOW);
  return {
    verdict: 'failed',
    durationMs: 41_300,
    workloads: [
      {
        kind: 'StatefulSet',
        namespace: 'shop',
        name: 'ledger',
        changed: true,
        revisionBefore: 1,
        revisionAfter: 2,
        done: false,
        message: 'Waiting for 3 pods to be ready...',
      },
    ],
    findings,
    rollback: {
      attempted: true,
      workloads: [
        {
          kind: 'StatefulSet',
          namespace: 'shop',
          name: 'ledger',
          fromRevision: 2,
          toRevision: 1,
          newRevision: 3,
          attempted: true,
          done: true,
          message: 'rolled back to the template of revision 1, now revision 3',
          deletedPods: ['ledger-2', 'ledger-1', 'ledger-0'],
        },
      ],
      notRestored: [],
    },
    error: null,
  };
}

function input(result: DeployResult, extra: Partial<ReportInput> = {}): ReportInput {
  return { result, context: CONTEXT, now: NOW, ...extra };
}

describe('a StatefulSet crash: counts, event order, forced rollback', () => {
  const report = input(crashResult());

  it('golden', () => {
    expectGolden('statefulset-crash.md', renderSummary(report));
    expectGolden('statefulset-crash.comment.md', renderComment(report));
  });

  it('counts every pod of the cause in the headline and the table, whatever stage each pod is at', () => {
    const summary = renderSummary(report);
    expect(summary.split('\n')[0]).toBe(
      '## ❌ Deploy failed: `shop/ledger` is crash-looping (3/3 pods, exit 1); rolled back to revision 1',
    );
    expect(summary).toContain('| StatefulSet `shop/ledger` | 1 → 2 → **3** (rollback of 1) | ❌ 3/3 pods crash-loop (exit 1) |  |');
  });

  it('events newest first in their own order, with times that agree with it', () => {
    const rows = renderSummary(report)
      .split('\n')
      .filter((l) => /^\| (now|\d)/.test(l))
      .map((l) => l.split(' | ').slice(0, 3).join(' | '));
    expect(rows).toEqual([
      '| 12s ago | Warning | BackOff',
      '| 40s ago | Normal | Started',
      '| 40s ago | Normal | Pulled',
      '| 40s ago | Normal | Scheduled',
    ]);
  });

  it('names the pods the forced rollback deleted', () => {
    expect(renderSummary(report)).toContain(
      '  - Forced rollback: deleted 3 pods `ledger-2`, `ledger-1`, `ledger-0` of the failed revision that were not Ready, so the controller recreates them from the restored template',
    );
  });
});

describe('a readiness probe past its allowance', () => {
  const containers = [{ name: 'app', image: 'ghcr.io/acme/web:1.4.2', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }];
  const pods = ['a', 'b'].map((s) => pod({ name: `web-7d9f8c6b5-${s}`, spec: { containers }, containerStatuses: [running('app', false)] }));
  const events = pods.map((p) =>
    event(p, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', {
      count: 11,
      container: 'app',
      lastAgo: 2,
    }),
  );
  const result: DeployResult = {
    verdict: 'failed',
    durationMs: 112_000,
    workloads: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        changed: true,
        revisionBefore: 1,
        revisionAfter: 2,
        done: false,
        message: 'Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...',
      },
    ],
    findings: diagnoseWorkload(snapshot({}).deployments[0], snapshot({ pods, events }), NOW),
    rollback: null,
    error: null,
  };

  it('golden: the allowance spelled out from the settings, never more than the time stated', () => {
    const summary = renderSummary(input(result));
    expectGolden('readiness-overdue.md', summary);
    expect(summary).toContain(
      "HTTP probe failed with statuscode: 503; not ready after 110s; its readiness probe's settings allow 30s (initialDelaySeconds 0 + failureThreshold 3 × periodSeconds 10) and the gate adds 16s of margin",
    );
  });
});

describe('a timeout followed by a rollback', () => {
  it('says the timeout, not the run time that includes the rollback', () => {
    const result: DeployResult = { ...crashResult(), verdict: 'timeout', durationMs: 332_000 };
    expect(renderSummary(input(result, { timeoutMs: 300_000 })).split('\n')[0]).toBe(
      '## ⏱️ Deploy timed out after 5m0s: `shop/ledger` is crash-looping (3/3 pods, exit 1); rolled back to revision 1',
    );
  });
});
