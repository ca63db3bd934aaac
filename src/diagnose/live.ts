// The live edge of the diagnosis: fetches the log tail each finding points at (previous instance for crash loops)
// and ties findings to the change this run made. Log failures (403 on pods/log, a node that cannot serve logs) only
// leave the tail empty: they never change the verdict.
import type { KubeClient } from '../kube/client.js';
import { workloadId, isWorkloadKind, type WorkloadRef } from '../k8s/kinds.js';
import type { Finding } from './finding.js';
import type { ObjectRef } from '../k8s/objects.js';
import { logSourceFor, withLogs, LOG_TAIL_LINES } from './log-source.js';
import { attachSuspects, type TemplatePair } from './suspects.js';

const MAX_LOG_FETCHES = 20;

/** What the run applied, as far as "what changed" needs it. */
export interface AppliedChanges {
  objects: readonly (ObjectRef & { changed: boolean })[];
  workloads: readonly (WorkloadRef & { changed: boolean; templateBefore: unknown; templateAfter: unknown })[];
}

export async function enrichFindings(
  client: KubeClient,
  findings: Finding[],
  applied: AppliedChanges,
  log: (l: string) => void,
): Promise<Finding[]> {
  const changedObjects = applied.objects.filter((o) => o.changed && !isWorkloadKind(o.kind));
  const pairs = new Map<string, TemplatePair>(
    applied.workloads
      .filter((w) => w.changed)
      .map((w) => [
        workloadId(w),
        {
          before: w.templateBefore,
          after: w.templateAfter,
          changedObjects,
          namespace: w.namespace,
        },
      ]),
  );
  const linked = attachSuspects(findings, pairs);
  let denied = false;
  return Promise.all(
    linked.map(async (f, i) => {
      const source = i < MAX_LOG_FETCHES ? logSourceFor(f) : null;
      if (!source || denied) return f;
      try {
        const text = await client.logs(source.namespace, source.pod, source.container, {
          previous: source.previous,
          tailLines: LOG_TAIL_LINES,
        });
        return withLogs(f, typeof text === 'string' ? text.split('\n').filter((l, j, all) => l !== '' || j < all.length - 1) : []);
      } catch (e) {
        const message = (e as Error).message;
        if (/403|forbidden/i.test(message)) {
          denied = true;
          log('warning: could not read container logs (grant get on pods/log to see the log tail of failing containers)');
        }
        return f;
      }
    }),
  );
}
