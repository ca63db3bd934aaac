// Init containers that never finish. init-slow: the first init container keeps running (kubectl shows Init:0/N).
// init-crash: it exits 127 (its log says "/bin/sh: hello.sh: not found") and is restarted like any container, first
// at once and then in CrashLoopBackOff (kubectl: Init:Error, Init:CrashLoopBackOff). The app containers wait in
// PodInitializing and the pod stays Pending; with restartPolicy Never the pod fails instead.
import { backOffEnd, phaseIn, scenarioIn } from './parts/jq.mjs';
import { delay, delayFrom, podStage } from './parts/pod-stage.mjs';
import { condition, containerId, header, readiness, running, sandbox, status, terminated, waiting } from './parts/templates.mjs';

const common = `${header}
{{ $spec := index .spec.initContainers 0 }}{{ $rp := .spec.restartPolicy | default "Always" }}{{ $terminal := "" }}
{{ $cur := dict }}{{ range .status.initContainerStatuses }}{{ if eq .name $spec.name }}{{ $cur = . }}{{ end }}{{ end }}
{{ $unready := list }}{{ range .spec.containers }}{{ $unready = append $unready .name }}{{ end }}`;

/** initContainerStatuses in spec order (the kubelet keeps init containers in order): the first from `target`. */
function initContainers(target, others) {
  return `initContainerStatuses:
{{ range $i, $c := .spec.initContainers }}
{{ if eq $i 0 }}
- ${target}
{{ else }}
${others}
{{ end }}
{{ end }}`;
}

const keep = `{{ range $pod.status.initContainerStatuses }}{{ if eq .name $c.name }}- {{ toJson . }}{{ end }}{{ end }}`;
const podInitializing = status('$c', { state: waiting('PodInitializing'), pulled: false });

const start = podStage('scenario-init-start', {
  selector: [scenarioIn(['init-crash', 'init-slow']), phaseIn('initContainers', ['none'])],
  delay: delay(400, 900),
  template: `${common}
{{ $incomplete := list }}{{ range .spec.initContainers }}{{ $incomplete = append $incomplete .name }}{{ end }}
${initContainers(status('$c', { state: running(), started: 'true', attempt: '0' }), `- ${podInitializing}`)}
{{ $names := list }}{{ range .spec.containers }}{{ $names = append $names .name }}{{ end }}
containerStatuses:
{{ range $name := sortAlpha $names }}{{ range $c := $pod.spec.containers }}{{ if eq $c.name $name }}
- ${podInitializing}
{{ end }}{{ end }}{{ end }}
conditions:
${condition('PodReadyToStartContainers', '"True"')}
${condition('Initialized', '"False"', '"ContainersNotInitialized"', '(printf "containers with incomplete status: [%s]" (join " " $incomplete))')}
${readiness}
${sandbox}
phase: Pending`,
});

const exit = podStage('scenario-init-exit', {
  selector: [scenarioIn(['init-crash']), phaseIn('initContainers', ['running'])],
  delay: delay(600, 400),
  template: `${common}
{{ $phase := "Pending" }}{{ if eq $rp "Never" }}{{ $phase = "Failed" }}{{ $terminal = "PodFailed" }}{{ end }}
${initContainers(
  status('$c', {
    state: terminated({ exitCode: '127', reason: 'Error', startedAt: '$cur.state.running.startedAt', id: '$cur.containerID' }),
    id: '$cur.containerID',
    restartCount: '{{ $cur.restartCount }}',
    lastState: '{{ toJson ($cur.lastState | default dict) }}',
  }),
  keep,
)}
{{ if $terminal }}
conditions:
${condition('PodReadyToStartContainers', '"False"')}
${readiness}
{{ end }}
phase: {{ $phase }}`,
});

const restartedInit = (lastState) =>
  `{{ $n := add1 $cur.restartCount }}${status('$c', {
    state: running(),
    id: containerId('$c.name', '$n'),
    restartCount: '{{ $n }}',
    started: 'true',
    lastState,
  })}`;

const restartAtOnce = podStage('scenario-init-restart', {
  selector: [scenarioIn(['init-crash']), phaseIn('initContainers', ['exited-first'])],
  delay: delay(300, 500),
  template: `${common}
${initContainers(restartedInit('{"terminated": {{ toJson $cur.state.terminated }}}'), keep)}`,
});

const backOff = podStage('scenario-init-back-off', {
  selector: [scenarioIn(['init-crash']), phaseIn('initContainers', ['exited'])],
  delay: delay(200, 300),
  template: `${common}
{{ $b := index (list "10s" "20s" "40s" "1m20s" "2m40s" "5m0s") (sub (min $cur.restartCount 6) 1) }}
${initContainers(
  status('$c', {
    state: waiting('CrashLoopBackOff', '(printf "back-off %s restarting failed container=%s pod=%s" $b $c.name $podDesc)'),
    id: '$cur.containerID',
    restartCount: '{{ $cur.restartCount }}',
    lastState: '{"terminated": {{ toJson $cur.state.terminated }}}',
  }),
  keep,
)}`,
});

const backOffOver = podStage('scenario-init-back-off-over', {
  selector: [scenarioIn(['init-crash']), phaseIn('initContainers', ['CrashLoopBackOff'])],
  delay: delayFrom(backOffEnd('initContainers')),
  template: `${common}
${initContainers(restartedInit('{{ toJson ($cur.lastState | default dict) }}'), keep)}`,
});

export const stages = [start, exit, restartAtOnce, backOff, backOffOver];
