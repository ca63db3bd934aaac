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

describe('init containers, exactly', () => {
  const NOT_FOUND =
    'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "hello.sh": executable file not found in $PATH: unknown';
  const specs = [
    { name: 'init-db', image: 'busybox:1.36' },
    { name: 'wait-cache', image: 'busybox:1.36' },
  ];
  const withSidecar = [{ name: 'proxy', image: 'envoyproxy/envoy:v1.31', restartPolicy: 'Always' }, ...specs];
  const waitCache = waiting('wait-cache', 'PodInitializing', undefined);
  const runningFor = (name: string, seconds: number) => ({ ...running(name, false), state: { running: { startedAt: ago(seconds) } } });
  const initPod = (initContainers: object[], initContainerStatuses: object[], initialized = 'False') =>
    pod({
      phase: 'Pending',
      initContainers,
      containerStatuses: [waiting('app', 'PodInitializing', undefined)],
      initContainerStatuses,
      conditions: [
        { type: 'Initialized', status: initialized, lastTransitionTime: ago(120) },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(125) },
      ],
    });
  const SLOW = {
    category: 'container-creating-slow',
    container: null,
    message: 'The containers have been creating for 125s on node worker-1',
  };

  it.each([
    [
      'OOMKilled',
      initPod(specs, [crashLooping('init-db', terminated(137, 'OOMKilled'), 2), waitCache]),
      {
        category: 'init-container-failed',
        container: 'init-db',
        message:
          'Init container init-db was OOMKilled (exit code 137) with no memory limit set (the node ran out of memory); restarted 2 times',
      },
    ],
    [
      'a command the runtime cannot start',
      initPod(specs, [crashLooping('init-db', terminated(128, 'StartError', NOT_FOUND), 2), waitCache]),
      {
        category: 'init-container-failed',
        container: 'init-db',
        message: 'Init container init-db could not start: exec: "hello.sh": executable file not found in $PATH',
      },
    ],
    [
      'a binary for another CPU',
      initPod(specs, [crashLooping('init-db', terminated(255, 'Error', 'exec /bin/migrate: exec format error'), 2), waitCache]),
      {
        category: 'init-container-failed',
        container: 'init-db',
        message:
          "Init container init-db cannot run: the image's binary is built for another CPU architecture (exec /bin/migrate: exec format error); restarted 2 times",
      },
    ],
    [
      'a started sidecar is passed; the next init container has run for 40 s',
      initPod(withSidecar, [{ ...running('proxy', false), started: true }, runningFor('init-db', 40), waitCache]),
      {
        category: 'init-container-waiting',
        container: 'init-db',
        message: 'Init container init-db is still running; the app containers start only after it finishes',
      },
    ],
    [
      'a sidecar that keeps crashing is a crash loop, not a failed init',
      initPod(withSidecar, [crashLooping('proxy', terminated(1, 'Error'), 3), waiting('init-db', 'PodInitializing', undefined), waitCache]),
      {
        category: 'crash-loop',
        container: 'proxy',
        message: 'Container proxy keeps crashing with exit code 1 (general application error); restarted 3 times',
      },
    ],
    [
      'an init container running for exactly 15 s is waited on',
      initPod(specs, [runningFor('init-db', 15), waitCache]),
      {
        category: 'init-container-waiting',
        container: 'init-db',
        message: 'Init container init-db is still running; the app containers start only after it finishes',
      },
    ],
    ['an init container running for 10 s is given time', initPod(specs, [runningFor('init-db', 10), waitCache]), SLOW],
    [
      'Initialized: the init containers are done, whatever their statuses say',
      initPod(specs, [crashLooping('init-db', terminated(1, 'Error'), 2), waitCache], 'True'),
      SLOW,
    ],
    ['no init container status reported yet', initPod(specs, []), SLOW],
  ])('%s', (_, p, want) => {
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(findings.map((f) => ({ category: f.category, container: f.container, message: f.message }))).toEqual([want]);
  });
});

describe('pods that ended or are being removed, exactly', () => {
  it.each([
    [
      'past its grace period for exactly the 30 s slack, without finalizers',
      { deletionTimestamp: ago(30) },
      [
        {
          category: 'terminating-stuck',
          reason: 'Terminating',
          message: `The pod should have been gone 30s ago (deletionTimestamp ${ago(30)})`,
        },
      ],
    ],
    ['29 s past its grace period is still terminating', { deletionTimestamp: ago(29) }, []],
    [
      'two finalizers',
      { deletionTimestamp: ago(120), finalizers: ['example.com/cleanup', 'example.com/audit'] },
      [
        {
          category: 'terminating-stuck',
          reason: 'Terminating',
          message: `The pod should have been gone 120s ago (deletionTimestamp ${ago(120)}); finalizers: example.com/cleanup, example.com/audit`,
        },
      ],
    ],
  ])('%s', (_, metadata, want) => {
    const p = pod({ ready: true, metadata });
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(findings.map((f) => ({ category: f.category, reason: f.reason, message: f.message }))).toEqual(want);
  });

  it.each([
    [
      'a deadline without the kubelet message or the field',
      { reason: 'DeadlineExceeded' },
      {},
      'Pod was active on the node longer than the specified deadline',
    ],
    [
      'a deadline with its own message',
      { reason: 'DeadlineExceeded', message: 'Pod ran too long' },
      { activeDeadlineSeconds: 0 },
      'Pod ran too long (activeDeadlineSeconds 0)',
    ],
  ])('%s', (_, status, spec, message) => {
    const p = pod({ phase: 'Failed', spec, status });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'active-deadline-exceeded', reason: 'DeadlineExceeded', message });
  });
});
