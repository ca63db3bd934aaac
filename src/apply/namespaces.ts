// Refuses a deploy into a namespace that neither exists nor is created by the same manifests, before anything is
// applied: otherwise half of a group would be applied when the first 404 comes back.
import { UserError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import { describeObject, type PlannedObject } from './plan.js';

export async function checkNamespacesExist(client: KubeClient, planned: PlannedObject[]): Promise<void> {
  const created = new Set(planned.filter((m) => m.object.kind === 'Namespace').map((m) => m.object.metadata?.name));
  const needed = new Map<string, PlannedObject>();
  for (const m of planned) {
    const ns = m.resource.namespaced ? m.object.metadata?.namespace : undefined;
    if (ns && !created.has(ns) && !needed.has(ns)) needed.set(ns, m);
  }
  await Promise.all(
    [...needed].map(async ([ns, first]) => {
      try {
        if (await client.get('v1', 'Namespace', undefined, ns)) return;
      } catch (e) {
        // Credentials limited to one namespace often may not read Namespace objects: let the apply find out.
        if (e instanceof KubeApiError && e.status === 403) return;
        throw e;
      }
      throw new UserError(
        `namespace "${ns}" does not exist (needed by ${describeObject(first)}): create it first or add a Namespace manifest to the deploy; nothing was applied`,
      );
    }),
  );
}
