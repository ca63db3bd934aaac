import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, ago, crashLooping, deployment, pod, running, snapshot, terminated, waiting } from './fixtures.js';

const initSpec = [
  { name: 'init-db', image: 'busybox:1.36', command: ['sh', '-c', 'hello.sh'] },
  { name: 'wait-cache', image: 'busybox:1.36' },
];
const initConditions = [
  {
    type: 'Initialized',
    status: 'False',
    reason: 'ContainersNotInitialized',
    message: 'containers with incomplete status: [init-db wait-cache]',
    lastTransitionTime: ago(120),
  },
  {
    type: 'Ready',
    status: 'False',
    reason: 'ContainersNotReady',
    message: 'containers with unready status: [app]',
    lastTransitionTime: ago(120),
  },
  { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(125) },
];
const appWaiting = waiting('app', 'PodInitializing', undefined);

describe('init containers', () => {
  it('Init:CrashLoopBackOff names the init container and its inner reason', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: initSpec,
      conditions: initConditions,
      containerStatuses: [appWaiting],
      initContainerStatuses: [
        crashLooping('init-db', terminated(127, 'Error', 'sh: hello.sh: not found'), 3),
        waiting('wait-cache', 'PodInitializing', undefined),
      ],
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({
      category: 'init-container-failed',
      fatal: true,
      container: 'init-db',
      exitCode: 127,
      restarts: 3,
      reason: 'CrashLoopBackOff',
    });
    expect(f.message).toBe(
      'Init container init-db failed with exit code 127 (command not found): sh: hello.sh: not found; restarted 3 times',
    );
    expect(f.hint).toMatch(
      /kubectl logs web-7d9f8c6b5-x1 -c init-db --previous -n shop \(exit code 127: the command it runs is not in its image\)/,
    );
  });

  it('the first init failure before any back-off is not fatal yet', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: initSpec,
      conditions: initConditions,
      containerStatuses: [appWaiting],
      initContainerStatuses: [
        { ...waiting('init-db', 'x', undefined), state: terminated(1, 'Error'), restartCount: 0 },
        waiting('wait-cache', 'PodInitializing', undefined),
      ],
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'init-container-failed', fatal: false });
  });

  it('an init container still running is init-container-waiting, never fatal', () => {
    const done = { ...running('init-db', false), state: terminated(0, 'Completed', undefined, 100), ready: true };
    const p = pod({
      phase: 'Pending',
      initContainers: initSpec,
      conditions: initConditions,
      containerStatuses: [appWaiting],
      initContainerStatuses: [done, running('wait-cache', false)],
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'init-container-waiting', fatal: false, container: 'wait-cache' });
    expect(f.hint).toMatch(/kubectl logs web-7d9f8c6b5-x1 -c wait-cache -n shop/);
  });

  it('an init container that cannot pull its image keeps the image category', () => {
    const p = pod({
      phase: 'Pending',
      initContainers: initSpec,
      conditions: initConditions,
      containerStatuses: [appWaiting],
      initContainerStatuses: [
        waiting('init-db', 'ErrImageNeverPull', 'Container image "busybox:1.36" is not present with pull policy of Never'),
        waiting('wait-cache', 'PodInitializing', undefined),
      ],
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'image-never-pull', container: 'init-db' });
  });
});

describe('pods that ended or are being removed', () => {
  it('evicted under memory pressure', () => {
    const p = pod({
      phase: 'Failed',
      containerStatuses: [{ ...running('app', false), state: terminated(137, 'ContainerStatusUnknown') }],
      status: {
        reason: 'Evicted',
        message:
          'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91340Ki. Container app was using 1203044Ki, request is 128Mi, has larger consumption of memory. ',
      },
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'evicted', fatal: false, reason: 'Evicted' });
    expect(f.message).toBe(
      'The kubelet evicted the pod: the node was low on memory (eviction threshold 100Mi, available 91340Ki); container app used the most: 1203044Ki against a request of 128Mi',
    );
  });

  it('stopped at activeDeadlineSeconds', () => {
    const p = pod({
      phase: 'Failed',
      spec: { activeDeadlineSeconds: 30 },
      status: { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' },
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({
      category: 'active-deadline-exceeded',
      fatal: true,
      message: 'Pod was active on the node longer than the specified deadline (activeDeadlineSeconds 30)',
    });
  });

  it('terminating long past its grace period, with the finalizer that holds it', () => {
    const p = pod({
      ready: true,
      metadata: { deletionTimestamp: ago(300), deletionGracePeriodSeconds: 30, finalizers: ['example.com/cleanup'] },
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'terminating-stuck', fatal: false });
    expect(f.message).toMatch(/gone 300s ago .*finalizers: example.com\/cleanup/);
  });

  it('a pod inside its grace period is simply terminating', () => {
    const p = pod({ ready: false, metadata: { deletionTimestamp: ago(-20) } });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW)).toEqual([]);
  });
});
