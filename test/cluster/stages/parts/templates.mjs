// Go-template fragments the pod stages share. KWOK renders a stage's statusTemplate with the Pod as JSON (numbers as
// json.Number) plus sprig and its own functions (Now, Quote, PodIPsWith...), then applies the YAML result as a
// strategic-merge patch of pod status. Container statuses are written as one-line JSON maps so their indentation
// cannot go wrong; lists of statuses are always written whole (the patch replaces them), conditions merge by type.
import { SCENARIO_ANNOTATION } from './jq.mjs';

/**
 * Variables every scenario template starts with. $s is the effective scenario (<scenario>-on-node=X is <scenario>
 * here: the stage matched, so the pod is on X).
 */
export const header = `{{ $now := Now }}{{ $pod := . }}{{ $uid := .metadata.uid }}{{ $gen := .metadata.generation | default 1 }}
{{ $s := index .metadata.annotations "${SCENARIO_ANNOTATION}" }}{{ if contains "-on-node=" $s }}{{ $s = index (splitList "-on-node=" $s) 0 }}{{ end }}
{{ $podDesc := printf "%s_%s(%s)" .metadata.name .metadata.namespace .metadata.uid }}`;

/** Sets $img to the reference containerd reports for image expression `expr` (docker.io/library/x:latest...). */
export function normalizeImage(expr) {
  return `{{ $img := ${expr} }}{{ $first := first (splitList "/" $img) }}{{ if not (contains "/" $img) }}{{ $img = printf "docker.io/library/%s" $img }}{{ else if not (or (contains "." $first) (contains ":" $first) (eq $first "localhost")) }}{{ $img = printf "docker.io/%s" $img }}{{ end }}{{ if not (or (contains "@" $img) (regexMatch ":[^/]+$" $img)) }}{{ $img = printf "%s:latest" $img }}{{ end }}`;
}

/** A containerd container ID that is stable for (pod, container, attempt), so restarts get new IDs. */
export function containerId(nameExpr, attemptExpr) {
  return `(printf "containerd://%s" (sha256sum (printf "%s/%s/%v" $uid ${nameExpr} ${attemptExpr})))`;
}

/**
 * JSON map of a container status, on one line. `c` is the spec variable ($c); state, lastState, ready, started and
 * restartCount are template text rendering JSON values; the container ID comes from `id` (a Go-template expression)
 * or from `attempt`. pulled: false for a container whose image never arrived (spec image, empty imageID).
 */
export function status(
  c,
  { state, restartCount = '0', ready = 'false', started = 'false', attempt = null, id = null, lastState = '{}', pulled = true },
) {
  const idExpr = id ?? (attempt === null ? null : containerId(`${c}.name`, attempt));
  const idField = idExpr === null ? '' : `"containerID": {{ Quote ${idExpr} }}, `;
  const image = pulled
    ? `${normalizeImage(`${c}.image`)}"image": {{ Quote $img }}, "imageID": {{ Quote (printf "%s@sha256:%s" (regexReplaceAll ":[^/:]+$" $img "") (sha256sum $img)) }}, `
    : `"image": {{ Quote ${c}.image }}, "imageID": "", `;
  return `{"name": {{ Quote ${c}.name }}, ${idField}${image}"lastState": ${lastState}, "ready": ${ready}, "restartCount": ${restartCount}, "started": ${started}, "state": ${state}}`;
}

export const running = (startedAt = '$now') => `{"running": {"startedAt": {{ Quote ${startedAt} }}}}`;
export const waiting = (reason, message) =>
  message ? `{"waiting": {"reason": "${reason}", "message": {{ Quote ${message} }}}}` : `{"waiting": {"reason": "${reason}"}}`;

/** A terminated state; every argument is a Go-template expression. */
export function terminated({ exitCode, reason, startedAt, finishedAt = '$now', id, message = null }) {
  const msg = message ? `, "message": {{ Quote ${message} }}` : '';
  return `{"terminated": {"containerID": {{ Quote ${id} }}, "exitCode": ${exitCode}, "finishedAt": {{ Quote ${finishedAt} }}, "reason": "${reason}"${msg}, "startedAt": {{ Quote ${startedAt} }}}}`;
}

/** A healthy, ready, running container, for the scenario pods' other containers. */
export const healthy = (c) => status(c, { state: running(), ready: 'true', started: 'true', attempt: '0' });

/** The statuses of the init containers of a pod that got past initialization: all Completed. */
export const initCompleted = `{{ with .spec.initContainers }}
initContainerStatuses:
{{ range $c := . }}
- ${status('$c', {
  attempt: '0',
  ready: 'true',
  state: terminated({ exitCode: '0', reason: 'Completed', startedAt: '$now', id: containerId('$c.name', '0') }),
})}
{{ end }}
{{ end }}`;

/** hostIP/podIP and startTime, written once when the pod sandbox comes up. */
export const sandbox = `{{ with NodeIPsWith .spec.nodeName }}
hostIP: {{ index . 0 | Quote }}
hostIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
{{ with PodIPsWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) }}
podIP: {{ index . 0 | Quote }}
podIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
startTime: {{ $now | Quote }}
observedGeneration: {{ $gen }}`;

/**
 * One pod condition; status/reason/message are Go-template expressions yielding strings ("" = none). The
 * transition time moves only when the status changes, as the kubelet's status manager does.
 */
export function condition(type, statusExpr, reasonExpr = '""', messageExpr = '""') {
  return `{{ $st := ${statusExpr} }}{{ $lt := $now }}{{ range $pod.status.conditions }}{{ if and (eq .type "${type}") (eq .status $st) }}{{ $lt = .lastTransitionTime }}{{ end }}{{ end }}
- {"type": "${type}", "status": {{ Quote $st }}, "lastTransitionTime": {{ Quote $lt }}, "observedGeneration": {{ $gen }}, "reason": {{ with ${reasonExpr} }}{{ Quote . }}{{ else }}null{{ end }}, "message": {{ with ${messageExpr} }}{{ Quote . }}{{ else }}null{{ end }}}`;
}

/**
 * Ready and ContainersReady from the list $unready (names of unready containers, in spec order), with the
 * kubelet's reasons and messages (status/generate.go). $terminal is "" or "PodFailed"/"PodCompleted".
 */
export const readiness = `{{ $rs := "True" }}{{ $rr := "" }}{{ $rm := "" }}
{{ if $terminal }}{{ $rs = "False" }}{{ $rr = $terminal }}{{ else if $unready }}{{ $rs = "False" }}{{ $rr = "ContainersNotReady" }}{{ $rm = printf "containers with unready status: [%s]" (join " " $unready) }}{{ end }}
${condition('ContainersReady', '$rs', '$rr', '$rm')}
${condition('Ready', '$rs', '$rr', '$rm')}`;
