// List-then-watch for one resource collection, with the rules a correct watcher needs: start the watch at the list's
// resourceVersion, follow BOOKMARKs, re-watch from the last seen resourceVersion when the server or the client ends
// the stream, and re-list when the server says the version is gone (410 / ERROR Expired). Consumers receive a full,
// replaceable view (`onSync`) after every (re)list and single events in between, so nothing is missed or counted twice.
import { createInterface } from 'node:readline';
import type { KubeHttp } from './http.js';
import { KubeApiError } from './errors.js';
import type { KubeObject } from '../k8s/objects.js';
import { record } from '../k8s/fields.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface CollectionWatcher {
  onSync(items: KubeObject[]): void;
  onEvent(type: WatchEventType, obj: KubeObject): void;
  /** A failure the watcher could not recover from (403, not found...). */
  onFatal(error: Error): void;
}

export interface WatchOptions {
  /** Path of the collection, e.g. /api/v1/namespaces/ns/pods. */
  path: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** Ends each watch request after this many seconds so that a half-dead connection cannot stall us. */
  timeoutSeconds?: number;
  signal: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** Called when a watch or list attempt fails and will be retried: the shells log it. */
  onRetry?: (message: string) => void;
}

/**
 * Not a request retry (those go through src/retry.ts, inside KubeHttp): a watch ends by design (timeoutSeconds, the
 * server closing it, 410), and following the collection means opening the next one for as long as the wait lasts,
 * with no attempt limit. The backoff only paces reconnects after a failure.
 */
export async function listAndWatch(http: KubeHttp, opts: WatchOptions, watcher: CollectionWatcher): Promise<void> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let resourceVersion: string | null = null;
  let failures = 0;
  while (!opts.signal.aborted) {
    try {
      if (resourceVersion === null) {
        const list = await http.request<{ metadata?: { resourceVersion?: string }; items?: KubeObject[] }>(opts.path, {
          query: { fieldSelector: opts.fieldSelector, labelSelector: opts.labelSelector },
          signal: opts.signal,
        });
        resourceVersion = list.metadata?.resourceVersion ?? '0';
        watcher.onSync(list.items ?? []);
      }
      const outcome = await watchOnce(http, opts, resourceVersion!, watcher);
      resourceVersion = outcome.resourceVersion;
      if (outcome.expired) resourceVersion = null;
      failures = 0;
    } catch (e) {
      // Our own stop, or the run's deadline or cancellation: not a failure to retry.
      if (opts.signal.aborted || http.runSignal?.aborted) return;
      if (e instanceof KubeApiError && e.status === 410) {
        resourceVersion = null;
        continue;
      }
      if (e instanceof KubeApiError && [401, 403, 404].includes(e.status)) {
        watcher.onFatal(e);
        return;
      }
      failures++;
      opts.onRetry?.(`watch ${opts.path} failed (${(e as Error).message}); retrying`);
      await sleep(Math.min(200 * 2 ** Math.min(failures, 5), 5000));
    }
  }
}

async function watchOnce(http: KubeHttp, opts: WatchOptions, resourceVersion: string, watcher: CollectionWatcher) {
  const res = await http.stream(
    opts.path,
    {
      watch: 1,
      resourceVersion,
      allowWatchBookmarks: true,
      fieldSelector: opts.fieldSelector,
      labelSelector: opts.labelSelector,
      timeoutSeconds: opts.timeoutSeconds ?? 240,
    },
    opts.signal,
  );
  let rv = resourceVersion;
  let expired = false;
  const lines = createInterface({ input: res, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as { type: string; object: KubeObject };
      if (event.type === 'ERROR') {
        // An ERROR event carries a Status: 410 Gone (or "too old resource version") arrives inside the stream.
        const status = record(event.object);
        if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone') {
          expired = true;
          break;
        }
        throw KubeApiError.fromResponse('WATCH', opts.path, typeof status.code === 'number' ? status.code : 500, status);
      }
      const next = event.object?.metadata?.resourceVersion;
      if (next) rv = next;
      if (event.type === 'BOOKMARK') continue;
      watcher.onEvent(event.type as WatchEventType, event.object);
    }
  } finally {
    lines.close();
    res.destroy();
  }
  return { resourceVersion: rv, expired };
}
