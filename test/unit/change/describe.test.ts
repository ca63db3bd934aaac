import { describe, expect, it } from 'vitest';
import type { TemplateChange } from '../../../src/diagnose/change/change-types.js';
import { describeChange } from '../../../src/diagnose/change/describe.js';

const c = (
  field: string,
  before: string | null,
  after: string | null,
  kind: TemplateChange['kind'],
  extra: Partial<TemplateChange> = {},
): TemplateChange => ({ field, before, after, kind, ...extra });

describe('describeChange', () => {
  it.each([
    [
      c('spec.containers[api].resources.limits.memory', '512Mi', '256Mi', 'resources'),
      undefined,
      'memory limit lowered from 512Mi to 256Mi in this change',
    ],
    [
      c('spec.containers[api].resources.requests.cpu', '1', '1000m', 'resources'),
      undefined,
      'cpu request changed from 1 to 1000m in this change',
    ],
    [
      c('spec.containers[api].resources.requests.nvidia.com/gpu', null, '1', 'resources'),
      undefined,
      'nvidia.com/gpu request set to 1 in this change (there was none before)',
    ],
    [
      c('spec.containers[api].image', 'app:1.4.2', 'app:1.4.3', 'image'),
      'image-not-found',
      'image changed from app:1.4.2 (ran before) to app:1.4.3, which the registry does not have',
    ],
    [
      c('spec.containers[api].image', 'app:1.4.2', 'app:1.4.3', 'image'),
      'crash-loop',
      'image changed from app:1.4.2 (ran before) to app:1.4.3 in this change',
    ],
    [
      c('spec.initContainers[setup]', null, 'busybox:1.36', 'image'),
      undefined,
      'init container setup added with image busybox:1.36 in this change',
    ],
    [c('spec.containers[proxy]', 'envoy:1', null, 'image'), undefined, 'container proxy removed in this change (it ran envoy:1)'],
    [
      c('spec.containers[api].env[DB_PASSWORD].valueFrom.secretKeyRef', null, 'db-creds:password', 'env', {
        newRefs: [{ kind: 'Secret', name: 'db-creds', key: 'password' }],
      }),
      undefined,
      'new reference to Secret db-creds (key password)',
    ],
    [
      c('spec.containers[api].envFrom[secretRef:db-creds]', null, 'Secret db-creds', 'env', {
        newRefs: [{ kind: 'Secret', name: 'db-creds' }],
      }),
      undefined,
      'new reference to Secret db-creds',
    ],
    [
      c('spec.volumes[bundle]', null, 'projected (secret tls, configMap ca)', 'volume', {
        newRefs: [
          { kind: 'Secret', name: 'tls' },
          { kind: 'ConfigMap', name: 'ca' },
        ],
      }),
      undefined,
      'new reference to Secret tls; new reference to ConfigMap ca',
    ],
    [
      c('spec.containers[api].readinessProbe.httpGet.path', '/healthz', '/ready', 'probe'),
      undefined,
      'readiness probe path changed from /healthz to /ready',
    ],
    [
      c('spec.containers[api].livenessProbe.exec.command', 'cat /tmp/healthy', 'cat /tmp/alive', 'probe'),
      undefined,
      'liveness probe command changed from cat /tmp/healthy to cat /tmp/alive',
    ],
    [
      c('spec.containers[api].startupProbe.failureThreshold', '30', '3', 'probe'),
      undefined,
      'startup probe failureThreshold changed from 30 to 3',
    ],
    [
      c(
        'spec.containers[api].readinessProbe',
        null,
        'http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
        'probe',
      ),
      undefined,
      'readiness probe added in this change: http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      c('spec.containers[api].livenessProbe', 'tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=3', null, 'probe'),
      undefined,
      'liveness probe removed in this change (it was tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=3)',
    ],
    [c('spec.containers[api].command', null, 'sh -c "sleep 1"', 'command'), undefined, 'command set to sh -c "sleep 1" in this change'],
    [
      c('spec.containers[api].volumeMounts[/data]', '/data from data (rw)', null, 'volume'),
      undefined,
      'volume mount /data removed in this change (it was /data from data (rw))',
    ],
    [
      c('spec.securityContext.runAsUser', '1000', '0', 'securityContext'),
      undefined,
      'pod securityContext.runAsUser changed from 1000 to 0 in this change',
    ],
    [
      c('spec.containers[api].securityContext.privileged', null, 'true', 'securityContext'),
      undefined,
      'securityContext.privileged set to true in this change',
    ],
    [c('spec.hostNetwork', null, 'true', 'securityContext'), undefined, 'hostNetwork set to true in this change'],
    [
      c('spec.affinity.nodeAffinity', '{"a":1}', null, 'scheduling'),
      undefined,
      'affinity.nodeAffinity removed in this change (it was {"a":1})',
    ],
    [
      c('spec.imagePullSecrets[regcred-v2]', null, 'regcred-v2', 'imagePullSecrets'),
      undefined,
      'image pull secret regcred-v2 added in this change',
    ],
  ] as const)('%j (%s)', (change, category, sentence) => {
    expect(describeChange(change, category)).toBe(sentence);
  });
});
