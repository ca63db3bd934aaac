import { describe, expect, it } from 'vitest';
import { diffPodTemplates } from '../../../src/diagnose/change/diff.js';
import { suspectChange, templateUnchangedNote } from '../../../src/diagnose/change/link.js';
import type { Finding } from '../../../src/model.js';
import { apiContainer, edited, finding, template } from './fixtures.js';

const base = template({ containers: [apiContainer(), apiContainer({ name: 'worker' })] });
const api = (t: any): any => t.spec.containers[0];
const worker = (t: any): any => t.spec.containers[1];
const changesFor = (edit: (t: any) => void) => diffPodTemplates(base, edited(base, edit));

const newImage = (t: any): void => {
  api(t).image = 'ghcr.io/acme/api:1.4.3';
};

describe('suspectChange: one rule per category', () => {
  const cases: [string, Finding, (t: any) => void, string | null, string | null][] = [
    [
      'oom-killed + memory limit lowered on that container',
      finding('oom-killed'),
      (t) => {
        newImage(t);
        api(t).resources.limits.memory = '256Mi';
      },
      'spec.containers[api].resources.limits.memory',
      'memory limit lowered from 512Mi to 256Mi in this change',
    ],
    [
      'oom-killed + a limit lowered on another container only',
      finding('oom-killed'),
      (t) => {
        worker(t).resources.limits.memory = '128Mi';
      },
      null,
      null,
    ],
    [
      'oom-killed without a container name takes any container',
      finding('oom-killed', { container: null }),
      (t) => {
        worker(t).resources.limits.memory = '128Mi';
      },
      'spec.containers[worker].resources.limits.memory',
      'memory limit lowered from 512Mi to 128Mi in this change',
    ],
    [
      'oom-killed + memory limit raised (weaker, still named)',
      finding('oom-killed'),
      (t) => {
        api(t).resources.limits.memory = '1Gi';
      },
      'spec.containers[api].resources.limits.memory',
      'memory limit raised from 512Mi to 1Gi in this change',
    ],
    [
      'oom-killed + memory limit removed (weaker, still named)',
      finding('oom-killed'),
      (t) => {
        delete api(t).resources.limits;
        worker(t).image = 'x:2';
      },
      'spec.containers[api].resources.limits.memory',
      'memory limit removed in this change (it was 512Mi)',
    ],
    [
      'image-not-found + image changed',
      finding('image-not-found'),
      (t) => {
        newImage(t);
        api(t).args = ['--port=9090'];
      },
      'spec.containers[api].image',
      'image changed from ghcr.io/acme/api:1.4.2 (ran before) to ghcr.io/acme/api:1.4.3, which the registry does not have',
    ],
    [
      'image-not-found on an added sidecar',
      finding('image-not-found', { container: 'proxy' }),
      (t) => {
        t.spec.containers.push({ name: 'proxy', image: 'envoyproxy/envoy:v9' });
      },
      'spec.containers[proxy]',
      'container proxy added with image envoyproxy/envoy:v9, which the registry does not have',
    ],
    [
      'image-pull-unauthorized + image changed',
      finding('image-pull-unauthorized'),
      (t) => {
        api(t).image = 'private.example.com/api:1';
      },
      'spec.containers[api].image',
      'image changed from ghcr.io/acme/api:1.4.2 (ran before) to private.example.com/api:1, which the registry refuses to pull with the credentials the pod has',
    ],
    [
      'image-pull-unauthorized + pull secret removed',
      finding('image-pull-unauthorized'),
      (t) => {
        t.spec.imagePullSecrets = [];
        api(t).args = [];
      },
      'spec.imagePullSecrets[regcred]',
      'image pull secret regcred removed in this change',
    ],
    [
      'image-invalid-name on an init container',
      finding('image-invalid-name', { container: 'migrate' }),
      (t) => {
        t.spec.initContainers[0].image = 'ghcr.io/acme/API:1';
        newImage(t);
      },
      'spec.initContainers[migrate].image',
      'image changed from ghcr.io/acme/api:1.4.2 (ran before) to ghcr.io/acme/API:1, which is not a valid image reference',
    ],
    [
      'image-never-pull + pull policy',
      finding('image-never-pull'),
      (t) => {
        newImage(t);
        api(t).imagePullPolicy = 'Never';
      },
      'spec.containers[api].imagePullPolicy',
      'imagePullPolicy changed from IfNotPresent to Never in this change',
    ],
    [
      'config-missing-ref names the new Secret',
      finding('config-missing-ref', { reason: 'CreateContainerConfigError', message: 'secret "db-password" not found' }),
      (t) => {
        api(t).envFrom.push({ configMapRef: { name: 'feature-flags' } });
        api(t).env.push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-password', key: 'password' } } });
      },
      'spec.containers[api].env[DB_PASSWORD].valueFrom.secretKeyRef',
      'new reference to Secret db-password (key password)',
    ],
    [
      'config-missing-ref about an object the old template already used',
      finding('config-missing-ref', { message: 'secret "db-creds" not found' }),
      (t) => {
        api(t).envFrom.push({ configMapRef: { name: 'feature-flags' } });
      },
      null,
      null,
    ],
    [
      'config-missing-ref with the name only in the events',
      finding('config-missing-ref', {
        message: 'CreateContainerConfigError',
        events: [{ type: 'Warning', reason: 'Failed', message: 'Error: configmap "feature-flags" not found', count: 3, lastSeen: null }],
      }),
      (t) => {
        newImage(t);
        api(t).envFrom.push({ configMapRef: { name: 'feature-flags' } });
      },
      'spec.containers[api].envFrom[configMapRef:feature-flags]',
      'new reference to ConfigMap feature-flags',
    ],
    [
      'config-missing-key + a new key of a known Secret',
      finding('config-missing-key', { message: "couldn't find key username in Secret shop/db-creds" }),
      (t) => {
        api(t).env[1].valueFrom.secretKeyRef.key = 'username';
      },
      'spec.containers[api].env[DB_USER].valueFrom.secretKeyRef',
      'new reference to Secret db-creds (key username)',
    ],
    [
      'volume-mount-failed + a volume pointing at a new ConfigMap',
      finding('volume-mount-failed', {
        container: null,
        message: 'MountVolume.SetUp failed for volume "config" : configmap "api-files-v2" not found',
      }),
      (t) => {
        newImage(t);
        t.spec.volumes[0].configMap.name = 'api-files-v2';
      },
      'spec.volumes[config]',
      'new reference to ConfigMap api-files-v2',
    ],
    [
      'readiness-probe-failing + readiness path changed',
      finding('readiness-probe-failing'),
      (t) => {
        newImage(t);
        api(t).readinessProbe.httpGet.path = '/ready';
      },
      'spec.containers[api].readinessProbe.httpGet.path',
      'readiness probe path changed from /healthz to /ready',
    ],
    [
      'liveness-probe-failing + liveness port, not the readiness change',
      finding('liveness-probe-failing'),
      (t) => {
        api(t).readinessProbe.periodSeconds = 5;
        api(t).livenessProbe.tcpSocket.port = 9999;
      },
      'spec.containers[api].livenessProbe.tcpSocket.port',
      'liveness probe port changed from 8080 to 9999',
    ],
    [
      'readiness-probe-failing with no probe change: the new image',
      finding('readiness-probe-failing'),
      newImage,
      'spec.containers[api].image',
      'image changed from ghcr.io/acme/api:1.4.2 (ran before) to ghcr.io/acme/api:1.4.3 in this change',
    ],
    [
      'unschedulable-resources + cpu request raised',
      finding('unschedulable-resources', { container: null, pod: null }),
      (t) => {
        newImage(t);
        worker(t).resources.requests.cpu = '64';
      },
      'spec.containers[worker].resources.requests.cpu',
      'cpu request raised from 100m to 64 in this change',
    ],
    [
      'unschedulable-node-selector + nodeSelector added',
      finding('unschedulable-node-selector', { container: null }),
      (t) => {
        newImage(t);
        t.spec.nodeSelector.disktype = 'ssd';
      },
      'spec.nodeSelector[disktype]',
      'nodeSelector disktype set to ssd in this change',
    ],
    [
      'unschedulable-taint + toleration removed',
      finding('unschedulable-taint', { container: null }),
      (t) => {
        t.spec.nodeSelector.pool = 'gpu';
        t.spec.tolerations = [];
      },
      'spec.tolerations[dedicated:NoSchedule]',
      'toleration dedicated:NoSchedule removed in this change (it was dedicated=api:NoSchedule)',
    ],
    [
      'unschedulable-affinity + topology spread added',
      finding('unschedulable-affinity', { container: null }),
      (t) => {
        t.spec.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }];
      },
      'spec.topologySpreadConstraints[zone]',
      'topology spread constraint on zone set to maxSkew=1 whenUnsatisfiable=DoNotSchedule in this change',
    ],
    [
      'unschedulable-resources with only a selector change falls back to it',
      finding('unschedulable-resources', { container: null }),
      (t) => {
        t.spec.nodeSelector.pool = 'small';
      },
      'spec.nodeSelector[pool]',
      'nodeSelector pool set to small in this change',
    ],
    [
      'crash-loop + command and image changed: the command',
      finding('crash-loop', { exitCode: 1 }),
      (t) => {
        newImage(t);
        api(t).command = ['/app/api', '--strict'];
      },
      'spec.containers[api].command',
      'command set to /app/api --strict in this change',
    ],
    [
      'crash-loop-exit-zero + args changed',
      finding('crash-loop-exit-zero', { exitCode: 0 }),
      (t) => {
        api(t).args = ['--daemonize'];
      },
      'spec.containers[api].args',
      'args changed from --port=8080 to --daemonize in this change',
    ],
    [
      'crash-loop with only a new env var',
      finding('crash-loop'),
      (t) => {
        api(t).env.push({ name: 'MODE', value: 'strict' });
      },
      'spec.containers[api].env[MODE].value',
      'env MODE set to strict in this change',
    ],
    [
      'container-start-error + image only',
      finding('container-start-error'),
      newImage,
      'spec.containers[api].image',
      'image changed from ghcr.io/acme/api:1.4.2 (ran before) to ghcr.io/acme/api:1.4.3 in this change',
    ],
    [
      'exec-format-error + image wins over command',
      finding('exec-format-error'),
      (t) => {
        api(t).command = ['/app/api'];
        api(t).image = 'ghcr.io/acme/api:1.4.3-arm64';
      },
      'spec.containers[api].image',
      'image changed from ghcr.io/acme/api:1.4.2 (ran before) to ghcr.io/acme/api:1.4.3-arm64 in this change',
    ],
    [
      'init-container-failed + its command',
      finding('init-container-failed', { container: 'migrate', exitCode: 127 }),
      (t) => {
        newImage(t);
        t.spec.initContainers[0].command = ['hello.sh'];
      },
      'spec.initContainers[migrate].command',
      'command changed from /app/migrate to hello.sh in this change',
    ],
    [
      'admission-denied by PodSecurity + securityContext',
      finding('admission-denied', {
        container: null,
        pod: null,
        reason: 'FailedCreate',
        message: 'pods "api-7d9c6b5f4-x2kqp" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false',
      }),
      (t) => {
        t.spec.serviceAccountName = 'api-v2';
        api(t).securityContext.allowPrivilegeEscalation = true;
      },
      'spec.containers[api].securityContext.allowPrivilegeEscalation',
      'securityContext.allowPrivilegeEscalation changed from false to true in this change',
    ],
    [
      'admission-denied for a missing service account + serviceAccountName',
      finding('admission-denied', {
        container: null,
        reason: 'FailedCreate',
        message: 'pods "api-7d9c6b5f4-x2kqp" is forbidden: error looking up service account shop/api-v2: serviceaccount "api-v2" not found',
      }),
      (t) => {
        api(t).securityContext.allowPrivilegeEscalation = true;
        t.spec.serviceAccountName = 'api-v2';
      },
      'spec.serviceAccountName',
      'serviceAccountName changed from api to api-v2 in this change',
    ],
    [
      'quota-exceeded + limits raised',
      finding('quota-exceeded', { container: null }),
      (t) => {
        newImage(t);
        api(t).resources.limits.memory = '4Gi';
      },
      'spec.containers[api].resources.limits.memory',
      'memory limit raised from 512Mi to 4Gi in this change',
    ],
    ['a category no change explains', finding('node-not-ready'), newImage, null, null],
  ];

  it.each(cases)('%s', (_name, f, edit, field, sentence) => {
    const changes = changesFor(edit);
    const result = suspectChange(f, changes);
    expect(result.suspected?.field ?? null).toBe(field);
    expect(result.sentence).toBe(sentence);
    // Whatever wins, nothing is lost: the winner plus the others are all the changes.
    expect(result.others.length + (result.suspected ? 1 : 0)).toBe(changes.length);
  });
});

describe('suspectChange: oom-killed and a limit where there was none', () => {
  it('a new limit counts as lowered (from unlimited) and beats a raised request', () => {
    const before = template({ containers: [apiContainer({ resources: { requests: { memory: '64Mi' } } })] });
    const after = edited(before, (t) => {
      api(t).resources = { requests: { memory: '128Mi' }, limits: { memory: '128Mi' } };
    });
    const result = suspectChange(finding('oom-killed'), diffPodTemplates(before, after));
    expect(result.suspected).toEqual({ field: 'spec.containers[api].resources.limits.memory', before: null, after: '128Mi' });
    expect(result.sentence).toBe('memory limit set to 128Mi in this change (there was none before)');
    expect(result.others.map((c) => c.field)).toEqual(['spec.containers[api].resources.requests.memory']);
  });
});

describe('suspectChange: several changes at once', () => {
  it('the change that matches the category wins, the others are listed in diff order', () => {
    const changes = changesFor((t) => {
      newImage(t);
      api(t).env.push({ name: 'FEATURE', value: 'on' });
      api(t).resources.limits.memory = '256Mi';
      t.spec.nodeSelector.pool = 'general';
    });
    const result = suspectChange(finding('oom-killed', { exitCode: 137 }), changes);
    expect(result.suspected).toEqual({ field: 'spec.containers[api].resources.limits.memory', before: '512Mi', after: '256Mi' });
    expect(result.change?.kind).toBe('resources');
    expect(result.others.map((c) => c.field)).toEqual([
      'spec.containers[api].image',
      'spec.containers[api].env[FEATURE].value',
      'spec.nodeSelector[pool]',
    ]);
  });

  it('no changes: no suspect, nothing listed', () => {
    expect(suspectChange(finding('oom-killed'), [])).toEqual({ suspected: null, change: null, sentence: null, others: [] });
  });
});

describe('templateUnchangedNote', () => {
  const referenced = [
    { kind: 'Secret' as const, name: 'db-creds' },
    { kind: 'ConfigMap' as const, name: 'api-config' },
    { kind: 'ConfigMap' as const, name: 'api-files' },
  ];
  it('lists the referenced ConfigMaps/Secrets this run changed, names only', () => {
    const note = templateUnchangedNote(
      referenced,
      [
        { kind: 'ConfigMap', namespace: 'shop', name: 'api-config' },
        { kind: 'Secret', namespace: 'shop', name: 'db-creds' },
        { kind: 'Service', namespace: 'shop', name: 'api' },
        { kind: 'ConfigMap', namespace: 'other', name: 'api-files' },
      ],
      'shop',
    );
    expect(note).toEqual({
      sentence:
        'the template is unchanged: look at what it depends on; this run changed Secret db-creds and ConfigMap api-config, which the failing pods reference',
      changedDependencies: [
        { kind: 'Secret', name: 'db-creds' },
        { kind: 'ConfigMap', name: 'api-config' },
      ],
    });
  });

  it('one changed dependency', () => {
    expect(templateUnchangedNote(referenced, [{ kind: 'ConfigMap', name: 'api-files' }]).sentence).toBe(
      'the template is unchanged: look at what it depends on; this run changed ConfigMap api-files, which the failing pods reference',
    );
  });

  it('nothing the pods reference changed', () => {
    expect(templateUnchangedNote(referenced, [{ kind: 'ConfigMap', namespace: 'shop', name: 'unrelated' }], 'shop')).toEqual({
      sentence:
        'the template is unchanged: look at what it depends on (this run changed none of the ConfigMaps or Secrets the pods reference)',
      changedDependencies: [],
    });
  });

  it('a Secret and a ConfigMap of the same name are told apart', () => {
    expect(templateUnchangedNote(referenced, [{ kind: 'ConfigMap', name: 'db-creds' }]).changedDependencies).toEqual([]);
  });
});
