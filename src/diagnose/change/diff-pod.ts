// The pod-level half of the template diff: volumes, service account, where the pod may run,
// pod securityContext and host namespaces, image pull secrets.
import { change, compareKeyed, compareLeaves, compareValue, type ChangeContext, type DraftChange } from './diff-core.js';
import { volumeRefs } from './references.js';
import { renderToleration, renderVolumeSource, stableJson } from './render.js';
import { asArray, asRecord, asString, byKey, type Plain } from './template-shape.js';

const scheduling: ChangeContext = { kind: 'scheduling' };
const security: ChangeContext = { kind: 'securityContext' };
const serviceAccount: ChangeContext = { kind: 'serviceAccount' };

export function diffPodLevel(before: Plain, after: Plain): DraftChange[] {
  return [
    ...diffVolumes(before, after),
    ...diffServiceAccount(before, after),
    ...diffNodeSelector(before, after),
    ...diffAffinity(before, after),
    ...diffTolerations(before, after),
    ...diffTopologySpread(before, after),
    ...(['nodeName', 'priorityClassName', 'schedulerName'] as const).flatMap((f) =>
      compareValue(scheduling, `spec.${f}`, before[f], after[f]),
    ),
    ...compareLeaves(security, 'spec.securityContext', before.securityContext, after.securityContext),
    // Host namespaces are what PodSecurity rejects most often; false and unset mean the same.
    ...(['hostNetwork', 'hostPID', 'hostIPC', 'hostUsers'] as const).flatMap((f) =>
      compareValue(security, `spec.${f}`, before[f] || undefined, after[f] || undefined),
    ),
    ...diffImagePullSecrets(before, after),
  ];
}

function diffVolumes(before: Plain, after: Plain): DraftChange[] {
  const byName = (spec: Plain): Map<string, Plain> => byKey(asArray(spec.volumes), (v) => asString(v.name));
  const refs = (volume: Plain) =>
    volumeRefs(volume).map(({ kind, name, key }) => (key === undefined ? { kind, name } : { kind, name, key }));
  return compareKeyed({ kind: 'volume' }, (name) => `spec.volumes[${name}]`, byName(before), byName(after), {
    render: renderVolumeSource,
    refs,
  });
}

function diffServiceAccount(before: Plain, after: Plain): DraftChange[] {
  // serviceAccount is the deprecated alias the API server still mirrors; read it when the new one is absent.
  const name = (spec: Plain): unknown => spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
  return [
    ...compareValue(serviceAccount, 'spec.serviceAccountName', name(before), name(after)),
    ...compareValue(
      serviceAccount,
      'spec.automountServiceAccountToken',
      before.automountServiceAccountToken,
      after.automountServiceAccountToken,
    ),
  ];
}

function diffNodeSelector(before: Plain, after: Plain): DraftChange[] {
  const left = asRecord(before.nodeSelector) ?? {};
  const right = asRecord(after.nodeSelector) ?? {};
  const keys = [...new Set([...Object.keys(right), ...Object.keys(left)])];
  return keys.flatMap((key) => compareValue(scheduling, `spec.nodeSelector[${key}]`, left[key], right[key]));
}

function diffAffinity(before: Plain, after: Plain): DraftChange[] {
  const left = asRecord(before.affinity) ?? {};
  const right = asRecord(after.affinity) ?? {};
  return ['nodeAffinity', 'podAffinity', 'podAntiAffinity'].flatMap((kind) =>
    compareValue(scheduling, `spec.affinity.${kind}`, left[kind], right[kind]),
  );
}

function diffTolerations(before: Plain, after: Plain): DraftChange[] {
  // Keyed by key and effect: the same key tolerated for another effect is a different toleration.
  const keyOf = (t: Plain): string => [asString(t.key) || '*', asString(t.effect)].filter(Boolean).join(':');
  const index = (spec: Plain): Map<string, Plain> => byKey(asArray(spec.tolerations), keyOf);
  return compareKeyed(scheduling, (key) => `spec.tolerations[${key}]`, index(before), index(after), { render: renderToleration });
}

function diffTopologySpread(before: Plain, after: Plain): DraftChange[] {
  const keyOf = (c: Plain): string | null => asString(c.topologyKey);
  const render = (c: Plain): string =>
    [
      `maxSkew=${asString(c.maxSkew) ?? ''}`,
      `whenUnsatisfiable=${asString(c.whenUnsatisfiable) ?? ''}`,
      c.labelSelector ? `labelSelector=${stableJson(c.labelSelector)}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  const index = (spec: Plain): Map<string, Plain> => byKey(asArray(spec.topologySpreadConstraints), keyOf);
  return compareKeyed(scheduling, (key) => `spec.topologySpreadConstraints[${key}]`, index(before), index(after), { render });
}

function diffImagePullSecrets(before: Plain, after: Plain): DraftChange[] {
  const names = (spec: Plain): Set<string> =>
    new Set(
      asArray(spec.imagePullSecrets)
        .map((s) => asString(asRecord(s)?.name))
        .filter((n): n is string => n !== null),
    );
  const left = names(before);
  const right = names(after);
  const ctx: ChangeContext = { kind: 'imagePullSecrets' };
  return [
    ...[...right]
      .filter((n) => !left.has(n))
      .map((n) => change(ctx, `spec.imagePullSecrets[${n}]`, null, n, [{ kind: 'Secret', name: n }])),
    ...[...left].filter((n) => !right.has(n)).map((n) => change(ctx, `spec.imagePullSecrets[${n}]`, n, null)),
  ];
}
