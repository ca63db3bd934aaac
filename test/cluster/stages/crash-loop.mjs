// Containers that exit and are restarted the way the kubelet does it: the first exit is restarted at once, every
// later one waits in CrashLoopBackOff for 10 s, 20 s, 40 s ... 300 s (kuberuntime_manager.go doBackOff), with the
// message "back-off 10s restarting failed container=app pod=web-1_ns(uid)". Scenarios: crash (Error, exit 1),
// crash-exit-0 (Completed, exit 0), oom (OOMKilled, exit 137), liveness (killed after failed liveness probes, exit
// 137), start-error (containerd's StartError, exit 128: the container waits in RunContainerError, then back-off).
// The crash-until annotation makes the exiting ones run healthy once they start after that time (parts/jq.mjs).
// not-ready only uses the start stage: its container runs and never turns ready. The first spec container is the
// one that fails; the pod's other containers run healthy.
import { backOffEnd, exitsThisRun, phaseIn, runTime, scenarioIn } from './parts/jq.mjs';
import { delay, delayFrom, podStage, regularContainers } from './parts/pod-stage.mjs';
import {
  condition,
  containerId,
  header,
  initCompleted,
  readiness,
  running,
  sandbox,
  status,
  terminated,
  waiting,
} from './parts/templates.mjs';

const EXITING = ['crash', 'crash-exit-0', 'oom', 'liveness'];
const RESTARTING = [...EXITING, 'start-error'];

// containerd's StartError text when runc cannot exec the entrypoint (internal/cri/server/container_start.go wraps
// the runc error; the kubelet shows the same text in the Failed event and in the status).
const common = `${header}
{{ $spec := index .spec.containers 0 }}{{ $rp := .spec.restartPolicy | default "Always" }}{{ $terminal := "" }}
{{ $probeReady := and (ne $s "not-ready") (not $spec.readinessProbe) }}
{{ $cur := dict }}{{ range .status.containerStatuses }}{{ if eq .name $spec.name }}{{ $cur = . }}{{ end }}{{ end }}
{{ $cmd := "/docker-entrypoint.sh" }}{{ with $spec.command }}{{ $cmd = index . 0 }}{{ end }}
{{ $execErr := printf "exec: %s: stat %s: no such file or directory" (Quote $cmd) $cmd }}{{ if not (hasPrefix "/" $cmd) }}{{ $execErr = printf "exec: %s: executable file not found in $PATH" (Quote $cmd) }}{{ end }}
{{ $startMsg := printf "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: %s: unknown" $execErr }}`;

const startError = (attempt) =>
  terminated({
    exitCode: '128',
    reason: 'StartError',
    message: '$startMsg',
    startedAt: '"1970-01-01T00:00:00Z"',
    id: containerId('$c.name', attempt),
  });

const start = podStage('scenario-container-start', {
  selector: [scenarioIn([...RESTARTING, 'not-ready']), phaseIn('containers', ['none'])],
  delay: delay(400, 900),
  template: `${common}
{{ $phase := "Running" }}{{ if and (eq $s "start-error") (eq $rp "Never") (eq (len .spec.containers) 1) }}{{ $phase = "Failed" }}{{ $terminal = "PodFailed" }}{{ end }}
${regularContainers({
  starting: true,
  targetReady: 'and (ne $s "start-error") $probeReady',
  target: `{{ if ne $s "start-error" }}${status('$c', { state: running(), ready: '{{ $probeReady }}', started: 'true', attempt: '0' })}{{ else if eq $rp "Never" }}${status('$c', { state: startError('0'), attempt: '0' })}{{ else }}${status('$c', { state: waiting('RunContainerError', '$startMsg'), lastState: startError('0'), attempt: '0' })}{{ end }}`,
})}
${initCompleted}
conditions:
${condition('PodReadyToStartContainers', '(ternary "False" "True" (ne $terminal ""))')}
${condition('Initialized', '"True"')}
${readiness}
${sandbox}
phase: {{ $phase }}`,
});

const exit = podStage('scenario-container-exit', {
  // With the crash-until annotation, a container that started after that time stays running (and Ready).
  selector: [scenarioIn(EXITING), phaseIn('containers', ['running']), { key: exitsThisRun, operator: 'In', values: ['true'] }],
  delay: delayFrom(runTime),
  template: `${common}
{{ $code := "1" }}{{ $reason := "Error" }}
{{ if eq $s "crash-exit-0" }}{{ $code = "0" }}{{ $reason = "Completed" }}{{ else if eq $s "oom" }}{{ $code = "137" }}{{ $reason = "OOMKilled" }}{{ else if eq $s "liveness" }}{{ $code = "137" }}{{ end }}
{{ $phase := "Running" }}
{{ if and (eq (len .spec.containers) 1) (or (eq $rp "Never") (and (eq $rp "OnFailure") (eq $code "0"))) }}{{ if eq $code "0" }}{{ $phase = "Succeeded" }}{{ $terminal = "PodCompleted" }}{{ else }}{{ $phase = "Failed" }}{{ $terminal = "PodFailed" }}{{ end }}{{ end }}
${regularContainers({
  starting: false,
  targetReady: 'false',
  target: status('$c', {
    state: terminated({
      exitCode: '{{ $code }}',
      reason: '{{ $reason }}',
      startedAt: '$cur.state.running.startedAt',
      id: '$cur.containerID',
    }),
    id: '$cur.containerID',
    restartCount: '{{ $cur.restartCount }}',
    lastState: '{{ toJson ($cur.lastState | default dict) }}',
  }),
})}
conditions:
{{ if $terminal }}${condition('PodReadyToStartContainers', '"False"')}{{ end }}
${readiness}
phase: {{ $phase }}`,
});

// A restart: a new container (attempt = restartCount) that runs, or that fails to start again.
const restarted = (lastState) =>
  `{{ $n := add1 $cur.restartCount }}{{ if eq $s "start-error" }}${status('$c', {
    state: waiting('RunContainerError', '$startMsg'),
    id: containerId('$c.name', '$n'),
    restartCount: '{{ $n }}',
    lastState: startError('$n'),
  })}{{ else }}${status('$c', {
    state: running(),
    id: containerId('$c.name', '$n'),
    restartCount: '{{ $n }}',
    ready: '{{ $probeReady }}',
    started: 'true',
    lastState,
  })}{{ end }}`;

const restartAtOnce = podStage('scenario-container-restart', {
  selector: [scenarioIn(RESTARTING), phaseIn('containers', ['exited-first'])],
  delay: delay(300, 500),
  template: `${common}
${regularContainers({
  starting: false,
  targetReady: 'and (ne $s "start-error") $probeReady',
  target: restarted('{"terminated": {{ toJson $cur.state.terminated }}}'),
})}
conditions:
${readiness}`,
});

const backOff = podStage('scenario-container-back-off', {
  selector: [scenarioIn(RESTARTING), phaseIn('containers', ['exited'])],
  delay: delay(200, 300),
  template: `${common}
{{ $b := index (list "10s" "20s" "40s" "1m20s" "2m40s" "5m0s") (sub (min $cur.restartCount 6) 1) }}
{{ $last := $cur.lastState | default dict }}{{ with $cur.state.terminated }}{{ $last = dict "terminated" . }}{{ end }}
${regularContainers({
  starting: false,
  targetReady: 'false',
  target: status('$c', {
    state: waiting('CrashLoopBackOff', '(printf "back-off %s restarting failed container=%s pod=%s" $b $c.name $podDesc)'),
    id: '$cur.containerID',
    restartCount: '{{ $cur.restartCount }}',
    lastState: '{{ toJson $last }}',
  }),
})}
conditions:
${readiness}`,
});

const backOffOver = podStage('scenario-container-back-off-over', {
  selector: [scenarioIn(RESTARTING), phaseIn('containers', ['CrashLoopBackOff'])],
  delay: delayFrom(backOffEnd('containers')),
  template: `${common}
${regularContainers({
  starting: false,
  targetReady: 'and (ne $s "start-error") $probeReady',
  target: restarted('{{ toJson ($cur.lastState | default dict) }}'),
})}
conditions:
${readiness}`,
});

export const stages = [start, exit, restartAtOnce, backOff, backOffOver];
