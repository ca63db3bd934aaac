// Builds KWOK Stage objects for pods, and the container-list skeleton the scenario stages share.
import { healthy } from './templates.mjs';
import { notDeleting, onNode } from './jq.mjs';

export function podStage(name, { selector, delay, template, weight }) {
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Stage',
    metadata: { name },
    spec: {
      resourceRef: { apiGroup: 'v1', kind: 'Pod' },
      selector: { matchExpressions: [notDeleting, onNode, ...selector] },
      ...(weight ? { weight } : {}),
      ...(delay ? { delay } : {}),
      next: { statusTemplate: template },
    },
  };
}

/** A delay of `ms` plus up to `jitterMs` more. */
export const delay = (ms, jitterMs = 0) => ({
  durationMilliseconds: ms,
  ...(jitterMs ? { jitterDurationMilliseconds: ms + jitterMs } : {}),
});

/** A delay read from a jq expression (an RFC3339 time or a Go duration). */
export const delayFrom = (expression) => ({ durationFrom: { jq: { expression } } });

/**
 * containerStatuses (sorted by name, as the kubelet sorts them) where the first spec container is rendered by
 * `target` and the others are healthy when the pod starts, else kept as they are. Also fills $unready (spec order)
 * from `targetReady`, a Go-template boolean expression.
 */
export function regularContainers({ target, targetReady, starting }) {
  const keep = `{{ $found := false }}{{ range $pod.status.containerStatuses }}{{ if eq .name $name }}{{ $found = true }}- {{ toJson . }}{{ end }}{{ end }}{{ if not $found }}- ${healthy('$c')}{{ end }}`;
  return `{{ $target := (index .spec.containers 0).name }}
{{ $names := list }}{{ $unready := list }}
{{ range $c := .spec.containers }}{{ $names = append $names $c.name }}
{{ if eq $c.name $target }}{{ if not (${targetReady}) }}{{ $unready = append $unready $c.name }}{{ end }}
{{ else }}{{ $ok := true }}{{ if not ${starting} }}{{ range $pod.status.containerStatuses }}{{ if eq .name $c.name }}{{ $ok = .ready }}{{ end }}{{ end }}{{ end }}{{ if not $ok }}{{ $unready = append $unready $c.name }}{{ end }}{{ end }}
{{ end }}
containerStatuses:
{{ range $name := sortAlpha $names }}{{ range $c := $pod.spec.containers }}{{ if eq $c.name $name }}
{{ if eq $name $target }}
- ${target}
{{ else }}
${starting ? `- ${healthy('$c')}` : keep}
{{ end }}
{{ end }}{{ end }}{{ end }}`;
}
