// What a deploy brings that resolves a failure by itself: producers of a missing Secret wait; nothing else does.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { runContextOf } from '../../../src/diagnose/run-context.js';
import { NOW, deployment, pod, snapshot, waiting } from './fixtures.js';

const missing = (name: string, createdAgo: number) =>
  pod({ phase: 'Pending', createdAgo, containerStatuses: [waiting('app', 'CreateContainerConfigError', `secret "${name}" not found`)] });

describe('runContextOf', () => {
  it.each([
    [
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { secretName: 'web-tls' },
      },
      'Secret/shop/web-tls',
      'Certificate shop/web',
    ],
    [
      {
        apiVersion: 'external-secrets.io/v1beta1',
        kind: 'ExternalSecret',
        metadata: { name: 'db', namespace: 'shop' },
        spec: { target: { name: 'db-creds' } },
      },
      'Secret/shop/db-creds',
      'ExternalSecret shop/db',
    ],
    [
      { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'db', namespace: 'shop' }, spec: {} },
      'Secret/shop/db',
      'ExternalSecret shop/db',
    ],
    [
      { apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', metadata: { name: 'api-key', namespace: 'shop' } },
      'Secret/shop/api-key',
      'SealedSecret shop/api-key',
    ],
    [
      {
        apiVersion: 'secrets.hashicorp.com/v1beta1',
        kind: 'VaultStaticSecret',
        metadata: { name: 'v', namespace: 'shop' },
        spec: { destination: { name: 'vault-db' } },
      },
      'Secret/shop/vault-db',
      'VaultStaticSecret shop/v',
    ],
  ])('%j produces %s', (obj, key, producer) => {
    expect(runContextOf([obj]).producers.get(key)).toBe(producer);
  });

  it('knows the webhooks a deploy applies, and nothing from ordinary objects', () => {
    const run = runContextOf([
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: { name: 'v' },
        webhooks: [{ name: 'validate.acme.dev' }],
      },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop' } },
      {
        apiVersion: 'example.com/v1',
        kind: 'Certificate',
        metadata: { name: 'x', namespace: 'shop' },
        spec: { secretName: 'not-cert-manager' },
      },
    ]);
    expect([...run.webhooks]).toEqual(['validate.acme.dev']);
    expect(run.producers.size).toBe(0);
  });
});

describe('a missing Secret', () => {
  const cert = runContextOf([
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { secretName: 'web-tls' },
    },
  ]);

  it('waits 60 s from the pod creation before it is fatal (something may still create it)', () => {
    expect(isDoomed(deployment(), snapshot({ pods: [missing('db', 59)] }), NOW)).toBe(false);
    expect(isDoomed(deployment(), snapshot({ pods: [missing('db', 61)] }), NOW)).toBe(true);
  });

  it('is never fatal while an object of this deploy is known to create it, and says which', () => {
    const s = snapshot({ pods: [missing('web-tls', 600)] });
    expect(isDoomed(deployment(), s, NOW, { run: cert })).toBe(false);
    const [f] = diagnoseWorkload(deployment(), s, NOW, { run: cert });
    expect(f).toMatchObject({ category: 'config-missing-ref', fatal: false });
    expect(f.message).toMatch(/; Certificate shop\/web in this deploy creates it: waiting for it$/);
  });

  it('a producer of another name or namespace does not help', () => {
    expect(isDoomed(deployment(), snapshot({ pods: [missing('db', 61)] }), NOW, { run: cert })).toBe(true);
  });
});
