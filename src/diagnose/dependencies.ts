// Which Services of the deploy a container names, and whether they are up. On a first install an app and its database
// arrive together, and the app exits (or fails its probes) until the database answers: the connection string in its
// env, args or configuration names the database's Service. A Service is named by its host name as a token: `db`,
// `db.shop`, `db.shop.svc` or `db.shop.svc.cluster.local` (the cluster DNS names of a Service), bounded by characters
// a host name cannot hold, so `postgres://u:p@db:5432/x` names `db` and `mydb` or `db-backup` do not.
import { conditionOf, timeOf } from '../k8s/fields.js';
import type { ContainerSpec, Pod, Volume } from '../k8s/objects.js';
import { selectsLabels } from '../k8s/services.js';
import type { RunContext, RunService } from './run-context.js';

/** A character that can continue a host name (or an identifier around one, as in `db_host`). */
const HOST_CHAR = 'A-Za-z0-9_.-';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

/** The Service's host names as one pattern: name, name.ns, name.ns.svc, name.ns.svc.cluster.local. */
function hostPattern(service: RunService): RegExp {
  const key = `${service.namespace}/${service.name}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const ns = escape(service.namespace);
    const names = `${escape(service.name)}(?:\\.${ns}(?:\\.svc(?:\\.cluster\\.local)?)?)?`;
    patterns.set(key, (pattern = new RegExp(`(?<![${HOST_CHAR}])${names}(?![${HOST_CHAR}])`)));
  }
  return pattern;
}

export function containerSpecOf(pod: Pod, name: string): ContainerSpec | null {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name) ?? null;
}

/** The ConfigMaps and Secrets a mounted volume projects: "ConfigMap/name" or "Secret/name". */
function volumeSources(volume: Volume): string[] {
  const out: string[] = [];
  if (volume.configMap?.name) out.push(`ConfigMap/${volume.configMap.name}`);
  if (volume.secret?.secretName) out.push(`Secret/${volume.secret.secretName}`);
  const projected = (volume.projected as { sources?: { configMap?: { name?: string }; secret?: { name?: string } }[] } | undefined)
    ?.sources;
  for (const source of projected ?? []) {
    if (source.configMap?.name) out.push(`ConfigMap/${source.configMap.name}`);
    if (source.secret?.name) out.push(`Secret/${source.secret.name}`);
  }
  return out;
}

/** Everything of the container's configuration that can hold a host name: env values, command, args, and the values
 * of the deploy's ConfigMaps and Secrets it reads (envFrom, env valueFrom, mounted volumes). */
function configurationTexts(pod: Pod, container: ContainerSpec, run: RunContext): string[] {
  const ns = pod.metadata?.namespace ?? '';
  const data = (kindAndName: string) => run.config.get(`${kindAndName.split('/')[0]}/${ns}/${kindAndName.split('/')[1]}`);
  const texts: string[] = [...(container.command ?? []), ...(container.args ?? [])];
  for (const env of container.env ?? []) {
    if (env.value) texts.push(env.value);
    const cm = env.valueFrom?.configMapKeyRef;
    const secret = env.valueFrom?.secretKeyRef;
    if (cm?.name && cm.key) texts.push(data(`ConfigMap/${cm.name}`)?.[cm.key] ?? '');
    if (secret?.name && secret.key) texts.push(data(`Secret/${secret.name}`)?.[secret.key] ?? '');
  }
  const whole: string[] = [];
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef?.name) whole.push(`ConfigMap/${from.configMapRef.name}`);
    if (from.secretRef?.name) whole.push(`Secret/${from.secretRef.name}`);
  }
  const mounted = new Set(((container.volumeMounts as { name?: string }[] | undefined) ?? []).map((m) => m.name));
  for (const volume of pod.spec?.volumes ?? []) if (mounted.has(volume.name)) whole.push(...volumeSources(volume));
  for (const source of whole) texts.push(...Object.values(data(source) ?? {}));
  return texts.filter(Boolean);
}

/**
 * The Services of this deploy that the container's configuration names, other than the pod's own (a Service that
 * selects the pod itself leads back to it).
 */
export function namedServices(pod: Pod, containerName: string, run: RunContext): RunService[] {
  const container = containerSpecOf(pod, containerName);
  const ns = pod.metadata?.namespace ?? '';
  const candidates = run.services.filter((s) => s.namespace === ns && !selectsLabels(s.selector, pod.metadata?.labels));
  if (!container || candidates.length === 0) return [];
  const texts = configurationTexts(pod, container, run);
  return candidates.filter((s) => texts.some((t) => hostPattern(s).test(t)));
}

/**
 * When the Service's backend came up: the earliest Ready transition among its Ready pods that are not being deleted
 * (0 when a Ready pod has no transition time: up, since when unknown); null while none is Ready.
 */
export function upSince(service: RunService, pods: readonly Pod[]): number | null {
  let since: number | null = null;
  for (const pod of pods) {
    if ((pod.metadata?.namespace ?? '') !== service.namespace || pod.metadata?.deletionTimestamp) continue;
    if (!selectsLabels(service.selector, pod.metadata?.labels)) continue;
    const ready = conditionOf(pod.status?.conditions, 'Ready');
    if (ready?.status !== 'True') continue;
    const at = timeOf(ready.lastTransitionTime) ?? 0;
    since = since === null ? at : Math.min(since, at);
  }
  return since;
}
