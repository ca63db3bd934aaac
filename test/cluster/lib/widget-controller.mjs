#!/usr/bin/env node
// The test cluster's widget controller, started by `cluster.mjs up` as "widget-controller": it lists and watches
// Widgets (test.kube-deploy-gate.dev/v1, CRD in ../widgets/crd.yaml) in every namespace and writes their status
// through the status subresource as lib/widgets/behaviour.mjs says, once per generation (and once more after a
// ready-after delay), so the gate's kstatus rules meet a real controller: conditions that change after the apply,
// a Stalled condition, a generation its controller never observes. A stall is also recorded as a Warning Event on
// the Widget, as a controller-runtime recorder does.
import crypto from 'node:crypto';
import { inform } from './kubelet/informer.mjs';
import { request } from './kubelet/http.mjs';
import { BEHAVIOUR_ANNOTATION, behaviourOf, GROUP, statusFor, STALL_MESSAGE, STALL_REASON, VERSION } from './widgets/behaviour.mjs';

const USER_AGENT = 'widget-controller/v1 (test cluster)';
const log = (line) => console.log(`${new Date().toISOString()} ${line}`);
const handled = new Map(); // uid -> "generation/behaviour" last acted on
const timers = new Map(); // uid -> ready-after timer
const latest = new Map(); // uid -> last seen Widget

// A generation acted on once; a behaviour changed alone (annotations do not move the generation) is acted on too.
const keyOf = (w) => `${w.metadata.generation}/${w.metadata.annotations?.[BEHAVIOUR_ANNOTATION] ?? ''}`;
const path = (w, sub = '') => `/apis/${GROUP}/${VERSION}/namespaces/${w.metadata.namespace}/widgets/${w.metadata.name}${sub}`;

async function writeStatus(widget, status) {
  const r = await request('PATCH', path(widget, '/status'), {
    body: { status },
    contentType: 'application/merge-patch+json',
    userAgent: USER_AGENT,
  });
  if (r.status !== 200) log(`status of ${widget.metadata.namespace}/${widget.metadata.name}: HTTP ${r.status} ${r.body?.message ?? ''}`);
}

async function recordStall(widget) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const { namespace, name, uid, resourceVersion } = widget.metadata;
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${crypto.randomBytes(8).toString('hex')}`, namespace },
    involvedObject: { apiVersion: `${GROUP}/${VERSION}`, kind: 'Widget', namespace, name, uid, resourceVersion },
    type: 'Warning',
    reason: STALL_REASON,
    message: STALL_MESSAGE,
    source: { component: 'widget-controller' },
    reportingComponent: 'widget-controller',
    reportingInstance: 'widget-controller',
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  const r = await request('POST', `/api/v1/namespaces/${namespace}/events`, { body: event, userAgent: USER_AGENT });
  if (r.status !== 201) log(`event for ${namespace}/${name}: HTTP ${r.status}`);
}

function reconcile(widget) {
  const uid = widget.metadata.uid;
  latest.set(uid, widget);
  const behaviour = behaviourOf(widget);
  const key = keyOf(widget);
  if (handled.get(uid) === key) return;
  handled.set(uid, key);
  clearTimeout(timers.get(uid));
  if (!behaviour) return log(`${widget.metadata.namespace}/${widget.metadata.name}: unknown behaviour, no status written`);
  const status = statusFor(widget, behaviour, 'start', new Date());
  if (!status) return;
  writeStatus(widget, status).catch((e) => log(e.message));
  if (behaviour.kind === 'stall') recordStall(widget).catch((e) => log(e.message));
  if (behaviour.kind === 'ready-after') {
    const generation = widget.metadata.generation;
    timers.set(
      uid,
      setTimeout(() => {
        const now = latest.get(uid);
        // A newer generation was applied meanwhile: its own reconcile decides.
        if (!now || now.metadata.generation !== generation) return;
        writeStatus(now, statusFor(now, behaviour, 'later', new Date())).catch((e) => log(e.message));
      }, behaviour.delayMs),
    );
  }
}

function forget(widget) {
  const uid = widget.metadata.uid;
  clearTimeout(timers.get(uid));
  for (const m of [handled, timers, latest]) m.delete(uid);
}

// After a restart, a generation already observed needs nothing (a pending ready-after is finished at once).
function adopt(widget) {
  if (widget.status?.observedGeneration === widget.metadata.generation) {
    const behaviour = behaviourOf(widget);
    if (behaviour?.kind === 'ready-after' && !widget.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
      writeStatus(widget, statusFor(widget, behaviour, 'later', new Date())).catch((e) => log(e.message));
    latest.set(widget.metadata.uid, widget);
    handled.set(widget.metadata.uid, keyOf(widget));
    return;
  }
  reconcile(widget);
}

let listed = false;
inform(`/apis/${GROUP}/${VERSION}/widgets`, 'limit=0', {
  log,
  userAgent: USER_AGENT,
  onList: (items) => {
    const uids = new Set(items.map((w) => w.metadata.uid));
    for (const [uid, w] of latest) if (!uids.has(uid)) forget(w);
    for (const w of items) (listed ? reconcile : adopt)(w);
    if (!listed) log(`widget-controller: watching ${items.length} widgets`);
    listed = true;
  },
  onEvent: (type, widget) => (type === 'DELETED' ? forget(widget) : reconcile(widget)),
});
process.on('SIGTERM', () => process.exit(0));
