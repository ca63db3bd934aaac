// What the checks need from the cluster, read with the fewest permissions: named objects by get (a 403 leaves them
// unknown, which predicts nothing, and says which check it skipped), the nodes and each namespace's ResourceQuotas by
// list. A namespace this deploy creates holds only the quotas the deploy brings, with nothing used yet.
import type { KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import type { KubeObject } from '../k8s/objects.js';
import type { NamedObject } from './needs.js';
import { objectKey, type ClusterFacts, type DryRunObject } from './types.js';

const forbidden = (e: unknown) => e instanceof KubeApiError && e.status === 403;

export async function readFacts(
  client: KubeClient,
  wanted: NamedObject[],
  objects: DryRunObject[],
  namespaces: string[],
  needNodes: boolean,
): Promise<{ facts: ClusterFacts; notes: string[] }> {
  const notes = new Set<string>();
  const facts: ClusterFacts = { objects: new Map(), nodes: null, quotas: new Map() };
  await Promise.all(
    wanted.map(async (o) => {
      try {
        facts.objects.set(objectKey(o.kind, o.namespace, o.name), await client.get<KubeObject>(o.apiVersion, o.kind, o.namespace, o.name));
      } catch (e) {
        if (!forbidden(e)) throw e;
        notes.add(
          `could not read ${o.kind}s${o.namespace ? ` in namespace ${o.namespace}` : ''} (403): whether the ones the new pods need exist was not checked`,
        );
      }
    }),
  );
  if (needNodes) {
    try {
      facts.nodes = await client.list<KubeObject>('v1', 'Node', undefined);
    } catch (e) {
      if (!forbidden(e)) throw e;
    }
  }
  const created = new Set(objects.filter((o) => o.kind === 'Namespace' && !o.live && !o.refused).map((o) => o.name));
  await Promise.all(
    namespaces.map(async (ns) => {
      if (created.has(ns)) {
        facts.quotas.set(
          ns,
          objects.filter((o) => o.kind === 'ResourceQuota' && o.namespace === ns).map((o) => o.manifest),
        );
        return;
      }
      try {
        facts.quotas.set(ns, await client.list<KubeObject>('v1', 'ResourceQuota', ns));
      } catch (e) {
        if (!forbidden(e)) throw e;
      }
    }),
  );
  return { facts, notes: [...notes] };
}
