import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { classifyPullError } from '../../../src/diagnose/rules/images.js';
import { NOW, deployment, event, pod, snapshot, waiting } from './fixtures.js';
import { runContextOf, type RunContext } from '../../../src/diagnose/run-context.js';

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

// The kubelet pulls without a pull secret it cannot find: the registry's refusal is about the missing secret, which
// may still be on its way (an ExternalSecret of the same deploy, a controller that copies it into new namespaces).
describe('a refused pull while the pod names a pull secret that does not exist', () => {
  const UNRETRIEVED = 'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.';
  const refused = (o: { createdAgo: number; missingAgo: number | null; pullAgo?: number; message?: string }, run?: RunContext) => {
    const p = pod({ phase: 'Pending', createdAgo: o.createdAgo, containerStatuses: [waiting('app', 'ErrImagePull', UNAUTHORIZED)] });
    const events = [
      event(p, 'Warning', 'Failed', `Failed to pull image "${IMG}": ${UNAUTHORIZED}`, {
        container: 'app',
        count: 3,
        lastAgo: o.pullAgo ?? 2,
      }),
      ...(o.missingAgo === null
        ? []
        : [event(p, 'Warning', 'FailedToRetrieveImagePullSecret', o.message ?? UNRETRIEVED, { count: 3, lastAgo: o.missingAgo })]),
    ];
    return diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW, { run })[0];
  };

  it('waits for the object of the same deploy that creates it, and names it', () => {
    const run = runContextOf([
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: 'registry', namespace: 'shop' },
        spec: { target: { name: 'regcred' } },
      },
    ]);
    const f = refused({ createdAgo: 600, missingAgo: 2 }, run);
    expect(f).toMatchObject({ category: 'image-pull-unauthorized', fatal: false });
    expect(f.message).toBe(
      `The registry refused to serve ${IMG} (3 failed pulls): ${UNAUTHORIZED}; the pull secret regcred does not exist yet and ExternalSecret shop/registry in this deploy creates it: waiting for it`,
    );
  });

  it.each([
    { name: 'within 60 s of the pod creation: waits', createdAgo: 40, fatal: false },
    { name: 'once 60 s have passed: failed', createdAgo: 61, fatal: true },
  ])('no object of the deploy creates it, $name', ({ createdAgo, fatal }) => {
    const f = refused({ createdAgo, missingAgo: 2 });
    expect(f).toMatchObject({ category: 'image-pull-unauthorized', fatal });
    expect(f.message).toMatch(
      /; the pull secret regcred the pod names does not exist in namespace shop, so the kubelet pulled without it$/,
    );
    expect(f.hint).toBe(
      'Create the pull secret regcred (type kubernetes.io/dockerconfigjson, credentials for ghcr.io) in namespace shop, or fix the name in imagePullSecrets.',
    );
  });

  it('two missing secrets are both named (the documentation writes them in angle brackets)', () => {
    const f = refused({
      createdAgo: 10,
      missingAgo: 2,
      message: 'Unable to retrieve some image pull secrets (<regcred>, <mirror>); attempting to pull the image may not succeed.',
    });
    expect(f.message).toMatch(
      /the pull secrets regcred, mirror the pod names do not exist in namespace shop, so the kubelet pulled without them$/,
    );
  });

  it('a secret missing before an earlier pull only: the last refusal is about the credentials, fatal after two failures', () => {
    const f = refused({ createdAgo: 10, missingAgo: 40, pullAgo: 2 });
    expect(f).toMatchObject({ category: 'image-pull-unauthorized', fatal: true });
    expect(f.message).not.toMatch(/pull secret/);
    expect(f.hint).toMatch(/^Give the pods credentials for ghcr.io/);
  });
});

describe('replicas at different stages of the same failing pull', () => {
  it('one in ErrImagePull after 1 pull, one in ImagePullBackOff after 3: one finding, 2/2 pods', () => {
    const a = pod({ name: 'web-7d9f8c6b5-a', phase: 'Pending', containerStatuses: [waiting('app', 'ErrImagePull', NOT_FOUND)] });
    const b = pod({
      name: 'web-7d9f8c6b5-b',
      phase: 'Pending',
      node: 'worker-2',
      containerStatuses: [waiting('app', 'ImagePullBackOff', `Back-off pulling image "${IMG}": ErrImagePull: ${NOT_FOUND}`)],
    });
    const events = [
      event(a, 'Warning', 'Failed', `Failed to pull image "${IMG}": ${NOT_FOUND}`, { container: 'app' }),
      event(b, 'Warning', 'Failed', `Failed to pull image "${IMG}": ${NOT_FOUND}`, { container: 'app', count: 3 }),
    ];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [a, b], events }), NOW);
    expect(findings.map((f) => [f.category, f.count, f.fatal])).toEqual([['image-not-found', '2/2 pods', true]]);
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
