import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { classifyPullError } from '../../../src/diagnose/rules/images.js';
import { NOW, deployment, event, pod, snapshot, waiting } from './fixtures.js';

const IMG = 'ghcr.io/acme/web:1.4.2';
const NOT_FOUND = `rpc error: code = NotFound desc = failed to pull and unpack image "${IMG}": failed to resolve reference "${IMG}": ${IMG}: not found`;
const DENIED =
  'failed to pull and unpack image "docker.io/library/snj:latest": failed to resolve reference "docker.io/library/snj:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
const UNAUTHORIZED = `failed to pull and unpack image "${IMG}": failed to resolve reference "${IMG}": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fweb%3Apull&service=ghcr.io: 401 Unauthorized`;
const RATE =
  'failed to pull and unpack image "docker.io/library/nginx:1.27": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:aa: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit';
const TIMEOUT = `failed to pull and unpack image "${IMG}": failed to resolve reference "${IMG}": failed to do request: Head "https://ghcr.io/v2/acme/web/manifests/1.4.2": dial tcp 140.82.112.33:443: i/o timeout`;
const TLS = `failed to pull and unpack image "${IMG}": failed to resolve reference "${IMG}": failed to do request: Head "https://registry.internal/v2/web/manifests/1": tls: failed to verify certificate: x509: certificate signed by unknown authority`;

describe('classifyPullError', () => {
  it.each([
    [NOT_FOUND, 'image-not-found'],
    ['reading manifest 1.4.9 in ghcr.io/acme/web: manifest unknown', 'image-not-found'],
    ['Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown', 'image-not-found'],
    [DENIED, 'image-pull-unauthorized'],
    [UNAUTHORIZED, 'image-pull-unauthorized'],
    [
      'failed to fetch oauth token: unexpected status from POST request to https://x.example/oauth2/token: 403 Forbidden',
      'image-pull-unauthorized',
    ],
    [RATE, 'image-pull-transient'],
    [TIMEOUT, 'image-pull-transient'],
    [TLS, 'image-pull-transient'],
    ['image pull failed for ghcr.io/acme/web:1.4.2 because the registry is unavailable: connection refused', 'image-pull-transient'],
    ['something no one has seen', null],
  ])('%s', (cause, category) => expect(classifyPullError(cause)).toBe(category));
});

function pulling(reason: string, message: string | undefined) {
  return pod({ phase: 'Pending', containerStatuses: [waiting('app', reason, message)] });
}

describe('image findings', () => {
  it('ErrImagePull carries the cause in its own message', () => {
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pulling('ErrImagePull', NOT_FOUND)] }), NOW);
    expect(f).toMatchObject({ category: 'image-not-found', fatal: true, reason: 'ErrImagePull', container: 'app' });
    expect(f.message).toBe(`Image ${IMG} does not exist in the registry (1 failed pull): ${NOT_FOUND}`);
    expect(f.hint).toBe(`Push ${IMG} to the registry or correct the tag or digest in the manifest.`);
  });

  it('a newer kubelet appends the cause to the back-off message', () => {
    const [f] = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [pulling('ImagePullBackOff', `Back-off pulling image "${IMG}": ErrImagePull: ${NOT_FOUND}`)] }),
      NOW,
    );
    expect(f).toMatchObject({ category: 'image-not-found', fatal: true, reason: 'ImagePullBackOff' });
  });

  it('an older kubelet hides the cause: it comes from the Failed events', () => {
    const p = pulling('ImagePullBackOff', `Back-off pulling image "${IMG}"`);
    const events = [
      event(p, 'Normal', 'Pulling', `Pulling image "${IMG}"`, { count: 3, container: 'app' }),
      event(p, 'Warning', 'Failed', `Failed to pull image "${IMG}": ${NOT_FOUND}`, { count: 3, container: 'app' }),
      event(p, 'Warning', 'Failed', 'Error: ErrImagePull', { count: 3, container: 'app' }),
      event(p, 'Normal', 'BackOff', `Back-off pulling image "${IMG}"`, { count: 5, container: 'app', lastAgo: 5 }),
      event(p, 'Warning', 'Failed', 'Error: ImagePullBackOff', { count: 5, container: 'app', lastAgo: 5 }),
    ];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW);
    expect(f).toMatchObject({ category: 'image-not-found', fatal: true });
    expect(f.message).toMatch(/\(3 failed pulls\): rpc error: code = NotFound/);
    expect(f.events.map((e) => e.reason)).toContain('BackOff');
  });

  it('a refused pull is fatal after the second failure only', () => {
    const once = pulling('ErrImagePull', UNAUTHORIZED);
    const first = diagnoseWorkload(
      deployment(),
      snapshot({
        pods: [once],
        events: [event(once, 'Warning', 'Failed', `Failed to pull image "${IMG}": ${UNAUTHORIZED}`, { container: 'app' })],
      }),
      NOW,
    );
    expect(first[0]).toMatchObject({ category: 'image-pull-unauthorized', fatal: false });
    expect(first[0].hint).toMatch(/credentials for ghcr.io/);
    const twice = diagnoseWorkload(
      deployment(),
      snapshot({
        pods: [once],
        events: [event(once, 'Warning', 'Failed', `Failed to pull image "${IMG}": ${UNAUTHORIZED}`, { container: 'app', count: 2 })],
      }),
      NOW,
    );
    expect(twice[0]).toMatchObject({ category: 'image-pull-unauthorized', fatal: true });
  });

  it.each([
    [RATE, /authenticate pulls or use a mirror/],
    [TIMEOUT, /network and DNS/],
  ])('transient pull errors are never fatal before the deadline', (cause, hint) => {
    const p = pulling('ImagePullBackOff', `Back-off pulling image "${IMG}": ErrImagePull: ${cause}`);
    const [f] = diagnoseWorkload(
      deployment(),
      snapshot({
        pods: [p],
        events: [event(p, 'Warning', 'Failed', `Failed to pull image "${IMG}": ${cause}`, { count: 9, container: 'app' })],
      }),
      NOW,
    );
    expect(f).toMatchObject({ category: 'image-pull-transient', fatal: false });
    expect(f.hint).toMatch(hint);
  });

  it.each([
    [
      'ErrImageNeverPull',
      `Container image "${IMG}" is not present with pull policy of Never`,
      'image-never-pull',
      /imagePullPolicy from Never to IfNotPresent/,
    ],
    [
      'InvalidImageName',
      'Failed to apply default image tag "ghcr.io/Acme/Web:1": couldn\'t parse image name "ghcr.io/Acme/Web:1": invalid reference format: repository name must be lowercase',
      'image-invalid-name',
      /lowercase repository/,
    ],
  ])('%s', (reason, message, category, hint) => {
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [pulling(reason, message)] }), NOW);
    expect(f).toMatchObject({ category, fatal: true, reason, message });
    expect(f.hint).toMatch(hint);
  });
});

describe('image findings, exactly', () => {
  const NINE = 'ghcr.io/acme/web:9';
  const notFound9 = `rpc error: code = NotFound desc = failed to pull and unpack image "${NINE}": not found`;
  it.each([
    [
      'ErrImageNeverPull without a message',
      waiting('app', 'ErrImageNeverPull', undefined),
      [],
      {
        category: 'image-never-pull',
        reason: 'ErrImageNeverPull',
        message: `Container image "${IMG}" is not present with pull policy of Never`,
      },
    ],
    [
      'InvalidImageName without a message',
      waiting('app', 'InvalidImageName', undefined),
      [],
      { category: 'image-invalid-name', reason: 'InvalidImageName', message: `The image reference "${IMG}" is not valid` },
    ],
    [
      'InvalidImageName with the kubelet message',
      waiting('app', 'InvalidImageName', 'Failed to apply default image tag "ghcr.io/Acme/web": couldn\'t parse image name'),
      [],
      {
        category: 'image-invalid-name',
        reason: 'InvalidImageName',
        message: 'Failed to apply default image tag "ghcr.io/Acme/web": couldn\'t parse image name',
      },
    ],
    [
      'a back-off message naming the image and its RegistryUnavailable cause',
      waiting(
        'app',
        'ImagePullBackOff',
        `Back-off pulling image "${NINE}": RegistryUnavailable: failed to do request: dial tcp: i/o timeout`,
      ),
      [],
      {
        category: 'image-pull-transient',
        reason: 'ImagePullBackOff',
        message: `Pulling ${NINE} failed with a temporary error (1 failed pull): failed to do request: dial tcp: i/o timeout`,
      },
    ],
    [
      'a back-off without any cause to read',
      waiting('app', 'ImagePullBackOff', `Back-off pulling image "${NINE}"`),
      [],
      { category: 'unknown', reason: 'ImagePullBackOff', message: `ImagePullBackOff: Back-off pulling image "${NINE}"` },
    ],
    [
      'the pull count from the "Error: ErrImagePull" events when they say more',
      waiting('app', 'ImagePullBackOff', `Back-off pulling image "${NINE}"`),
      [
        ['Failed', `Failed to pull image "${NINE}": ${notFound9}`, 2],
        ['Failed', 'Error: ErrImagePull', 5],
        ['BackOff', `Back-off pulling image "${NINE}"`, 9],
      ],
      {
        category: 'image-not-found',
        reason: 'ImagePullBackOff',
        message: `Image ${NINE} does not exist in the registry (5 failed pulls): ${notFound9}`,
      },
    ],
    [
      'an ErrImagePull message the gate cannot classify',
      waiting('app', 'ErrImagePull', 'something odd happened'),
      [],
      { category: 'unknown', reason: 'ErrImagePull', message: 'ErrImagePull: something odd happened' },
    ],
  ])('%s', (_, status, events, want) => {
    const p = pod({ containerStatuses: [status] });
    const evs = (events as [string, string, number][]).map(([reason, message, count], i) =>
      event(p, 'Warning', reason, message, { container: 'app', count, lastAgo: 40 - i }),
    );
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events: evs }), NOW);
    expect({ category: f.category, reason: f.reason, message: f.message }).toEqual(want);
  });
});
