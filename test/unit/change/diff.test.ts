import { describe, expect, it } from 'vitest';
import type { TemplateChange } from '../../../src/diagnose/change/change-types.js';
import { diffPodTemplates } from '../../../src/diagnose/change/diff.js';
import { apiContainer, edited, template } from './fixtures.js';

const base = template();
const api = (t: any): any => t.spec.containers[0];

describe('diffPodTemplates: one field family at a time', () => {
  const cases: [string, (t: any) => void, TemplateChange[]][] = [
    [
      'image',
      (t) => {
        api(t).image = 'ghcr.io/acme/api:1.4.3';
      },
      [
        {
          field: 'spec.containers[api].image',
          before: 'ghcr.io/acme/api:1.4.2',
          after: 'ghcr.io/acme/api:1.4.3',
          kind: 'image',
          container: 'api',
        },
      ],
    ],
    [
      'init container image',
      (t) => {
        t.spec.initContainers[0].image = 'ghcr.io/acme/api:1.4.3';
      },
      [
        {
          field: 'spec.initContainers[migrate].image',
          before: 'ghcr.io/acme/api:1.4.2',
          after: 'ghcr.io/acme/api:1.4.3',
          kind: 'image',
          container: 'migrate',
        },
      ],
    ],
    [
      'imagePullPolicy',
      (t) => {
        api(t).imagePullPolicy = 'Never';
      },
      [{ field: 'spec.containers[api].imagePullPolicy', before: 'IfNotPresent', after: 'Never', kind: 'image', container: 'api' }],
    ],
    [
      'command set where the image entrypoint ran',
      (t) => {
        api(t).command = ['sh', '-c', 'exec /app/api --fast'];
      },
      [{ field: 'spec.containers[api].command', before: null, after: 'sh -c "exec /app/api --fast"', kind: 'command', container: 'api' }],
    ],
    [
      'args changed',
      (t) => {
        api(t).args = ['--port=9090'];
      },
      [{ field: 'spec.containers[api].args', before: '--port=8080', after: '--port=9090', kind: 'command', container: 'api' }],
    ],
    [
      'init container command',
      (t) => {
        t.spec.initContainers[0].command = ['/app/hello.sh'];
      },
      [
        {
          field: 'spec.initContainers[migrate].command',
          before: '/app/migrate',
          after: '/app/hello.sh',
          kind: 'command',
          container: 'migrate',
        },
      ],
    ],
    [
      'new env var from a Secret',
      (t) => {
        api(t).env.push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-password', key: 'password' } } });
      },
      [
        {
          field: 'spec.containers[api].env[DB_PASSWORD].valueFrom.secretKeyRef',
          before: null,
          after: 'db-password:password',
          kind: 'env',
          container: 'api',
          newRefs: [{ kind: 'Secret', name: 'db-password', key: 'password' }],
        },
      ],
    ],
    [
      'env literal value changed',
      (t) => {
        api(t).env[0].value = 'debug';
      },
      [{ field: 'spec.containers[api].env[LOG_LEVEL].value', before: 'info', after: 'debug', kind: 'env', container: 'api' }],
    ],
    [
      'env var switched from a literal to a ConfigMap key',
      (t) => {
        api(t).env[0] = { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'logging', key: 'level' } } };
      },
      [
        { field: 'spec.containers[api].env[LOG_LEVEL].value', before: 'info', after: null, kind: 'env', container: 'api' },
        {
          field: 'spec.containers[api].env[LOG_LEVEL].valueFrom.configMapKeyRef',
          before: null,
          after: 'logging:level',
          kind: 'env',
          container: 'api',
          newRefs: [{ kind: 'ConfigMap', name: 'logging', key: 'level' }],
        },
      ],
    ],
    [
      'a new key of a Secret already used is a new reference',
      (t) => {
        api(t).env[1].valueFrom.secretKeyRef.key = 'username';
      },
      [
        {
          field: 'spec.containers[api].env[DB_USER].valueFrom.secretKeyRef',
          before: 'db-creds:user',
          after: 'db-creds:username',
          kind: 'env',
          container: 'api',
          newRefs: [{ kind: 'Secret', name: 'db-creds', key: 'username' }],
        },
      ],
    ],
    [
      'env var removed',
      (t) => {
        api(t).env.shift();
      },
      [{ field: 'spec.containers[api].env[LOG_LEVEL].value', before: 'info', after: null, kind: 'env', container: 'api' }],
    ],
    [
      'envFrom Secret added',
      (t) => {
        api(t).envFrom.push({ secretRef: { name: 'api-secrets' } });
      },
      [
        {
          field: 'spec.containers[api].envFrom[secretRef:api-secrets]',
          before: null,
          after: 'Secret api-secrets',
          kind: 'env',
          container: 'api',
          newRefs: [{ kind: 'Secret', name: 'api-secrets' }],
        },
      ],
    ],
    [
      'memory limit lowered',
      (t) => {
        api(t).resources.limits.memory = '256Mi';
      },
      [{ field: 'spec.containers[api].resources.limits.memory', before: '512Mi', after: '256Mi', kind: 'resources', container: 'api' }],
    ],
    [
      'cpu request raised, a cpu limit added',
      (t) => {
        api(t).resources.requests.cpu = '8';
        api(t).resources.limits.cpu = '8';
      },
      [
        { field: 'spec.containers[api].resources.requests.cpu', before: '100m', after: '8', kind: 'resources', container: 'api' },
        { field: 'spec.containers[api].resources.limits.cpu', before: null, after: '8', kind: 'resources', container: 'api' },
      ],
    ],
    [
      'readiness path changed',
      (t) => {
        api(t).readinessProbe.httpGet.path = '/ready';
      },
      [{ field: 'spec.containers[api].readinessProbe.httpGet.path', before: '/healthz', after: '/ready', kind: 'probe', container: 'api' }],
    ],
    [
      'liveness port and period changed',
      (t) => {
        api(t).livenessProbe.tcpSocket.port = 9999;
        api(t).livenessProbe.periodSeconds = 5;
      },
      [
        { field: 'spec.containers[api].livenessProbe.tcpSocket.port', before: '8080', after: '9999', kind: 'probe', container: 'api' },
        { field: 'spec.containers[api].livenessProbe.periodSeconds', before: '10', after: '5', kind: 'probe', container: 'api' },
      ],
    ],
    [
      'startup probe added',
      (t) => {
        api(t).startupProbe = { exec: { command: ['cat', '/tmp/started'] }, failureThreshold: 30, periodSeconds: 2 };
      },
      [
        {
          field: 'spec.containers[api].startupProbe',
          before: null,
          after: 'exec [cat /tmp/started] delay=0s timeout=1s period=2s #success=1 #failure=30',
          kind: 'probe',
          container: 'api',
        },
      ],
    ],
    [
      'readiness probe switched from httpGet to exec',
      (t) => {
        api(t).readinessProbe = { exec: { command: ['/bin/ready'] } };
      },
      [
        {
          field: 'spec.containers[api].readinessProbe',
          before: 'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
          after: 'exec [/bin/ready] delay=0s timeout=1s period=10s #success=1 #failure=3',
          kind: 'probe',
          container: 'api',
        },
      ],
    ],
    [
      'volume source switched to a Secret',
      (t) => {
        t.spec.volumes[0] = { name: 'config', secret: { secretName: 'api-files' } };
      },
      [
        {
          field: 'spec.volumes[config]',
          before: 'configMap api-files',
          after: 'secret api-files',
          kind: 'volume',
          newRefs: [{ kind: 'Secret', name: 'api-files' }],
        },
      ],
    ],
    [
      'projected volume added with its mount',
      (t) => {
        t.spec.volumes.push({
          name: 'bundle',
          projected: { sources: [{ secret: { name: 'tls' } }, { configMap: { name: 'ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] },
        });
        api(t).volumeMounts.push({ name: 'bundle', mountPath: '/etc/bundle', readOnly: true });
      },
      [
        {
          field: 'spec.containers[api].volumeMounts[/etc/bundle]',
          before: null,
          after: '/etc/bundle from bundle (ro)',
          kind: 'volume',
          container: 'api',
        },
        {
          field: 'spec.volumes[bundle]',
          before: null,
          after: 'projected (secret tls, configMap ca)',
          kind: 'volume',
          newRefs: [
            { kind: 'Secret', name: 'tls' },
            { kind: 'ConfigMap', name: 'ca', key: 'ca.crt' },
          ],
        },
      ],
    ],
    [
      'volume items changed: the short form would read the same',
      (t) => {
        t.spec.volumes[0].configMap.defaultMode = 256;
      },
      [
        {
          field: 'spec.volumes[config]',
          before: 'configMap api-files',
          after: 'configMap api-files ({"configMap":{"defaultMode":256,"name":"api-files"},"name":"config"})',
          kind: 'volume',
        },
      ],
    ],
    [
      'mount made writable with a subPath',
      (t) => {
        api(t).volumeMounts[0] = { name: 'config', mountPath: '/etc/api', subPath: 'api.yaml' };
      },
      [
        {
          field: 'spec.containers[api].volumeMounts[/etc/api]',
          before: '/etc/api from config (ro)',
          after: '/etc/api from config (rw,path="api.yaml")',
          kind: 'volume',
          container: 'api',
        },
      ],
    ],
    [
      'service account changed (and its deprecated alias)',
      (t) => {
        t.spec.serviceAccountName = 'api-v2';
        t.spec.serviceAccount = 'api-v2';
      },
      [{ field: 'spec.serviceAccountName', before: 'api', after: 'api-v2', kind: 'serviceAccount' }],
    ],
    [
      'nodeSelector key added',
      (t) => {
        t.spec.nodeSelector.disktype = 'ssd';
      },
      [{ field: 'spec.nodeSelector[disktype]', before: null, after: 'ssd', kind: 'scheduling' }],
    ],
    [
      'node affinity added',
      (t) => {
        t.spec.affinity = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
            },
          },
        };
      },
      [
        {
          field: 'spec.affinity.nodeAffinity',
          before: null,
          after:
            '{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}]}}',
          kind: 'scheduling',
        },
      ],
    ],
    [
      'toleration removed',
      (t) => {
        t.spec.tolerations = [];
      },
      [{ field: 'spec.tolerations[dedicated:NoSchedule]', before: 'dedicated=api:NoSchedule', after: null, kind: 'scheduling' }],
    ],
    [
      'toleration value changed',
      (t) => {
        t.spec.tolerations[0].value = 'web';
      },
      [
        {
          field: 'spec.tolerations[dedicated:NoSchedule]',
          before: 'dedicated=api:NoSchedule',
          after: 'dedicated=web:NoSchedule',
          kind: 'scheduling',
        },
      ],
    ],
    [
      'topology spread added',
      (t) => {
        t.spec.topologySpreadConstraints = [
          {
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/zone',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'api' } },
          },
        ];
      },
      [
        {
          field: 'spec.topologySpreadConstraints[topology.kubernetes.io/zone]',
          before: null,
          after: 'maxSkew=1 whenUnsatisfiable=DoNotSchedule labelSelector={"matchLabels":{"app":"api"}}',
          kind: 'scheduling',
        },
      ],
    ],
    [
      'container securityContext',
      (t) => {
        api(t).securityContext.runAsNonRoot = false;
        api(t).securityContext.capabilities.add = ['NET_ADMIN'];
      },
      [
        {
          field: 'spec.containers[api].securityContext.capabilities.add',
          before: null,
          after: 'NET_ADMIN',
          kind: 'securityContext',
          container: 'api',
        },
        {
          field: 'spec.containers[api].securityContext.runAsNonRoot',
          before: 'true',
          after: 'false',
          kind: 'securityContext',
          container: 'api',
        },
      ],
    ],
    [
      'pod securityContext and host network',
      (t) => {
        t.spec.securityContext.runAsUser = 0;
        t.spec.hostNetwork = true;
      },
      [
        { field: 'spec.securityContext.runAsUser', before: null, after: '0', kind: 'securityContext' },
        { field: 'spec.hostNetwork', before: null, after: 'true', kind: 'securityContext' },
      ],
    ],
    [
      'image pull secret swapped',
      (t) => {
        t.spec.imagePullSecrets = [{ name: 'regcred-v2' }];
      },
      [
        {
          field: 'spec.imagePullSecrets[regcred-v2]',
          before: null,
          after: 'regcred-v2',
          kind: 'imagePullSecrets',
          newRefs: [{ kind: 'Secret', name: 'regcred-v2' }],
        },
        { field: 'spec.imagePullSecrets[regcred]', before: 'regcred', after: null, kind: 'imagePullSecrets' },
      ],
    ],
  ];

  it.each(cases)('%s', (_name, edit, expected) => {
    expect(diffPodTemplates(base, edited(base, edit))).toEqual(expected);
  });
});

describe('diffPodTemplates: containers added, removed, renamed', () => {
  it('an added sidecar names its image and the config it brings', () => {
    const after = edited(base, (t) =>
      t.spec.containers.push({ name: 'proxy', image: 'envoyproxy/envoy:v1.31', envFrom: [{ secretRef: { name: 'proxy-tls' } }] }),
    );
    expect(diffPodTemplates(base, after)).toEqual([
      {
        field: 'spec.containers[proxy]',
        before: null,
        after: 'envoyproxy/envoy:v1.31',
        kind: 'image',
        container: 'proxy',
        newRefs: [{ kind: 'Secret', name: 'proxy-tls' }],
      },
    ]);
  });

  it('a removed init container', () => {
    const after = edited(base, (t) => {
      t.spec.initContainers = [];
    });
    expect(diffPodTemplates(base, after)).toEqual([
      { field: 'spec.initContainers[migrate]', before: 'ghcr.io/acme/api:1.4.2', after: null, kind: 'image', container: 'migrate' },
    ]);
  });

  it('containers are matched by name, not position', () => {
    const withTwo = template({ containers: [apiContainer(), apiContainer({ name: 'worker' })] });
    const reordered = edited(withTwo, (t) => {
      t.spec.containers.reverse();
      t.spec.containers[0].image = 'ghcr.io/acme/api:1.4.3';
    });
    expect(diffPodTemplates(withTwo, reordered)).toEqual([
      {
        field: 'spec.containers[worker].image',
        before: 'ghcr.io/acme/api:1.4.2',
        after: 'ghcr.io/acme/api:1.4.3',
        kind: 'image',
        container: 'worker',
      },
    ]);
  });

  it('a container moved from init to app containers is a removal and an addition', () => {
    const after = edited(base, (t) => {
      t.spec.containers.push(t.spec.initContainers.pop());
    });
    expect(diffPodTemplates(base, after).map((c) => [c.field, c.before, c.after])).toEqual([
      ['spec.containers[migrate]', null, 'ghcr.io/acme/api:1.4.2'],
      ['spec.initContainers[migrate]', 'ghcr.io/acme/api:1.4.2', null],
    ]);
  });
});

describe('diffPodTemplates: what is not a change', () => {
  const same: [string, (t: any) => void][] = [
    [
      'a quantity written another way',
      (t) => {
        api(t).resources.limits.memory = '0.5Gi';
        api(t).resources.requests.cpu = '0.1';
      },
    ],
    [
      'probe defaults spelled out or left out',
      (t) => {
        api(t).readinessProbe = { httpGet: { path: '/healthz', port: '8080' } };
      },
    ],
    [
      'env and volume order',
      (t) => {
        api(t).env.reverse();
        t.spec.volumes.reverse();
      },
    ],
    [
      'object key order',
      (t) => {
        t.spec.volumes[0] = { configMap: { defaultMode: 420, name: 'api-files' }, name: 'config' };
      },
    ],
    [
      'hostNetwork false spelled out',
      (t) => {
        t.spec.hostNetwork = false;
      },
    ],
    [
      'imagePullPolicy missing on one side (a manifest, not the API)',
      (t) => {
        delete api(t).imagePullPolicy;
      },
    ],
    [
      'labels, annotations and fields no rollout fails on',
      (t) => {
        t.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' };
        t.spec.terminationGracePeriodSeconds = 60;
        api(t).terminationMessagePath = '/tmp/log';
      },
    ],
  ];
  it.each(same)('%s', (_name, edit) => {
    expect(diffPodTemplates(base, edited(base, edit))).toEqual([]);
  });

  it('httpGet path "/" and scheme HTTP left to their defaults', () => {
    const before = template({ containers: [apiContainer({ livenessProbe: { httpGet: { path: '/', port: 8080, scheme: 'HTTP' } } })] });
    const after = template({ containers: [apiContainer({ livenessProbe: { httpGet: { port: 8080 } } })] });
    expect(diffPodTemplates(before, after)).toEqual([]);
  });

  it('an unchanged template has no changes', () => expect(diffPodTemplates(base, structuredClone(base))).toEqual([]));
  it('no previous template means nothing to compare', () => expect(diffPodTemplates(null, base)).toEqual([]));
});

describe('diffPodTemplates: input shapes', () => {
  const after = edited(base, (t) => {
    api(t).image = 'ghcr.io/acme/api:1.4.3';
  });
  it.each([
    ['a Deployment', { kind: 'Deployment', spec: { template: base } }],
    ['a bare pod spec', base.spec],
    ['a ControllerRevision', { kind: 'ControllerRevision', revision: 3, data: { spec: { template: { ...base, $patch: 'replace' } } } }],
  ])('reads the pod spec out of %s', (_name, before) => {
    expect(diffPodTemplates(before, after).map((c) => c.field)).toEqual(['spec.containers[api].image']);
  });
});

describe('diffPodTemplates: secrets stay out of the output', () => {
  it('literal values of sensitive-looking env vars are redacted', () => {
    const before = template({ containers: [apiContainer({ env: [{ name: 'API_TOKEN', value: 'abc' }] })] });
    const after = edited(before, (t) => {
      api(t).env[0].value = 'xyz';
    });
    expect(diffPodTemplates(before, after)).toEqual([
      {
        field: 'spec.containers[api].env[API_TOKEN].value',
        before: '<redacted>',
        after: '<redacted> (changed)',
        kind: 'env',
        container: 'api',
      },
    ]);
  });
});

// Issue 22 item 9: credentials in args, commands and env values are masked like log tails, whatever the var is called.
describe('diffPodTemplates: credentials inside values are masked', () => {
  it.each([
    [
      'an --api-key=... argument',
      (t: any) => {
        api(t).args = ['--port=8080', '--api-key=sk_live_51Habc123def456'];
      },
      'sk_live_51Habc123def456',
      /--api-key=\[REDACTED\]/,
    ],
    [
      'a --password argument followed by its value',
      (t: any) => {
        api(t).args = ['--user', 'app', '--password', 'hunter2-prod'];
      },
      'hunter2-prod',
      /--password \[REDACTED\]/,
    ],
    [
      'a database URL with a password in a plainly named env var',
      (t: any) => {
        api(t).env = [{ name: 'DATABASE_URL', value: 'postgres://shop:S3cretPass@db.internal:5432/shop' }];
      },
      'S3cretPass',
      /postgres:\/\/shop:\[REDACTED\]@db\.internal:5432\/shop/,
    ],
    [
      'a bearer token in a probe command',
      (t: any) => {
        api(t).livenessProbe = { exec: { command: ['curl', '-H', 'Authorization: Bearer abcdefghijklmnop', 'http://localhost/healthz'] } };
      },
      'abcdefghijklmnop',
      /Authorization: \[REDACTED\]/,
    ],
  ])('%s', (_name, edit, secret, shown) => {
    const after = edited(base, edit);
    const changes = diffPodTemplates(base, after);
    const text = JSON.stringify(changes);
    expect(changes.length).toBeGreaterThan(0);
    expect(text).not.toContain(secret);
    expect(changes.map((c) => c.after).join('\n')).toMatch(shown);
  });
});
