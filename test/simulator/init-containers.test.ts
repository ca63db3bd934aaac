// Init containers that never finish, on the real test cluster: init-crash exits 127 and goes into
// Init:CrashLoopBackOff with its log through the apiserver; init-slow keeps running; the app containers wait in
// PodInitializing and the pod stays Pending.
import { afterAll, describe, expect, it } from 'vitest';
import {
  apply,
  condition,
  containerStatus,
  createNamespace,
  deleteNamespace,
  deployment,
  kubectl,
  kubeletEvent,
  onlyPod,
  podDesc,
  waitFor,
} from '../e2e/support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});

const initContainers = [
  { name: 'hello', image: 'busybox:1.37', command: ['sh', '-c', 'hello.sh'] },
  { name: 'migrate', image: 'ghcr.io/acme/migrate:1.0.0' },
];

async function deploy(scenario: string): Promise<string> {
  const ns = await createNamespace(scenario);
  namespaces.push(ns);
  await apply(ns, deployment('web', { scenario, initContainers }));
  return ns;
}

const init = (pod: any, name = 'hello') => containerStatus(pod, name, 'initContainerStatuses');

describe.concurrent('init containers', () => {
  it('init-crash: exits 127 with "/bin/sh: hello.sh: not found", then Init:CrashLoopBackOff; the app waits in PodInitializing', async () => {
    const ns = await deploy('init-crash');
    const pod = await waitFor(
      'the init container in CrashLoopBackOff',
      async () => {
        const p = await onlyPod(ns, 'web');
        return init(p)?.state?.waiting?.reason === 'CrashLoopBackOff' ? p : undefined;
      },
      30_000,
    );
    expect(pod.status.phase).toBe('Pending');
    expect(init(pod)).toMatchObject({
      ready: false,
      restartCount: 1,
      state: { waiting: { message: `back-off 10s restarting failed container=hello pod=${podDesc(pod)}` } },
      lastState: { terminated: { reason: 'Error', exitCode: 127 } },
    });
    expect(init(pod, 'migrate')).toMatchObject({ ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } });
    expect(containerStatus(pod)).toMatchObject({ ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } });
    expect(condition(pod, 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [hello migrate]',
    });

    expect(await kubectl(['logs', '-n', ns, pod.metadata.name, '-c', 'hello', '--previous'])).toBe('/bin/sh: hello.sh: not found\n');
    await expect(kubectl(['logs', '-n', ns, pod.metadata.name, '-c', 'app'])).rejects.toThrow(
      `container "app" in pod "${pod.metadata.name}" is waiting to start: PodInitializing`,
    );
    await kubeletEvent(
      pod,
      'Warning',
      'BackOff',
      `Back-off restarting failed container hello in pod ${podDesc(pod)}`,
      'spec.initContainers{hello}',
    );
    await kubeletEvent(pod, 'Normal', 'Started', 'Container started', 'spec.initContainers{hello}');

    await waitFor('the init container restarted after its back-off', async () => init(await onlyPod(ns, 'web'))?.restartCount >= 2, 25_000);
  });

  it('init-slow: the first init container keeps running (Init:0/2)', async () => {
    const ns = await deploy('init-slow');
    const pod = await waitFor(
      'the init container running',
      async () => {
        const p = await onlyPod(ns, 'web');
        return init(p)?.state?.running ? p : undefined;
      },
      20_000,
    );
    expect(pod.status.phase).toBe('Pending');
    expect(init(pod)).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(init(pod, 'migrate').state.waiting.reason).toBe('PodInitializing');
    expect(containerStatus(pod).state.waiting.reason).toBe('PodInitializing');
    expect(await kubectl(['get', 'pod', '-n', ns, pod.metadata.name, '--no-headers'])).toMatch(/\s0\/1\s+Init:0\/2\s+0\s/);
    expect(await kubectl(['logs', '-n', ns, pod.metadata.name, '-c', 'hello', '--tail=1'])).toBe(
      'waiting for db.default.svc.cluster.local:5432...\n',
    );
    await kubeletEvent(pod, 'Normal', 'Started', 'Container started', 'spec.initContainers{hello}');
  });
});
