// The 'busy namespace' row: one Deployment of 3 pods deployed into a namespace that other teams share (3,000 pods of
// theirs, their kubelet events, and a stream of new events while the tools run), and the same Deployment into an empty
// namespace. Per tool and place: time to verdict, API requests, bytes received, peak RSS. The figure is the ratio
// busy/empty: what the tool pays for what else lives in the namespace. The gate runs with --min-ready 0 here, so that
// both tools judge by kubectl's rule and the time measures the namespace's cost, not the 10 s stability window.
import fs from 'node:fs';
import path from 'node:path';
import { freshCacheDir, writeManifests, type BenchContext, type ToolName } from '../context.js';
import { lastLine, runGateTool, runKubectlTool, type ToolRun } from '../contenders.js';
import { addNodesFor, removeNodes } from '../extra-nodes.js';
import { countIn, fillNamespace, startEventStream, type EventStream } from '../busy-namespace.js';
import { kubeconfigThrough, startByteProxy, type ByteProxy } from '../byte-proxy.js';
import { waitUntil } from '../clock.js';
import { api, apiOk } from '../kube-api.js';
import { createNamespace, deleteCrowdedNamespaces, deleteNamespaces, namespaceName } from '../namespaces.js';
import { Observer } from '../observer.js';
import { countRequests, describeCounts, requestsOf } from '../lib/audit.js';
import { formatDuration, formatMiB } from '../lib/format.js';
import { deploymentManifest } from '../lib/manifests.js';
import type { BusyResults, BusyRun } from '../lib/results.js';

const UNRELATED_PODS = 3000;
const PODS_PER_DEPLOYMENT = 50;
const EVENTS_PER_SECOND = 20;
const REPLICAS = 3;
const TIMEOUT = '5m';

type Tool = Extract<ToolName, 'gate' | 'kubectl'>;
type Place = 'busy' | 'empty';

export async function measureBusy(ctx: BenchContext, reps: number): Promise<BusyResults> {
  const added = await addNodesFor(ctx.admin, ctx.root, UNRELATED_PODS + 4 * REPLICAS, ctx.log);
  const shared = namespaceName('busy', 'shared', 0);
  await createNamespace(ctx.admin, shared, ctx.runId);
  const proxy = await startByteProxy(ctx.admin.server);
  const observer = new Observer();
  let stream: EventStream | null = null;
  try {
    await observer.start(ctx.admin, ctx.runId, { pods: false });
    await fillNamespace(ctx.admin, shared, ctx.runId, UNRELATED_PODS, PODS_PER_DEPLOYMENT, ctx.log);
    const results: BusyResults = {
      unrelatedPods: await countIn(ctx.admin, `/api/v1/namespaces/${shared}/pods`),
      storedEvents: await countIn(ctx.admin, `/api/v1/namespaces/${shared}/events`),
      eventsPerSecond: EVENTS_PER_SECOND,
      replicas: REPLICAS,
      gate: { busy: [], empty: [] },
      kubectl: { busy: [], empty: [] },
    };
    ctx.log(`busy namespace ${shared}: ${results.unrelatedPods} pods, ${results.storedEvents} events stored`);
    stream = await startEventStream(ctx.admin, shared, EVENTS_PER_SECOND);
    const kubeconfigs = proxiedKubeconfigs(ctx, proxy);
    for (let rep = 1; rep <= reps; rep++) {
      const tools: Tool[] = rep % 2 === 1 ? ['gate', 'kubectl'] : ['kubectl', 'gate'];
      const places: Place[] = rep % 2 === 1 ? ['busy', 'empty'] : ['empty', 'busy'];
      for (const tool of tools) {
        for (const place of places) {
          const run = await measureOne(ctx, proxy, observer, { tool, place, rep, shared, kubeconfig: kubeconfigs[tool] });
          if (run) results[tool][place].push(run);
        }
      }
    }
    const written = await stream.stop();
    stream = null;
    ctx.log(`the event stream wrote ${written} events`);
    return results;
  } finally {
    observer.stop();
    await stream?.stop();
    await proxy.stop();
    ctx.log(`deleting the busy namespace ${shared}`);
    // A failure here must not hide the measurements (or the error that ended them).
    const gone = await deleteCrowdedNamespaces(ctx.admin, [shared], 15 * 60_000).catch(() => false);
    if (!gone) ctx.note(`the busy namespace ${shared} was still being deleted when the bench went on`);
    await removeNodes(ctx.admin, added);
  }
}

interface One {
  tool: Tool;
  place: Place;
  rep: number;
  shared: string;
  kubeconfig: string;
}

async function measureOne(ctx: BenchContext, proxy: ByteProxy, observer: Observer, o: One): Promise<BusyRun | null> {
  const name = `web-${o.tool}-${o.rep}`;
  const namespace = o.place === 'busy' ? o.shared : namespaceName('quiet', o.tool, o.rep);
  if (o.place === 'empty') await createNamespace(ctx.admin, namespace, ctx.runId);
  const manifests = writeManifests(ctx, [deploymentManifest({ name, replicas: REPLICAS, runId: ctx.runId })]);
  const mark = ctx.audit.mark();
  proxy.reset();
  const run: ToolRun =
    o.tool === 'gate'
      ? await runGateTool(ctx.runner, { manifests, namespace, kubeconfig: o.kubeconfig, timeout: TIMEOUT, gateArgs: ['--min-ready', '0s'] })
      : await runKubectlTool({
          kubectl: ctx.kubectl,
          cacheDir: freshCacheDir(ctx),
          manifests,
          namespace,
          kubeconfig: o.kubeconfig,
          timeout: TIMEOUT,
          deployments: [name],
          style: 'kubectl',
        });
  const bytes = proxy.received();
  const events = await ctx.audit.eventsSince(mark);
  const requests = countRequests(
    requestsOf(events, { username: ctx.identities[o.tool].username, fromMs: run.startMs - 1, toMs: run.endMs + 1 }),
  );
  const wallMs = run.endMs - run.startMs;
  const available = observer.rolledOutAt(namespace, name);
  const lagMs = available === null ? Number.NaN : run.endMs - available;
  ctx.log(
    `busy ${o.rep} ${o.tool} in the ${o.place} namespace: ${run.verdict} in ${formatDuration(wallMs)} (${formatDuration(lagMs)} after available), requests ${describeCounts(requests)}, ${formatMiB(bytes)} received, peak RSS ${formatMiB(run.peakRss)}`,
  );
  if (o.place === 'busy') await removeDeployment(ctx, namespace, name);
  else await deleteNamespaces(ctx.admin, [namespace], 120_000);
  await ctx.checkCluster();
  if (!run.ok) {
    ctx.note(
      `busy run ${o.rep}: ${o.tool} in the ${o.place} namespace did not report success (${run.verdict}; exit ${run.code}: ${lastLine(run.stderr)}); the run is left out`,
    );
    return null;
  }
  return { wallMs, lagMs, requests, bytes, peakRss: run.peakRss };
}

/** Deletes the run's Deployment and waits until its pods are gone, so the next run meets the same namespace. */
async function removeDeployment(ctx: BenchContext, namespace: string, name: string): Promise<void> {
  await api(ctx.admin, 'DELETE', `/apis/apps/v1/namespaces/${namespace}/deployments/${name}?propagationPolicy=Foreground`);
  const selector = encodeURIComponent(`app=${name}`);
  const gone = await waitUntil(
    async () => (await apiOk(ctx.admin, 'GET', `/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}`)).items.length === 0,
    120_000,
    500,
  );
  if (!gone) ctx.note(`the pods of ${namespace}/${name} were still there 2 minutes after its deletion`);
}

/** Each tool's kubeconfig, pointed at the byte-counting proxy. */
function proxiedKubeconfigs(ctx: BenchContext, proxy: ByteProxy): Record<Tool, string> {
  const out = {} as Record<Tool, string>;
  for (const tool of ['gate', 'kubectl'] as const) {
    const file = path.join(ctx.scratch, `${tool}-through-proxy.kubeconfig`);
    fs.writeFileSync(file, kubeconfigThrough(ctx.identities[tool].kubeconfigText, proxy.url), { mode: 0o600 });
    out[tool] = file;
  }
  return out;
}
