// The steps every run takes before it sends a write, shared by the deploy (gate.ts) and the plan (plan/run.ts):
// read and check the manifests (before any connection, so bad YAML fails fast), open the client from the kubeconfig
// inputs, and resolve every object's resource and namespace, refusing a namespace that does not exist.
import { KubeClient } from '../kube/client.js';
import { loadKubeConfig } from '../kube/config.js';
import { checkNamespacesExist } from './namespaces.js';
import type { ManifestObject } from './parse.js';
import { loadManifests, resolveNamespaces, type PlannedObject } from './plan.js';
import { resolveResources } from './resolve.js';
import { expandManifestPaths } from './sources.js';
import type { ImageSubstitution } from './images.js';

export interface ManifestInputs {
  manifests: string[];
  images: ImageSubstitution[];
  namespace?: string;
}

export interface ConnectionInputs {
  kubeconfig?: string;
  kubeconfigFile?: string;
  context?: string;
}

export function readManifests(inputs: ManifestInputs, cwd?: string): { files: string[]; manifests: ManifestObject[] } {
  const files = expandManifestPaths(inputs.manifests, cwd);
  return { files, manifests: loadManifests(files, inputs.images, cwd) };
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
  namespaceInput: string | undefined,
): Promise<PlannedObject[]> {
  const planned = resolveNamespaces(await resolveResources(client, manifests), namespaceInput, client.contextNamespace());
  await checkNamespacesExist(client, planned);
  return planned;
}
