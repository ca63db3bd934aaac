// Issue 3's crashing containers on the real test cluster: each scenario's pod status (terminated reason, exit code,
// CrashLoopBackOff with the kubelet's back-off message, restartCount rising after the 10 s back-off) and the
// kubelet's events, plus the container log through the apiserver.
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
} from './support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});

async function deploy(scenario: string, opts: Parameters<typeof deployment>[1] = {}): Promise<string> {
  const ns = await createNamespace(`crash-${scenario.replace(/[^a-z0-9]/g, '')}`.slice(0, 30));
  namespaces.push(ns);
  await apply(ns, deployment('web', { scenario, ...opts }));
  return ns;
}

/** Waits for the pod to sit in CrashLoopBackOff after its second exit, and returns it. */
function inBackOff(ns: string) {
  return waitFor(
    'the pod in CrashLoopBackOff',
    async () => {
      const pod = await onlyPod(ns, 'web');
      return containerStatus(pod)?.state?.waiting?.reason === 'CrashLoopBackOff' ? pod : undefined;
    },
    30_000,
  );
}

const exits = [
  {
    scenario: 'crash',
    reason: 'Error',
    exitCode: 1,
    lastLog: 'level=fatal msg="failed to load configuration" error="open /etc/app/config.yaml: no such file or directory"',
  },
  { scenario: 'crash-exit-0', reason: 'Completed', exitCode: 0, lastLog: 'Nothing to do, exiting.' },
  { scenario: 'oom', reason: 'OOMKilled', exitCode: 137, lastLog: 'Loading product catalog into memory (2400000 items)...' },
];

describe.concurrent('containers that exit', () => {
  it.each(exits)(
    '$scenario: terminates $reason with exit code $exitCode, then CrashLoopBackOff with restarts rising',
    async ({ scenario, reason, exitCode, lastLog }) => {
      const ns = await deploy(scenario);
      const pod = await inBackOff(ns);
      const status = containerStatus(pod);
      expect(pod.status.phase).toBe('Running');
      expect(status).toMatchObject({
        ready: false,
        started: false,
        restartCount: 1,
        state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=app pod=${podDesc(pod)}` } },
        lastState: { terminated: { reason, exitCode } },
      });
      expect(status.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
      expect(condition(pod, 'Ready')).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
      });

      // The first exit was restarted at once, the second waits 10 s: restartCount reaches 2 about 10 s later.
      const restarted = await waitFor(
        'restartCount 2',
        async () => {
          const p = await onlyPod(ns, 'web');
          return containerStatus(p)?.restartCount >= 2 ? p : undefined;
        },
        25_000,
      );
      expect(containerStatus(restarted).lastState.terminated).toMatchObject({ reason, exitCode });

      const backOff = await kubeletEvent(pod, 'Warning', 'BackOff', `Back-off restarting failed container app in pod ${podDesc(pod)}`);
      expect(backOff.count).toBeGreaterThanOrEqual(1);
      const started = await kubeletEvent(pod, 'Normal', 'Started', 'Container started');
      expect(started.count).toBeGreaterThanOrEqual(2);
      await kubeletEvent(pod, 'Normal', 'Created', 'Container created');
      await kubeletEvent(
        pod,
        'Normal',
        'Pulled',
        /^(Successfully pulled image "ghcr.io\/acme\/app:1.0.0" in \S+ \(\S+ including waiting\)\. Image size: \d+ bytes\.|Container image "ghcr.io\/acme\/app:1.0.0" already present on machine and can be accessed by the pod)$/,
      );

      const previous = await kubectl(['logs', '-n', ns, pod.metadata.name, '-c', 'app', '--previous']);
      expect(previous.trimEnd().split('\n').at(-1)).toBe(lastLog);
    },
  );

  it('start-error: StartError exit 128 with the exec error, RunContainerError, then CrashLoopBackOff', async () => {
    const ns = await deploy('start-error', { containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0', command: ['/app/server'] }] });
    const startMsg =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: ' +
      'unable to start container process: error during container init: exec: "/app/server": stat /app/server: no such file or directory: unknown';
    const pod = await inBackOff(ns);
    expect(pod.status.phase).toBe('Running');
    expect(containerStatus(pod)).toMatchObject({
      restartCount: 1,
      ready: false,
      lastState: { terminated: { reason: 'StartError', exitCode: 128, message: startMsg, startedAt: '1970-01-01T00:00:00Z' } },
    });
    await kubeletEvent(pod, 'Warning', 'Failed', `Error: ${startMsg}`);
    await kubeletEvent(pod, 'Warning', 'BackOff', `Back-off restarting failed container app in pod ${podDesc(pod)}`);
    // After the back-off the kubelet tries again and fails the same way. The RunContainerError state lasts only until
    // the next back-off begins, so a poll may see either; both must carry the start error.
    const retried = await waitFor(
      'a second failed start after the back-off',
      async () => {
        const p = await onlyPod(ns, 'web');
        const s = containerStatus(p);
        const reason = s?.state.waiting?.reason;
        return s?.restartCount >= 2 && (reason === 'RunContainerError' || reason === 'CrashLoopBackOff') ? s : undefined;
      },
      45_000,
    );
    if (retried.state.waiting.reason === 'RunContainerError') expect(retried.state.waiting.message).toBe(startMsg);
    else expect(retried.lastState.terminated).toMatchObject({ reason: 'StartError', exitCode: 128, message: startMsg });
  });

  it('crash-on-node=worker-2 crashes on worker-2 and is healthy on worker-1', async () => {
    const ns = await createNamespace('crash-on-node');
    namespaces.push(ns);
    const on = (node: string) => ({ scenario: 'crash-on-node=worker-2', podSpec: { nodeSelector: { 'kubernetes.io/hostname': node } } });
    await apply(ns, { ...deployment('broken', on('worker-2')) }, deployment('fine', on('worker-1')));
    const broken = await waitFor(
      'the worker-2 pod crash-looping',
      async () => {
        const pod = await onlyPod(ns, 'broken');
        return containerStatus(pod)?.state?.waiting?.reason === 'CrashLoopBackOff' ? pod : undefined;
      },
      30_000,
    );
    expect(broken.spec.nodeName).toBe('worker-2');
    expect(containerStatus(broken).lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 1 });
    const fine = await onlyPod(ns, 'fine');
    expect(fine.spec.nodeName).toBe('worker-1');
    expect(condition(fine, 'Ready')?.status).toBe('True');
    expect(containerStatus(fine)).toMatchObject({ ready: true, restartCount: 0, state: { running: {} } });
  });

  it('crash-until=5s: exits at each start before 5 s from the pod creation, then runs and stays Ready', async () => {
    const ns = await createNamespace('crash-until');
    namespaces.push(ns);
    const d: any = deployment('web', { scenario: 'crash' });
    d.spec.template.metadata.annotations['kwok.kube-deploy-gate.dev/crash-until'] = '5s';
    await apply(ns, d);
    // Exits at about 2 and 4 s (the second one into a 10 s back-off); the start after it, past 5 s, stays up.
    const up = await waitFor(
      'the pod Ready again after its back-off',
      async () => {
        const p = await onlyPod(ns, 'web');
        return condition(p, 'Ready')?.status === 'True' && containerStatus(p)?.restartCount === 2 ? p : undefined;
      },
      30_000,
    );
    const started = Date.parse(containerStatus(up).state.running.startedAt);
    expect(started - Date.parse(up.metadata.creationTimestamp)).toBeGreaterThanOrEqual(5000);
    expect(containerStatus(up).lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 1 });
    await new Promise((r) => setTimeout(r, 5000)); // longer than the 1.2 s a crashing run lasts
    const later = await onlyPod(ns, 'web');
    expect(containerStatus(later)).toMatchObject({ ready: true, restartCount: 2, state: { running: {} } });
    expect(condition(later, 'Ready')?.status).toBe('True');
  });

  it('a healthy pod: Ready in about a second, with the kubelet events and the app log', async () => {
    const ns = await deploy('');
    const pod = await waitFor(
      'the pod Ready',
      async () => {
        const p = await onlyPod(ns, 'web');
        return condition(p, 'Ready')?.status === 'True' ? p : undefined;
      },
      15_000,
    );
    expect(containerStatus(pod)).toMatchObject({
      ready: true,
      started: true,
      restartCount: 0,
      image: 'ghcr.io/acme/app:1.0.0',
      imageID: expect.stringMatching(/^ghcr.io\/acme\/app@sha256:[0-9a-f]{64}$/),
    });
    await kubeletEvent(pod, 'Normal', 'Started', 'Container started');
    expect(await kubectl(['logs', '-n', ns, pod.metadata.name])).toBe('Starting server on :8080\nReady to accept connections\n');
  });
});
