// jq expressions the pod stages select on. KWOK evaluates them (gojq) against the Pod as JSON; a query that fails
// yields no value, so every expression here guards its own lookups. Numbers arrive as floats, which KWOK's "In"
// operator cannot compare, so the expressions return strings or booleans.

export const SCENARIO_ANNOTATION = 'kwok.kube-deploy-gate.dev/scenario';
/** How long a crashing container runs before it exits (a Go duration such as "5s"); default: the scenario's own. */
export const RUN_FOR_ANNOTATION = 'kwok.kube-deploy-gate.dev/run-for';
/**
 * Until when, counted from the pod's creation (a Go duration such as "15s"), a container of an exiting scenario exits
 * at each start: one that starts later runs healthy. An app that crashes until the database it needs answers.
 */
export const CRASH_UNTIL_ANNOTATION = 'kwok.kube-deploy-gate.dev/crash-until';

/**
 * The sysctls every kubelet allows (pkg/kubelet/sysctl/safe_sysctls.go@v1.37.2 safeSysctls, on a kernel new enough for
 * all of them); the test cluster's kubelets allow no unsafe ones (no --allowed-unsafe-sysctls).
 */
export const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
];

/**
 * True when the kubelet's sysctl admit handler refuses the pod (allowlist.go validateSysctl): a sysctl not on the
 * allowlist, or an allowed one in the network (ipc) namespace of a pod sharing the host's network (IPC).
 */
export const sysctlForbidden = `(.spec.hostNetwork // false) as $hn | (.spec.hostIPC // false) as $hi
| ${JSON.stringify(SAFE_SYSCTLS)} as $safe
| [(.spec.securityContext.sysctls // [])[] | (.name // "") | gsub("/"; ".")
   | select((IN($safe[]) | not) or ($hn and startswith("net.")) or ($hi and startswith("kernel.shm")))]
| length > 0`;

/** Scenarios the kubelet-events helper plays on a pod that starts healthy (an eviction comes later, from the node). */
export const HEALTHY_FOR_STAGES = ['memory-hog'];

/**
 * The behaviour a pod gets: "" for a healthy pod, otherwise the annotation's value. `<scenario>-on-node=X` (for
 * example crash-on-node=X) is that scenario on node X and "" anywhere else (a broken host), so the healthy stages and
 * the scenario's stages never both match. A pod with a sysctl the kubelet forbids is "sysctl-forbidden" whatever its
 * annotation: a real kubelet refuses it at admission. memory-hog starts like a healthy pod (HEALTHY_FOR_STAGES).
 */
export const scenario = `(.metadata.annotations["${SCENARIO_ANNOTATION}"] // "") as $s
| (if (${sysctlForbidden}) then "sysctl-forbidden"
  elif ($s | test("-on-node=")) then
    (($s | split("-on-node=")) as $p | if $p[1] == .spec.nodeName then $p[0] else "" end)
  else $s end) as $e
| if IN($e; ${HEALTHY_FOR_STAGES.map((x) => JSON.stringify(x)).join(', ')}) then "" else $e end`;

/**
 * Where the scenario's target container (the first of spec.containers or spec.initContainers) is in its life:
 * "none" before the kubelet wrote any status; "running"; "exited-first" after the first exit, which the kubelet
 * restarts at once; "exited" after later exits, which go into back-off; "done" when the restart policy says the
 * container stays down; otherwise the waiting reason (CrashLoopBackOff, ErrImagePull, ...). A StartError leaves the
 * container waiting in RunContainerError, which restarts like an exit.
 */
export function targetPhase(list) {
  const statuses = list === 'initContainers' ? 'initContainerStatuses' : 'containerStatuses';
  return `.spec.${list}[0].name as $n
| (.spec.restartPolicy // "Always") as $rp
| ([.status.${statuses}[]? | select(.name == $n)] | first) as $c
| if $c == null then "none"
  elif $c.state.running != null then "running"
  elif $c.state.terminated != null then
    (if $rp == "Never" or ($rp == "OnFailure" and $c.state.terminated.exitCode == 0) then "done"
     elif $c.restartCount == 0 then "exited-first" else "exited" end)
  elif $c.state.waiting.reason == "RunContainerError" then
    (if $c.restartCount == 0 then "exited-first" else "exited" end)
  else ($c.state.waiting.reason // "waiting") end`;
}

/**
 * When the kubelet's container back-off ends, as an RFC3339 time: the last exit plus 10 s doubled per earlier
 * restart, capped at 300 s (kubelet.go: backOffPeriod 10s, MaxContainerBackOff 300s; flowcontrol.Backoff doubles).
 */
export function backOffEnd(list) {
  const statuses = list === 'initContainers' ? 'initContainerStatuses' : 'containerStatuses';
  return `.spec.${list}[0].name as $n
| ([.status.${statuses}[]? | select(.name == $n)] | first) as $c
| (($c.lastState.terminated.finishedAt // (now | todate)) | fromdate)
  + ([10, 20, 40, 80, 160, 300][([$c.restartCount, 6] | min) - 1])
| todate`;
}

/**
 * When the kubelet pulls a failing image again: its image back-off (10 s doubling to 300 s, per pod and image) puts
 * the attempts at 0, 10, 30, 70, 150 and 310 s after the pod started, then every 300 s.
 */
export const nextPullAttempt = `(.status.startTime | fromdate) as $t0
| (now - $t0 + 1) as $e
| (([10, 30, 70, 150, 310] | map(select(. > $e)) | first) // (310 + (((($e - 310) / 300) | floor) + 1) * 300))
| . + $t0 | todate`;

/** How long the container runs before the scenario ends it. */
export const runTime = `(${scenario}) as $s
| .spec.containers[0].livenessProbe as $p
| (.metadata.annotations["${RUN_FOR_ANNOTATION}"] // "") as $runFor
| if $runFor != "" and $s != "liveness" then $runFor
  elif $s == "liveness" then
    (if $p == null then "10s"
     else "\\((($p.initialDelaySeconds // 0) + ($p.periodSeconds // 10) * (($p.failureThreshold // 3) - 1)) * 1000 + 500)ms" end)
  elif $s == "crash-exit-0" then "400ms"
  elif $s == "oom" then "2s"
  else "1200ms" end`;

/** A Go duration ("15s", "1m30s", "500ms") as seconds. */
const goSeconds = `[scan("([0-9]+(?:\\\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)")
  | (.[0] | tonumber) * ({"ns": 0.000000001, "us": 0.000001, "µs": 0.000001, "ms": 0.001, "s": 1, "m": 60, "h": 3600}[.[1]])]
  | add // 0`;

/**
 * True when the running target container is to exit as its scenario says: always, unless the pod's crash-until
 * annotation is set and the container started at or after that time (then it runs healthy from then on).
 */
export const exitsThisRun = `(.metadata.annotations["${CRASH_UNTIL_ANNOTATION}"] // "") as $until
| if $until == "" then true
  else
    .spec.containers[0].name as $n
    | ([.status.containerStatuses[]? | select(.name == $n)] | first) as $c
    | ($c.state.running.startedAt // "") as $started
    | $started != "" and ($started | fromdate) < (.metadata.creationTimestamp | fromdate) + ($until | ${goSeconds})
  end`;

/**
 * True when a container reads a Secret or ConfigMap through env or envFrom (not optional). The kubelet resolves
 * those through the API before it creates the container; the kubelet-events helper does that check here and then
 * writes the kubelet's first status (ContainerCreating, or CreateContainerConfigError), so the healthy stage waits.
 */
export const readsConfig = `[(.spec.initContainers // [])[], (.spec.containers // [])[]
  | ((.env // [])[] | .valueFrom | select(. != null) | (.secretKeyRef, .configMapKeyRef) | select(. != null)),
    ((.envFrom // [])[] | (.secretRef, .configMapRef) | select(. != null))
  | select(.optional != true)] | length > 0`;

/** The helper's go-ahead for such a pod: the kubelet's first status (ContainerCreating), with no config error. */
export const configResolved = `((.status.containerStatuses // []) | length > 0)
  and ([(.status.initContainerStatuses // [])[], (.status.containerStatuses // [])[]
        | select(.state.waiting.reason == "CreateContainerConfigError")] | length == 0)`;

export const notDeleting = { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' };
export const onNode = { key: '.spec.nodeName', operator: 'Exists' };

export function scenarioIn(values) {
  return { key: scenario, operator: 'In', values };
}

export function phaseIn(list, values) {
  return { key: targetPhase(list), operator: 'In', values };
}
