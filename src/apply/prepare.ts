// The steps every run takes before it sends a write, shared by the deploy (gate.ts) and the plan (plan/run.ts):
// read and check the manifests (files and URLs, before any connection to the cluster, so bad YAML fails fast), open
// the client from the kubeconfig inputs, and resolve every object's resource and namespace, refusing a namespace
// that does not exist and image pull secrets that are missing or of the wrong type.
import { KubeClient } from '../kube/client.js';
import { loadKubeConfig } from '../kube/config.js';
import { checkNamespacesExist } from './namespaces.js';
import type { ManifestObject } from './parse.js';
import { loadManifests, resolveNamespaces, type PlannedObject } from './plan.js';
import { checkPullSecrets } from './pull-secrets.js';
import { readManifestSources } from './read-sources.js';
import { resolveResources } from './resolve.js';
import { expandManifestSources, type ManifestSource } from './sources.js';
import { fetchManifestUrl, type UrlFetcher } from './url-fetcher.js';
import type { ImageSubstitution } from './images.js';

export interface ManifestInputs {
  manifests: string[];
  images: ImageSubstitution[];
  imagePullSecrets: string[];
  allowHttpManifests: boolean;
  namespace?: string;
}

export interface ConnectionInputs {
  kubeconfig?: string;
  kubeconfigFile?: string;
  context?: string;
}

export interface ReadContext {
  cwd?: string;
  /** Fetches manifests named by URL; node:https by default. */
  fetchUrl?: UrlFetcher;
  /** The run's signal and deadline (epoch ms): no fetch outlasts them. */
  signal?: AbortSignal;
  deadlineAt?: number;
}

export async function readManifests(
  inputs: ManifestInputs,
  ctx: ReadContext,
): Promise<{ sources: ManifestSource[]; manifests: ManifestObject[] }> {
  const sources = expandManifestSources(inputs.manifests, ctx.cwd, { allowHttp: inputs.allowHttpManifests });
  const texts = await readManifestSources(sources, {
    fetch: ctx.fetchUrl ?? fetchManifestUrl,
    allowHttp: inputs.allowHttpManifests,
    cwd: ctx.cwd,
    signal: ctx.signal,
    deadlineAt: ctx.deadlineAt,
  });
  return { sources, manifests: loadManifests(texts, inputs.images, inputs.imagePullSecrets) };
}

/** "3 file(s)", "1 file(s) and 2 URL(s)": where the objects came from, for the log. */
export function describeSources(sources: ManifestSource[]): string {
  const urls = sources.filter((s) => s.kind === 'url').length;
  const files = sources.length - urls;
  return [files ? `${files} file(s)` : '', urls ? `${urls} URL(s)` : ''].filter(Boolean).join(' and ');
}

export function openClient(
  inputs: ConnectionInputs,
  deps: { log: (line: string) => void; maskSecret?: (secret: string) => void },
): { client: KubeClient; cleanup: () => void } {
  const loaded = loadKubeConfig({
    content: inputs.kubeconfig,
    file: inputs.kubeconfigFile,
    context: inputs.context,
    maskSecret: deps.maskSecret,
  });
  const client = new KubeClient(loaded.kc, { onWarning: (w) => deps.log(`warning from the API server: ${w}`) });
  return { client, cleanup: loaded.cleanup };
}

export async function resolvePlanned(
  client: KubeClient,
  manifests: ManifestObject[],
  inputs: Pick<ManifestInputs, 'namespace' | 'imagePullSecrets'>,
  log: (line: string) => void,
): Promise<PlannedObject[]> {
  const planned = resolveNamespaces(await resolveResources(client, manifests), inputs.namespace, client.contextNamespace());
  await checkNamespacesExist(client, planned);
  await checkPullSecrets(client, planned, inputs.imagePullSecrets, (w) => log(`warning: ${w}`));
  return planned;
}
