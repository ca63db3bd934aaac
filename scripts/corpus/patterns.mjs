// Pods in the states the corpus is about, with the events the kubelet, scheduler and controllers record for them. Each
// returns [pod, ...events]; the texts of the messages come from the case (they are what varies across versions).
import * as k from './kube.mjs';

const podRef = (p) => `${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`;

/** Pending on a node: the sandbox (pause container + CNI) cannot be created. `cause(id)` is the runtime's error. */
export function sandboxFailing(t, c, make, tag, node, image, cause, o = {}) {
  const created = o.createdAgo ?? 400;
  const first = o.firstAgo ?? created - 4;
  const last = o.lastAgo ?? 6;
  const p = make(tag, {
    node,
    phase: 'Pending',
    createdAgo: created,
    podIP: null,
    conditions: k.podConditions(t, { ready: false, sandbox: false, scheduledAgo: created - 1, readyAgo: created - 1 }),
    containers: [k.waiting(t, c, o.container ?? 'app', image, 'ContainerCreating', undefined)],
  });
  const ids = [0, 1, 2].map((i) => k.hex64(`${p.metadata.name}/sandbox/${i}`));
  const msg = (id) => `Failed to create pod sandbox: rpc error: code = Unknown desc = ${cause(id)}`;
  const events = [k.scheduled(t, p, node, { ago: created - 1 })];
  const total = o.count ?? 14;
  events.push(k.event(t, p, 'Warning', 'FailedCreatePodSandBox', msg(ids[0]), { firstAgo: first, lastAgo: first }));
  if (total > 1)
    events.push(k.event(t, p, 'Warning', 'FailedCreatePodSandBox', msg(ids[1]), { firstAgo: first - 12, lastAgo: first - 12 }));
  if (o.sandboxChanged !== false && total > 1)
    events.push(
      k.event(t, p, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.', {
        firstAgo: first - 1,
        lastAgo: last + 2,
        count: Math.max(1, total - 1),
      }),
    );
  if (total > 2) {
    // The kubelet's event correlator folds the rest into one event once more than 10 similar ones arrived.
    const combined = total > 10;
    events.push(
      k.event(t, p, 'Warning', 'FailedCreatePodSandBox', `${combined ? '(combined from similar events): ' : ''}${msg(ids[2])}`, {
        firstAgo: first - 25,
        lastAgo: last,
        count: total - 2,
      }),
    );
  }
  return [p, ...events];
}

/**
 * Crash-looping after `restarts` restarts: waiting CrashLoopBackOff over a terminated lastState (exitCode, reason,
 * message) with the BackOff events the kubelet records.
 */
export function crashLooping(t, c, make, tag, node, image, o) {
  const created = o.createdAgo ?? 420;
  const restarts = o.restarts ?? 5;
  const ctr = o.container ?? 'app';
  const backoff = o.backoff ?? (restarts >= 5 ? '2m40s' : restarts >= 3 ? '40s' : '20s');
  const p = make(tag, {
    node,
    createdAgo: created,
    conditions: k.podConditions(t, { ready: false, scheduledAgo: created - 1, readyAgo: created - 10, notReadyContainers: [ctr] }),
  });
  p.status.containerStatuses = [
    k.waiting(t, c, ctr, image, 'CrashLoopBackOff', `back-off ${backoff} restarting failed container=${ctr} pod=${podRef(p)}`, {
      restartCount: restarts,
      pod: p.metadata.name,
      lastState: k.ended(t, c, o.exitCode, o.reason ?? 'Error', {
        message: o.message,
        finishedAgo: o.finishedAgo ?? 35,
        ranSeconds: o.ranSeconds ?? 2,
        seed: p.metadata.name,
      }),
    }),
  ];
  const events = [
    k.scheduled(t, p, node, { ago: created - 1 }),
    k.event(t, p, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, {
      container: ctr,
      firstAgo: created - 20,
      lastAgo: 100,
      count: restarts + 1,
    }),
    k.event(t, p, 'Normal', 'Created', `Created container: ${ctr}`, {
      container: ctr,
      firstAgo: created - 20,
      lastAgo: 100,
      count: restarts + 1,
    }),
    k.event(t, p, 'Normal', 'Started', `Started container ${ctr}`, {
      container: ctr,
      firstAgo: created - 19,
      lastAgo: 99,
      count: restarts + 1,
    }),
    k.event(t, p, 'Warning', 'BackOff', `Back-off restarting failed container ${ctr} in pod ${podRef(p)}`, {
      container: ctr,
      firstAgo: created - 40,
      lastAgo: 8,
      count: restarts * 4 + 3,
    }),
  ];
  return [p, ...events];
}

/** Failed with a reason and message in status, as the kubelet leaves a pod it evicted, rejected or shut down. */
export function failedPod(t, c, make, tag, node, image, o) {
  const created = o.createdAgo ?? 600;
  const ctr = o.container ?? 'app';
  const p = make(tag, {
    node,
    phase: 'Failed',
    createdAgo: created,
    reason: o.reason,
    message: o.statusMessage,
    podIP: o.ran ? undefined : null,
    conditions: [
      ...(o.disruption
        ? [
            {
              lastProbeTime: null,
              lastTransitionTime: t.at(o.failedAgo ?? 200),
              message: o.disruption[1],
              reason: o.disruption[0],
              status: 'True',
              type: 'DisruptionTarget',
            },
          ]
        : []),
      { lastProbeTime: null, lastTransitionTime: t.at(o.failedAgo ?? 200), status: 'False', type: 'PodReadyToStartContainers' },
      { lastProbeTime: null, lastTransitionTime: t.at(created - 2), status: 'True', type: 'Initialized' },
      { lastProbeTime: null, lastTransitionTime: t.at(o.failedAgo ?? 200), reason: 'PodFailed', status: 'False', type: 'Ready' },
      { lastProbeTime: null, lastTransitionTime: t.at(o.failedAgo ?? 200), reason: 'PodFailed', status: 'False', type: 'ContainersReady' },
      { lastProbeTime: null, lastTransitionTime: t.at(created - 1), status: 'True', type: 'PodScheduled' },
    ],
  });
  if (o.ran) {
    p.status.containerStatuses = [
      k.terminatedStatus(t, c, ctr, image, o.exitCode ?? 137, o.exitReason ?? 'Error', {
        pod: p.metadata.name,
        finishedAgo: o.failedAgo ?? 200,
        ranSeconds: created - (o.failedAgo ?? 200) - 10,
      }),
    ];
  } else if (o.rejected) {
    // A pod the kubelet never admitted: rejectPod (pkg/kubelet/kubelet.go) writes only phase, reason, message and QoS;
    // the status manager adds startTime and keeps the scheduler's PodScheduled condition.
    delete p.status.containerStatuses;
    delete p.status.hostIP;
    delete p.status.hostIPs;
    p.status.startTime = t.at(o.failedAgo ?? 200);
    p.status.conditions = p.status.conditions.filter((cond) => cond.type === 'PodScheduled' || cond.type === 'DisruptionTarget');
  }
  const events = [k.scheduled(t, p, node, { ago: created - 1 })];
  if (o.eventReason)
    events.push(
      k.event(t, p, 'Warning', o.eventReason, o.eventMessage ?? o.statusMessage, {
        firstAgo: o.failedAgo ?? 200,
        lastAgo: o.failedAgo ?? 200,
      }),
    );
  return [p, ...events];
}

/** Not placed: PodScheduled False/Unschedulable with the scheduler's message, and its FailedScheduling event. */
export function unschedulable(t, c, make, tag, message, o = {}) {
  const created = o.createdAgo ?? 240;
  const p = make(tag, {
    node: null,
    phase: 'Pending',
    createdAgo: created,
    qosClass: o.qosClass,
    conditions: [
      {
        lastProbeTime: null,
        lastTransitionTime: t.at(created - 1),
        message,
        reason: o.reason ?? 'Unschedulable',
        status: 'False',
        type: 'PodScheduled',
      },
    ],
  });
  const events = o.noEvent
    ? []
    : [
        k.schedulerEvent(t, p, 'Warning', 'FailedScheduling', message, {
          firstAgo: created - 1,
          lastAgo: o.lastAgo ?? 12,
          count: o.count ?? 6,
        }),
      ];
  return [p, ...events];
}

export { podRef };
