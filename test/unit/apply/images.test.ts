import { describe, expect, it } from 'vitest';
import { addImagePullSecrets, parseImageSubstitutions, repositoryOf, substituteImages } from '../../../src/apply/images.js';

describe('repositoryOf', () => {
  it.each([
    ['nginx', 'nginx'],
    ['nginx:1.27', 'nginx'],
    ['localhost:5000/app:2', 'localhost:5000/app'],
    ['localhost:5000/app', 'localhost:5000/app'],
    ['ghcr.io/acme/api@sha256:' + 'a'.repeat(64), 'ghcr.io/acme/api'],
    ['ghcr.io/acme/api:1.0@sha256:' + 'a'.repeat(64), 'ghcr.io/acme/api'],
  ])('%s -> %s', (image, repo) => expect(repositoryOf(image)).toBe(repo));
});

describe('parseImageSubstitutions', () => {
  it('accepts repo=ref and a bare reference', () => {
    expect(
      parseImageSubstitutions(['ghcr.io/acme/api=ghcr.io/acme/api:1.4.3', 'nginx:1.27', 'localhost:5000/app=localhost:5000/app:7']),
    ).toEqual([
      { repository: 'ghcr.io/acme/api', reference: 'ghcr.io/acme/api:1.4.3' },
      { repository: 'nginx', reference: 'nginx:1.27' },
      { repository: 'localhost:5000/app', reference: 'localhost:5000/app:7' },
    ]);
  });
  it.each([['a=b=c'], ['Nginx=Nginx:1'], ['nginx=nginx:bad tag'], ['=nginx:1'], ['nginx=nginx@sha256:short']])('refuses %s', (line) => {
    expect(() => parseImageSubstitutions([line])).toThrow(/^images: /);
  });
});

describe('substituteImages', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api' },
    spec: {
      template: {
        spec: {
          initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/api:1.0' }],
          containers: [
            { name: 'api', image: 'ghcr.io/acme/api:1.0' },
            { name: 'proxy', image: 'envoyproxy/envoy:v1.31' },
          ],
        },
      },
    },
  };
  it('replaces containers and init containers whose repository matches, without touching the input', () => {
    const { object, replaced } = substituteImages(deployment, [{ repository: 'ghcr.io/acme/api', reference: 'ghcr.io/acme/api:1.1' }]);
    expect(replaced).toBe(2);
    expect(object.spec.template.spec.containers.map((c: any) => c.image)).toEqual(['ghcr.io/acme/api:1.1', 'envoyproxy/envoy:v1.31']);
    expect(object.spec.template.spec.initContainers[0].image).toBe('ghcr.io/acme/api:1.1');
    expect(deployment.spec.template.spec.containers[0].image).toBe('ghcr.io/acme/api:1.0');
  });
  it('reaches CronJob and Pod templates', () => {
    const cron = {
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } } },
    };
    expect(substituteImages(cron, [{ repository: 'busybox', reference: 'busybox:1.36' }]).replaced).toBe(1);
    const pod = { kind: 'Pod', spec: { containers: [{ name: 'c', image: 'busybox:1' }] } };
    expect(substituteImages(pod, [{ repository: 'busybox', reference: 'busybox:1.36' }]).object.spec.containers[0].image).toBe(
      'busybox:1.36',
    );
  });
});

describe('addImagePullSecrets', () => {
  const template = (spec: Record<string, unknown>) => ({ kind: 'Deployment', spec: { template: { spec } } });

  it('adds every name to every pod template, after the ones it lists, each once, without touching the input', () => {
    const d = template({ imagePullSecrets: [{ name: 'ghcr' }], containers: [] });
    const out = addImagePullSecrets(d, ['ghcr', 'quay']);
    expect(out.spec.template.spec.imagePullSecrets).toEqual([{ name: 'ghcr' }, { name: 'quay' }]);
    expect(d.spec.template.spec.imagePullSecrets).toEqual([{ name: 'ghcr' }]);
  });
  it.each([
    [
      'CronJob',
      { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } } },
      (o: any) => o.spec.jobTemplate.spec.template.spec,
    ],
    ['Pod', { kind: 'Pod', spec: { containers: [] } }, (o: any) => o.spec],
    ['StatefulSet', { kind: 'StatefulSet', spec: { template: { spec: { containers: [] } } } }, (o: any) => o.spec.template.spec],
  ])('reaches a %s', (_, obj, specOf) => {
    expect(specOf(addImagePullSecrets(obj, ['ghcr'])).imagePullSecrets).toEqual([{ name: 'ghcr' }]);
  });
  it('leaves objects without a pod template alone', () => {
    const cm = { kind: 'ConfigMap', data: { a: 'b' } };
    expect(addImagePullSecrets(cm, ['ghcr'])).toBe(cm);
  });
});
