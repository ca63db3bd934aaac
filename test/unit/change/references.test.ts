import { describe, expect, it } from 'vitest';
import { referencedConfigNames, templateReferences } from '../../../src/diagnose/change/references.js';
import { apiContainer, template } from './fixtures.js';

describe('templateReferences', () => {
  it('finds env valueFrom, envFrom, volumes, projected volumes and pull secrets, init containers too', () => {
    const t = template({
      initContainers: [
        {
          name: 'migrate',
          image: 'm:1',
          env: [{ name: 'DSN', valueFrom: { secretKeyRef: { name: 'db-dsn', key: 'dsn', optional: true } } }],
        },
      ],
      containers: [
        apiContainer({
          env: [
            { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'logging', key: 'level' } } },
            { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          envFrom: [{ secretRef: { name: 'api-secrets' } }, { prefix: 'CFG_', configMapRef: { name: 'api-config', optional: true } }],
        }),
      ],
      volumes: [
        {
          name: 'files',
          configMap: {
            name: 'api-files',
            items: [
              { key: 'a.yaml', path: 'a.yaml' },
              { key: 'b.yaml', path: 'b.yaml' },
            ],
          },
        },
        { name: 'tls', secret: { secretName: 'api-tls' } },
        {
          name: 'bundle',
          projected: {
            sources: [{ secret: { name: 'ca' } }, { serviceAccountToken: { path: 'token' } }, { configMap: { name: 'trust' } }],
          },
        },
        { name: 'scratch', emptyDir: {} },
      ],
      imagePullSecrets: [{ name: 'regcred' }],
    });
    expect(templateReferences(t)).toEqual([
      { kind: 'Secret', name: 'db-dsn', key: 'dsn', via: 'env', container: 'migrate', optional: true },
      { kind: 'ConfigMap', name: 'logging', key: 'level', via: 'env', container: 'api', optional: false },
      { kind: 'Secret', name: 'api-secrets', via: 'envFrom', container: 'api', optional: false },
      { kind: 'ConfigMap', name: 'api-config', via: 'envFrom', container: 'api', optional: true },
      { kind: 'ConfigMap', name: 'api-files', key: 'a.yaml', via: 'volume', volume: 'files', optional: false },
      { kind: 'ConfigMap', name: 'api-files', key: 'b.yaml', via: 'volume', volume: 'files', optional: false },
      { kind: 'Secret', name: 'api-tls', via: 'volume', volume: 'tls', optional: false },
      { kind: 'Secret', name: 'ca', via: 'volume', volume: 'bundle', optional: false },
      { kind: 'ConfigMap', name: 'trust', via: 'volume', volume: 'bundle', optional: false },
      { kind: 'Secret', name: 'regcred', via: 'imagePullSecret', optional: false },
    ]);
  });

  it('referencedConfigNames lists each object once, names only', () => {
    expect(referencedConfigNames(template())).toEqual([
      { kind: 'Secret', name: 'db-creds' },
      { kind: 'ConfigMap', name: 'api-config' },
      { kind: 'ConfigMap', name: 'api-files' },
      { kind: 'Secret', name: 'regcred' },
    ]);
  });

  it.each([[null], [{}], [{ spec: { containers: 'nope' } }], ['text']])('tolerates %j', (input) => {
    expect(templateReferences(input)).toEqual([]);
  });
});
