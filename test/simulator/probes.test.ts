// Failing probes on the real test cluster: not-ready keeps the container running but unready with repeated
// "Readiness probe failed" events built from the pod's probe; liveness gets the container killed and restarted.
import { afterAll, describe, expect, it } from 'vitest';
import {
  apply,
  condition,
  containerStatus,
  createNamespace,
  deleteNamespace,
  deployment,
  findEvent,
  kubeletEvent,
  onlyPod,
  waitFor,
} from '../e2e/support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});

async function deploy(scenario: string, app: object): Promise<string> {
  const ns = await createNamespace(scenario);
  namespaces.push(ns);
  await apply(ns, deployment('web', { scenario, containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0', ...app }] }));
  return ns;
}

const readiness = [
  { handler: 'httpGet', probe: { httpGet: { path: '/ready', port: 8080 } }, output: () => 'HTTP probe failed with statuscode: 503' },
  {
    handler: 'tcpSocket',
    probe: { tcpSocket: { port: 5432 } },
    output: (ip: string) => `dial tcp ${ip}:5432: connect: connection refused`,
  },
  { handler: 'exec', probe: { exec: { command: ['test', '-f', '/tmp/ready'] } }, output: () => '' },
];

describe.concurrent('probes', () => {
  it.each(readiness)(
    'not-ready ($handler): running, never ready, "Readiness probe failed" events counting up',
    async ({ probe, output }) => {
      const ns = await deploy('not-ready', { readinessProbe: { ...probe, periodSeconds: 1 } });
      const pod = await waitFor(
        'the container running',
        async () => {
          const p = await onlyPod(ns, 'web');
          return containerStatus(p)?.state?.running ? p : undefined;
        },
        20_000,
      );
      expect(pod.status.phase).toBe('Running');
      expect(containerStatus(pod)).toMatchObject({ ready: false, started: true, restartCount: 0 });
      expect(condition(pod, 'Ready')).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
      });

      const message = `Readiness probe failed: ${output(pod.status.podIP)}`;
      await kubeletEvent(pod, 'Warning', 'Unhealthy', message);
      await waitFor(
        'the Unhealthy event counted 3 times',
        () => findEvent(ns, pod.metadata.name, 'Warning', 'Unhealthy', (m) => m === message).then((e) => e?.count >= 3),
        15_000,
      );
      expect(containerStatus(await onlyPod(ns, 'web'))).toMatchObject({ ready: false, restartCount: 0 });
    },
  );

  it('liveness: "Liveness probe failed" events, Killing, and restarts rising', async () => {
    const ns = await deploy('liveness', {
      livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 1, failureThreshold: 2 },
    });
    const killed = await waitFor(
      'the first kill',
      async () => {
        const p = await onlyPod(ns, 'web');
        return containerStatus(p)?.restartCount >= 1 ? p : undefined;
      },
      20_000,
    );
    expect(containerStatus(killed).lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 137 });

    const probeFailed = `Liveness probe failed: Get "http://${killed.status.podIP}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
    const unhealthy = await kubeletEvent(killed, 'Warning', 'Unhealthy', probeFailed);
    expect(unhealthy.count).toBeGreaterThanOrEqual(2);
    await kubeletEvent(killed, 'Normal', 'Killing', 'Container app failed liveness probe, will be restarted');

    const again = await waitFor(
      'restartCount 2',
      async () => {
        const p = await onlyPod(ns, 'web');
        return containerStatus(p)?.restartCount >= 2 ? p : undefined;
      },
      30_000,
    );
    expect(containerStatus(again).lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 137 });
    const killing = await findEvent(ns, killed.metadata.name, 'Normal', 'Killing');
    expect(killing.count).toBeGreaterThanOrEqual(2);
  });
});
