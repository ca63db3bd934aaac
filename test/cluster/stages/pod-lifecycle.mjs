// Healthy pods (no scenario, or crash-on-node=X away from X): containers start and become Ready within about a
// second, with the fields a real kubelet writes (containerd IDs, normalized image references, statuses sorted by
// name, PodReadyToStartContainers, observedGeneration). Job pods then complete, and deleted pods go away.
// A pod that reads a Secret or ConfigMap through env waits until the kubelet-events helper has resolved it.
import { configResolved, readsConfig, scenarioIn } from './parts/jq.mjs';
import { delay, delayFrom, podStage } from './parts/pod-stage.mjs';
import { condition, containerId, healthy, sandbox, status, terminated } from './parts/templates.mjs';

const ready = podStage('pod-ready', {
  selector: [
    { key: '.status.phase', operator: 'In', values: ['Pending'] },
    scenarioIn(['', 'liveness-once']),
    { key: `(((${readsConfig}) | not) or (${configResolved}))`, operator: 'In', values: ['true'] },
  ],
  delay: delay(400, 900),
  template: `{{ $now := Now }}{{ $pod := . }}{{ $uid := .metadata.uid }}{{ $gen := .metadata.generation | default 1 }}
{{ $names := list }}{{ range .spec.containers }}{{ $names = append $names .name }}{{ end }}
conditions:
${condition('PodReadyToStartContainers', '"True"')}
${condition('Initialized', '"True"')}
${condition('ContainersReady', '"True"')}
${condition('Ready', '"True"')}
{{ range .spec.readinessGates }}
- {"type": {{ Quote .conditionType }}, "status": "True", "lastTransitionTime": {{ Quote $now }}}
{{ end }}
containerStatuses:
{{ range $name := sortAlpha $names }}{{ range $c := $pod.spec.containers }}{{ if eq $c.name $name }}
- ${healthy('$c')}
{{ end }}{{ end }}{{ end }}
{{ with .spec.initContainers }}
initContainerStatuses:
{{ range $c := . }}
{{ if eq ($c.restartPolicy | default "") "Always" }}
- ${healthy('$c')}
{{ else }}
- ${status('$c', {
    attempt: '0',
    ready: 'true',
    state: terminated({ exitCode: '0', reason: 'Completed', startedAt: '$now', id: containerId('$c.name', '0') }),
  })}
{{ end }}
{{ end }}
{{ end }}
${sandbox}
phase: Running`,
});

const complete = podStage('pod-complete', {
  selector: [
    { key: '.status.phase', operator: 'In', values: ['Running'] },
    { key: '.metadata.ownerReferences.[].kind', operator: 'In', values: ['Job'] },
    scenarioIn(['', 'liveness-once']),
  ],
  delay: delay(800, 1500),
  template: `{{ $now := Now }}{{ $pod := . }}{{ $gen := .metadata.generation | default 1 }}
conditions:
${condition('PodReadyToStartContainers', '"False"')}
${condition('ContainersReady', '"False"', '"PodCompleted"')}
${condition('Ready', '"False"', '"PodCompleted"')}
containerStatuses:
{{ range .status.containerStatuses }}
- {"name": {{ Quote .name }}, "containerID": {{ Quote .containerID }}, "image": {{ Quote .image }}, "imageID": {{ Quote .imageID }}, "lastState": {}, "ready": false, "restartCount": {{ .restartCount }}, "started": false, "state": {"terminated": {"containerID": {{ Quote .containerID }}, "exitCode": 0, "finishedAt": {{ Quote $now }}, "reason": "Completed", "startedAt": {{ Quote .state.running.startedAt }}}}}
{{ end }}
phase: Succeeded`,
});

/**
 * A deleted pod's removal: KWOK clears finalizers and deletes it after `delay`. `ignoresSigterm` picks the pods with
 * (Exists) or without (DoesNotExist) the ignores-sigterm annotation. Never on a node whose container runtime is down
 * (cluster:node runtime-down marks its pods): nothing can stop the containers there, so the pod stays Terminating
 * until the runtime is back.
 */
const podDelete = (name, ignoresSigterm, removalDelay) => ({
  apiVersion: 'kwok.x-k8s.io/v1alpha1',
  kind: 'Stage',
  metadata: { name },
  spec: {
    resourceRef: { apiGroup: 'v1', kind: 'Pod' },
    selector: {
      matchExpressions: [
        { key: '.metadata.deletionTimestamp', operator: 'Exists' },
        { key: '.metadata.annotations["kwok.kube-deploy-gate.dev/runtime-down"]', operator: 'DoesNotExist' },
        { key: '.metadata.annotations["kwok.kube-deploy-gate.dev/ignores-sigterm"]', operator: ignoresSigterm },
      ],
    },
    weight: 1000,
    delay: removalDelay,
    next: { finalizers: { empty: true }, delete: true },
  },
});

// A real kubelet stops the containers and removes the pod within a second when the app exits on SIGTERM.
const remove = podDelete('pod-delete', 'DoesNotExist', delay(200, 600));

// An app that ignores SIGTERM (or whose preStop hook takes its time) runs until the kubelet kills it at the end of its
// grace period: the pod is removed at its deletionTimestamp, which the API server sets to the deletion request's time
// plus terminationGracePeriodSeconds.
const removeAtGraceEnd = podDelete('pod-delete-at-grace-end', 'Exists', delayFrom('.metadata.deletionTimestamp'));

export const stages = [ready, complete, remove, removeAtGraceEnd];
