// The `image-pull-secrets` input names Secrets the pods will pull with. A missing one, or one of another type, makes
// every pod fail to pull much later with a vaguer message: refuse it now, before anything is applied, naming the
// Secret and what is wrong. A Secret the same deploy applies is judged by its manifest (config goes before workloads).
import { UserError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import { podSpecsOf } from './images.js';
import { describeObject, type PlannedObject } from './plan.js';

export const PULL_SECRET_TYPE = 'kubernetes.io/dockerconfigjson';

function wrongType(name: string, namespace: string, type: string | undefined, where: string): UserError {
  return new UserError(
    `image-pull-secrets: Secret "${name}" in namespace "${namespace}"${where} is of type ${type ?? 'Opaque'}, not ${PULL_SECRET_TYPE}: create it with kubectl create secret docker-registry ${name} -n ${namespace} ...; nothing was applied`,
  );
}

/** The namespaces whose pod templates get the Secrets, each with the first object that needs it there. */
function neededIn(planned: PlannedObject[]): Map<string, PlannedObject> {
  const out = new Map<string, PlannedObject>();
  for (const m of planned) {
    const ns = m.object.metadata?.namespace;
    if (ns && podSpecsOf(m.object).length > 0 && !out.has(ns)) out.set(ns, m);
  }
  return out;
}

export async function checkPullSecrets(
  client: KubeClient,
  planned: PlannedObject[],
  names: string[],
  warn: (line: string) => void,
): Promise<void> {
  if (names.length === 0) return;
  const declared = new Map(
    planned.filter((m) => m.object.kind === 'Secret').map((m) => [`${m.object.metadata?.namespace}/${m.object.metadata?.name}`, m]),
  );
  const checks = [...neededIn(planned)].flatMap(([namespace, first]) => names.map((name) => ({ namespace, name, first })));
  await Promise.all(
    checks.map(async ({ namespace, name, first }) => {
      const inDeploy = declared.get(`${namespace}/${name}`);
      if (inDeploy) {
        const type = inDeploy.object.type;
        if (type !== PULL_SECRET_TYPE)
          throw wrongType(name, namespace, typeof type === 'string' ? type : undefined, ` (${describeObject(inDeploy)})`);
        return;
      }
      let secret: { type?: string } | null;
      try {
        secret = await client.get('v1', 'Secret', namespace, name);
      } catch (e) {
        // Deploy credentials without get on secrets: the pods find out, and the diagnosis names the pull error.
        if (e instanceof KubeApiError && e.status === 403) {
          warn(`could not check image pull Secret "${name}" in namespace "${namespace}" (forbidden: grant get on secrets to check it)`);
          return;
        }
        throw e;
      }
      if (!secret) {
        throw new UserError(
          `image-pull-secrets: Secret "${name}" does not exist in namespace "${namespace}" (needed by ${describeObject(first)}): create it (kubectl create secret docker-registry ${name} -n ${namespace} ...) or add it to the manifests; nothing was applied`,
        );
      }
      if (secret.type !== PULL_SECRET_TYPE) throw wrongType(name, namespace, secret.type, '');
    }),
  );
}
