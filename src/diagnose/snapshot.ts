// The objects a diagnosis looks at, as plain arrays. The live edge builds one from its watches; the offline CLI builds
// one from what `kubectl get pods,events,nodes,replicasets,... -A -o yaml` printed.
import { parseAllDocuments } from 'yaml';
import { collectionOfKind, emptySnapshot, type ClusterSnapshot } from '../k8s/kinds.js';
import { shapeProblem } from '../k8s/shapes.js';
import type { KubeObject } from '../k8s/objects.js';
import { documentToJS } from '../yaml-limits.js';

export { emptySnapshot, type ClusterSnapshot };

/** Thrown for a dump that is not YAML (or JSON) at all, or whose objects have fields of the wrong type. */
export class DumpParseError extends Error {}

export function snapshotFromDump(text: string, others: KubeObject[] = []): ClusterSnapshot {
  const snapshot = emptySnapshot();
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const [i, doc] of list.entries()) {
    if (doc.errors.length > 0) throw new DumpParseError(`the dump is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    let value: unknown;
    try {
      value = documentToJS(doc, `document ${i + 1}`);
    } catch (e) {
      throw new DumpParseError((e as Error).message);
    }
    addObject(snapshot, value, others);
  }
  return snapshot;
}

/** A `List` (or `PodList`...) contributes its items, each of which may itself be a list. */
function addObject(snapshot: ClusterSnapshot, value: unknown, others: KubeObject[]): void {
  if (!value || typeof value !== 'object') return;
  const obj = value as { kind?: unknown; items?: unknown };
  if (Array.isArray(obj.items)) {
    const itemKind = typeof obj.kind === 'string' && obj.kind.endsWith('List') ? obj.kind.slice(0, -4) : '';
    for (const item of obj.items) {
      if (item && typeof item === 'object' && !(item as { kind?: unknown }).kind && itemKind) {
        addObject(snapshot, { ...(item as object), kind: itemKind }, others);
      } else {
        addObject(snapshot, item, others);
      }
    }
    return;
  }
  const collection = typeof obj.kind === 'string' ? collectionOfKind(obj.kind) : undefined;
  if (!collection) {
    // Objects the snapshot has no collection for (custom resources, StorageClasses...): their own status may explain.
    if (typeof obj.kind === 'string') others.push(value as KubeObject);
    return;
  }
  const problem = shapeProblem(obj.kind as string, value);
  if (problem) throw new DumpParseError(`${obj.kind} ${objectName(value)}: ${problem}`);
  (snapshot[collection] as unknown[]).push(value);
}

function objectName(value: object): string {
  const meta = (value as { metadata?: { name?: unknown; namespace?: unknown } }).metadata;
  const name = typeof meta?.name === 'string' ? meta.name : '(no name)';
  return typeof meta?.namespace === 'string' ? `${meta.namespace}/${name}` : name;
}
