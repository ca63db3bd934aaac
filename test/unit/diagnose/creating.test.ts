// Pods whose containers stay in ContainerCreating (rules/creating.ts): a mount failure nothing has superseded, a
// missing Secret behind it, or plain slowness after 30 s, with the image pull still under way.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, ago, deployment, event, pod, snapshot, waiting } from './fixtures.js';

type Pod = ReturnType<typeof pod>;
const creating = (scheduledAgo: number, phase = 'Pending') =>
  pod({
    phase,
    containerStatuses: [waiting('app', 'ContainerCreating', undefined)],
    conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: ago(scheduledAgo) }],
  });
const PULLING = 'Pulling image "ghcr.io/acme/web:1.4.2"';
const TIMED_OUT =
  'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]: timed out waiting for the condition';

interface Row {
  name: string;
  pod: Pod;
  events?: (p: Pod) => ReturnType<typeof event>[];
  want: { category: string; reason: string | null; message: string; events: string[] }[];
}

const table: Row[] = [
  {
    name: 'slow after 45 s, nothing said',
    pod: creating(45),
    want: [
      {
        category: 'container-creating-slow',
        reason: 'ContainerCreating',
        message: 'The containers have been creating for 45s on node worker-1',
        events: [],
      },
    ],
  },
  {
    name: 'slow at exactly 30 s',
    pod: creating(30),
    want: [
      {
        category: 'container-creating-slow',
        reason: 'ContainerCreating',
        message: 'The containers have been creating for 30s on node worker-1',
        events: [],
      },
    ],
  },
  { name: 'not slow yet at 29 s', pod: creating(29), want: [] },
  {
    name: 'slow while the image is still pulling',
    pod: creating(45),
    events: (p) => [event(p, 'Normal', 'Pulling', PULLING, { lastAgo: 20 })],
    want: [
      {
        category: 'container-creating-slow',
        reason: 'ContainerCreating',
        message: 'The containers have been creating for 45s on node worker-1; still pulling image "ghcr.io/acme/web:1.4.2"',
        events: ['Pulling'],
      },
    ],
  },
  {
    name: 'slow with the image pulled in the same second',
    pod: creating(45),
    events: (p) => [
      event(p, 'Normal', 'Pulling', PULLING, { lastAgo: 20 }),
      event(p, 'Normal', 'Pulled', 'Successfully pulled image "ghcr.io/acme/web:1.4.2" in 812ms', { lastAgo: 20 }),
    ],
    want: [
      {
        category: 'container-creating-slow',
        reason: 'ContainerCreating',
        message: 'The containers have been creating for 45s on node worker-1',
        events: ['Pulling', 'Pulled'],
      },
    ],
  },
  {
    name: 'a mount that timed out',
    pod: creating(45),
    events: (p) => [event(p, 'Warning', 'FailedMount', TIMED_OUT, { lastAgo: 20, count: 3 })],
    want: [{ category: 'volume-mount-failed', reason: 'FailedMount', message: TIMED_OUT, events: ['FailedMount'] }],
  },
  {
    name: 'a mount failure with a pull in the same second is still open',
    pod: creating(45),
    events: (p) => [
      event(p, 'Warning', 'FailedMount', TIMED_OUT, { lastAgo: 20 }),
      event(p, 'Normal', 'Pulled', 'Container image "ghcr.io/acme/web:1.4.2" already present on machine', { lastAgo: 20 }),
    ],
    want: [{ category: 'volume-mount-failed', reason: 'FailedMount', message: TIMED_OUT, events: ['FailedMount'] }],
  },
  {
    name: 'a mount failure a later container start superseded',
    pod: creating(45),
    events: (p) => [
      event(p, 'Warning', 'FailedMount', TIMED_OUT, { lastAgo: 20 }),
      event(p, 'Normal', 'Started', 'Started container app', { lastAgo: 10 }),
    ],
    want: [
      {
        category: 'container-creating-slow',
        reason: 'ContainerCreating',
        message: 'The containers have been creating for 45s on node worker-1',
        events: ['FailedMount', 'Started'],
      },
    ],
  },
  {
    name: 'a mount failure on a Secret that does not exist',
    pod: creating(45),
    events: (p) => [
      event(p, 'Warning', 'FailedMount', 'MountVolume.SetUp failed for volume "certs" : secret "tls" not found', { lastAgo: 20 }),
    ],
    want: [
      {
        category: 'config-missing-ref',
        reason: 'FailedMount',
        message:
          'Volume certs cannot be mounted: the Secret tls does not exist in namespace shop (MountVolume.SetUp failed for volume "certs" : secret "tls" not found)',
        events: ['FailedMount'],
      },
    ],
  },
];

describe('containers being created, exactly', () => {
  it.each(table)('$name', ({ pod: p, events, want }) => {
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p], events: events ? events(p) : [] }), NOW);
    expect(
      findings.map((f) => ({ category: f.category, reason: f.reason, message: f.message, events: f.events.map((e) => e.reason) })),
    ).toEqual(want);
  });

  it.each(['Failed', 'Succeeded'])('a %s pod is not being created', (phase) => {
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [creating(45, phase)] }), NOW);
    expect(findings.map((f) => f.category)).not.toContain('container-creating-slow');
  });
});
