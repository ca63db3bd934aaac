// Pods whose sandbox the runtime cannot create: the CNI plugin fails (sandbox-cni: the Cilium agent is not running;
// sandbox-no-ip: flannel's host-local IPAM has no address left), so no container is ever created. The kubelet writes
// the status it generates for containers that do not exist yet (kubelet_pods.go convertToAPIContainerStatuses: waiting
// ContainerCreating, or PodInitializing for every container when there are init containers), PodReadyToStartContainers
// False, no podIP, and the pod stays Pending. The kubelet-events helper records FailedCreatePodSandBox with the CNI's
// message on each retry (lib/kubelet/sandbox.mjs). `sandbox-cni-on-node=X` fails only on node X.
import { phaseIn, scenarioIn } from './parts/jq.mjs';
import { delay, podStage } from './parts/pod-stage.mjs';
import { condition, header, status, waiting } from './parts/templates.mjs';

export const SANDBOX_SCENARIOS = ['sandbox-cni', 'sandbox-no-ip'];

const creating = status('$c', { state: waiting('{{ $waitingReason }}'), pulled: false });

const failed = podStage('scenario-sandbox-failed', {
  selector: [scenarioIn(SANDBOX_SCENARIOS), phaseIn('containers', ['none']), { key: '.status.phase', operator: 'In', values: ['Pending'] }],
  delay: delay(300, 500),
  template: `${header}
{{ $inits := list }}{{ with .spec.initContainers }}{{ $inits = . }}{{ end }}
{{ $waitingReason := ternary "PodInitializing" "ContainerCreating" (gt (len $inits) 0) }}
{{ $names := list }}{{ range .spec.containers }}{{ $names = append $names .name }}{{ end }}
{{ $initNames := list }}{{ range $inits }}{{ $initNames = append $initNames .name }}{{ end }}
containerStatuses:
{{ range $name := sortAlpha $names }}{{ range $c := $pod.spec.containers }}{{ if eq $c.name $name }}
- ${creating}
{{ end }}{{ end }}{{ end }}
{{ with $inits }}
initContainerStatuses:
{{ range $c := . }}
- ${creating}
{{ end }}
{{ end }}
conditions:
${condition('PodReadyToStartContainers', '"False"')}
{{ if $inits }}
${condition('Initialized', '"False"', '"ContainersNotInitialized"', '(printf "containers with incomplete status: [%s]" (join " " $initNames))')}
{{ else }}
${condition('Initialized', '"True"')}
{{ end }}
${condition('ContainersReady', '"False"', '"ContainersNotReady"', '(printf "containers with unready status: [%s]" (join " " $names))')}
${condition('Ready', '"False"', '"ContainersNotReady"', '(printf "containers with unready status: [%s]" (join " " $names))')}
{{ with NodeIPsWith .spec.nodeName }}
hostIP: {{ index . 0 | Quote }}
hostIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
startTime: {{ $now | Quote }}
observedGeneration: {{ $gen }}
phase: Pending`,
});

export const stages = [failed];
