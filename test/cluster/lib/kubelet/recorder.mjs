// Writes core/v1 Events the way client-go's record.EventRecorder does for the kubelet (tools/record/event.go,
// events_cache.go): source {component: kubelet, host: node}, reportingComponent/Instance the same, an Event name of
// "<pod>.<hex unix nanos>", repeats of an identical event folded into one Event by PATCHing count and
// lastTimestamp, and the per-object spam filter (a token bucket of 25, refilled once per 5 minutes, per source,
// object and type). Writes go through a bounded queue at the kubelet's client rate (50/s, burst 100), so a burst of
// a thousand pods costs the apiserver what a real node would.
import { request } from './http.mjs';

const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const QUEUE_LIMIT = 1000;
const RATE_PER_S = 50;
const RATE_BURST = 100;
const CONCURRENCY = 4;
const CACHE_LIMIT = 4096;

const rfc3339 = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function createRecorder({ log, now = () => new Date() }) {
  const seen = new Map(); // event key -> { name, count, firstTimestamp }
  const spam = new Map(); // spam key -> { tokens, at }
  const queue = [];
  let tokens = RATE_BURST;
  let tokensAt = Date.now();
  let active = 0;
  let nanoCounter = 0;
  const inflight = new Set(); // keys being written: a repeat waits, so it patches the Event instead of duplicating it
  const stats = { written: 0, patched: 0, dropped: 0, filtered: 0, failed: 0 };

  function allowSpam(key, t) {
    const b = spam.get(key) ?? { tokens: SPAM_BURST, at: t };
    b.tokens = Math.min(SPAM_BURST, b.tokens + (t - b.at) / SPAM_REFILL_MS);
    b.at = t;
    spam.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Records one event about `pod` (intent: { fieldPath, type, reason, message }). */
  function record(pod, intent) {
    recordAbout('Pod', pod, pod.spec.nodeName, intent);
  }

  /** Records one event about the kubelet's own Node (nodestatus events, EvictionThresholdMet), in namespace default. */
  function recordNode(node, intent) {
    recordAbout('Node', node, node.metadata.name, intent);
  }

  function recordAbout(kind, obj, node, intent) {
    const t = now();
    const o = obj.metadata;
    const spamKey = ['kubelet', node, kind, o.namespace ?? '', o.name, o.uid, 'v1', intent.type].join('\u0000');
    if (!allowSpam(spamKey, t.getTime())) {
      stats.filtered++;
      return;
    }
    if (queue.length >= QUEUE_LIMIT) {
      stats.dropped++;
      return;
    }
    const involvedObject = {
      kind,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      name: o.name,
      uid: o.uid,
      apiVersion: 'v1',
      ...(kind === 'Pod' ? { resourceVersion: o.resourceVersion } : {}),
    };
    if (intent.fieldPath) involvedObject.fieldPath = intent.fieldPath;
    const key = [spamKey, intent.fieldPath ?? '', intent.reason, intent.message].join('\u0000');
    queue.push({
      key,
      node,
      event: {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: `${o.name}.${(BigInt(t.getTime()) * 1_000_000n + BigInt(nanoCounter++ % 1_000_000)).toString(16)}`,
          namespace: o.namespace ?? 'default',
        },
        involvedObject,
        reason: intent.reason,
        message: intent.message,
        type: intent.type,
        source: { component: 'kubelet', host: node },
        reportingComponent: 'kubelet',
        reportingInstance: node,
        firstTimestamp: rfc3339(t),
        lastTimestamp: rfc3339(t),
        count: 1,
      },
    });
    pump();
  }

  function takeToken() {
    const t = Date.now();
    tokens = Math.min(RATE_BURST, tokens + ((t - tokensAt) / 1000) * RATE_PER_S);
    tokensAt = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  let timer = null;
  function pump() {
    while (active < CONCURRENCY && queue.length > 0) {
      const index = queue.findIndex((q) => !inflight.has(q.key));
      if (index < 0) return;
      if (!takeToken()) {
        timer ??= setTimeout(() => {
          timer = null;
          pump();
        }, 1000 / RATE_PER_S);
        return;
      }
      const [item] = queue.splice(index, 1);
      inflight.add(item.key);
      active++;
      write(item)
        .catch((e) => {
          stats.failed++;
          log(`event ${item.event.reason} for ${item.event.involvedObject.namespace}/${item.event.involvedObject.name}: ${e.message}`);
        })
        .finally(() => {
          inflight.delete(item.key);
          active--;
          pump();
        });
    }
  }

  async function write({ key, node, event }) {
    const ns = event.metadata.namespace;
    const last = seen.get(key);
    if (last) {
      const patch = { count: last.count + 1, lastTimestamp: event.lastTimestamp, message: event.message };
      const r = await request('PATCH', `/api/v1/namespaces/${ns}/events/${last.name}`, {
        body: patch,
        contentType: 'application/strategic-merge-patch+json',
        asNode: node,
      });
      if (r.status === 200) {
        last.count++;
        stats.patched++;
        return;
      }
      if (r.status !== 404) throw new Error(`PATCH HTTP ${r.status}: ${r.body?.message ?? ''}`);
      seen.delete(key);
    }
    const r = await request('POST', `/api/v1/namespaces/${ns}/events`, { body: event, asNode: node });
    if (r.status !== 201) {
      if (r.status === 404 || r.status === 403) return; // namespace gone (a test cleaned up) or terminating
      throw new Error(`POST HTTP ${r.status}: ${r.body?.message ?? ''}`);
    }
    stats.written++;
    if (seen.size >= CACHE_LIMIT) seen.delete(seen.keys().next().value);
    seen.set(key, { name: event.metadata.name, count: 1 });
  }

  return { record, recordNode, stats };
}
