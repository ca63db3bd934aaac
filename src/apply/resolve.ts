// Finds the REST resource of every object through discovery. A custom resource whose CRD is part of the same deploy
// cannot be discovered yet: its resource is read from that CRD's manifest instead.
import { UserError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';
import type { ResourceInfo } from '../kube/discovery.js';
import { describeObject, type PlannedObject } from './plan.js';
import type { ManifestObject } from './parse.js';
import { crdOf } from '../k8s/objects.js';

function fromCrdManifests(objects: ManifestObject[], apiVersion: string, kind: string): ResourceInfo | undefined {
  const [group, version] = apiVersion.split('/');
  for (const { object } of objects) {
    const spec = crdOf(object)?.spec;
    if (spec?.group !== group || spec.names?.kind !== kind) continue;
    const plural = spec.names.plural;
    if (!plural || !(spec.versions ?? []).some((v) => v.name === version)) continue;
    return { apiVersion, kind, plural, namespaced: spec.scope !== 'Cluster' };
  }
  return undefined;
}

export async function resolveResources(client: KubeClient, objects: ManifestObject[]): Promise<PlannedObject[]> {
  const out: PlannedObject[] = [];
  for (const m of objects) {
    const { apiVersion, kind } = m.object;
    try {
      out.push({ ...m, resource: await client.resource(apiVersion, kind) });
    } catch (e) {
      const fromCrd = fromCrdManifests(objects, apiVersion, kind);
      if (!fromCrd) throw new UserError(`${describeObject(m)}: ${(e as Error).message}`);
      out.push({ ...m, resource: fromCrd });
    }
  }
  return out;
}
