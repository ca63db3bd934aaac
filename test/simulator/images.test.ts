// Images that cannot be pulled, on the real test cluster: ErrImagePull with containerd's error, then ImagePullBackOff,
// the pod Pending with no restarts, the kubelet's Pulling/Failed/BackOff events, and the apiserver refusing logs.
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
  waitFor,
} from '../e2e/support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});

const cases = [
  {
    scenario: 'image-not-found',
    image: 'nginx:9.9',
    error:
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.9": failed to resolve image: docker.io/library/nginx:9.9: not found',
  },
  {
    scenario: 'image-unauthorized',
    image: 'acme/private-api:2.1.0',
    error:
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/acme/private-api:2.1.0": failed to resolve image: ' +
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
  },
  {
    scenario: 'image-unauthorized',
    image: 'ghcr.io/acme/private-api:2.1.0',
    error:
      'rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/acme/private-api:2.1.0": failed to resolve image: failed to authorize: ' +
      'failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fprivate-api%3Apull&service=ghcr.io: 401 Unauthorized',
  },
];

describe.concurrent('images that cannot be pulled', () => {
  it.each(cases)(
    '$scenario ($image): ErrImagePull, then ImagePullBackOff, with Failed events carrying the cause',
    async ({ scenario, image, error }) => {
      const ns = await createNamespace(scenario);
      namespaces.push(ns);
      await apply(ns, deployment('web', { scenario, containers: [{ name: 'app', image }] }));

      const pulling = await waitFor(
        'ErrImagePull',
        async () => {
          const pod = await onlyPod(ns, 'web');
          return containerStatus(pod)?.state?.waiting?.reason === 'ErrImagePull' ? pod : undefined;
        },
        20_000,
      );
      expect(pulling.status.phase).toBe('Pending');
      expect(containerStatus(pulling)).toMatchObject({
        image,
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { message: error } },
      });
      expect(containerStatus(pulling).containerID).toBeUndefined();
      expect(condition(pulling, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });

      const backingOff = await waitFor(
        'ImagePullBackOff',
        async () => {
          const pod = await onlyPod(ns, 'web');
          return containerStatus(pod)?.state?.waiting?.reason === 'ImagePullBackOff' ? pod : undefined;
        },
        20_000,
      );
      expect(containerStatus(backingOff).state.waiting.message).toBe(`Back-off pulling image "${image}": ErrImagePull: ${error}`);

      await kubeletEvent(pulling, 'Normal', 'Pulling', `Pulling image "${image}"`);
      await kubeletEvent(pulling, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
      await kubeletEvent(pulling, 'Warning', 'Failed', 'Error: ErrImagePull');
      await kubeletEvent(pulling, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
      await kubeletEvent(pulling, 'Warning', 'Failed', 'Error: ImagePullBackOff');

      // The kubelet pulls again after its 10 s image back-off: ErrImagePull returns, the Pulling event counts 2.
      await waitFor(
        'a second pull attempt',
        async () => {
          const events = JSON.parse(await kubectl(['get', 'events', '-n', ns, '-o', 'json'])).items;
          return events.some((e: any) => e.reason === 'Pulling' && e.count >= 2);
        },
        25_000,
      );
      expect(containerStatus(await onlyPod(ns, 'web')).restartCount).toBe(0);

      // The kubelet's answer depends on the moment: ErrImagePull or ImagePullBackOff.
      const waitingToStart = new RegExp(
        `container "app" in pod "${pulling.metadata.name}" is waiting to start: (image can't be pulled|trying and failing to pull image)`,
      );
      await expect(kubectl(['logs', '-n', ns, pulling.metadata.name])).rejects.toThrow(waitingToStart);
    },
  );
});
