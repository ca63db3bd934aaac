import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DumpParseError, diagnoseSnapshot, renderFindingsText, snapshotFromDump } from '../../../src/diagnose/index.js';
import { NEW_RS, NOW, OLD_RS, crashLooping, deployment, event, node, pod, terminated, waiting } from './fixtures.js';

const crashing = pod({ name: 'web-7d9f8c6b5-a', containerStatuses: [crashLooping('app', terminated(137, 'OOMKilled'), 3)] });
const crashing2 = pod({
  name: 'web-7d9f8c6b5-b',
  node: 'worker-2',
  containerStatuses: [crashLooping('app', terminated(137, 'OOMKilled'), 2)],
});
const oldPod = pod({ name: 'web-5c4b3a291-q8k2s', rs: OLD_RS, ready: true });
const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate', namespace: 'shop', uid: 'job-uid' },
  spec: { backoffLimit: 0 },
  status: {
    failed: 1,
    conditions: [
      {
        type: 'Failed',
        status: 'True',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        lastTransitionTime: '2026-11-23T12:09:00Z',
      },
    ],
  },
};
const barePod = pod({ name: 'debug', containerStatuses: [waiting('app', 'CreateContainerConfigError', 'secret "debug-token" not found')] });
barePod.metadata.ownerReferences = [];
barePod.metadata.namespace = 'tools';

const items = [
  crashing,
  crashing2,
  oldPod,
  barePod,
  deployment(),
  NEW_RS,
  OLD_RS,
  job,
  node('worker-1'),
  node('worker-2'),
  event(crashing, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web-7d9f8c6b5-a_shop(uid-web-7d9f8c6b5-a)', {
    count: 7,
    container: 'app',
  }),
];

describe('snapshotFromDump', () => {
  it('reads a List as kubectl get ... -A -o yaml prints it, and sorts items by kind', () => {
    const text = stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
    const s = snapshotFromDump(text);
    expect([s.pods.length, s.deployments.length, s.replicaSets.length, s.jobs.length, s.nodes.length, s.events.length]).toEqual([
      4, 1, 2, 1, 2, 1,
    ]);
  });

  it('reads several documents, typed lists whose items carry no kind, and skips kinds it does not need', () => {
    const text = [
      stringify({ apiVersion: 'v1', kind: 'PodList', items: [{ ...crashing, kind: undefined }] }),
      stringify(deployment()),
      stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } }, NEW_RS] }),
    ].join('---\n');
    const s = snapshotFromDump(text);
    expect([s.pods.length, s.deployments.length, s.replicaSets.length]).toEqual([1, 1, 1]);
    expect((s.pods[0] as { kind: string }).kind).toBe('Pod');
  });

  it('refuses text that is not YAML', () => {
    expect(() => snapshotFromDump('items: [unclosed')).toThrow(DumpParseError);
  });

  it('round trip: a dump diagnosed offline names every broken workload, worst first', () => {
    const findings = diagnoseSnapshot(snapshotFromDump(stringify({ apiVersion: 'v1', kind: 'List', items })), NOW);
    expect(findings.map((f) => [f.workload, f.category, f.count, f.fatal])).toEqual([
      ['Job/shop/migrate', 'job-failed', '1/1 pods', true],
      ['Deployment/shop/web', 'oom-killed', '2/2 pods', true],
      ['Pod/tools/debug', 'config-missing-ref', '1/1 pods', true],
    ]);
  });

  it('renders one block per workload for a person', () => {
    const findings = diagnoseSnapshot(snapshotFromDump(stringify({ apiVersion: 'v1', kind: 'List', items })), NOW);
    const text = renderFindingsText(findings);
    expect(text).toContain(
      'Deployment/shop/web: 1 finding, 1 fatal\n  FATAL oom-killed | 2/2 pods | e.g. pod web-7d9f8c6b5-a | container app | node worker-1, worker-2\n    CrashLoopBackOff, exit code 137, 3 restarts\n    Container app was OOMKilled (exit code 137) at its memory limit 256Mi; restarted 3 times\n    next: Raise resources.limits.memory above 256Mi or find the leak; the container was killed at the limit 4 times.\n    events:\n      Warning BackOff x7 2026-11-23T12:09:30Z: Back-off restarting failed container app in pod web-7d9f8c6b5-a_shop(uid-web-7d9f8c6b5-a)',
    );
    expect(text.indexOf('Job/shop/migrate')).toBeLessThan(text.indexOf('Deployment/shop/web'));
    expect(text.endsWith('\n')).toBe(true);
  });
});
