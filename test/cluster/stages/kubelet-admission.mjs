// Pods the kubelet refuses at admission (pkg/kubelet/kubelet.go rejectPod@v1.37.2): phase Failed, the admit
// handler's reason, "Pod was rejected: " + its message, and nothing else (no container statuses, no hostIP; the
// scheduler's PodScheduled condition stays). The kubelet-events helper records the Warning event (reason and message
// without the prefix). The ReplicaSet answers each rejected pod with a new one, which is rejected the same way.
//   sysctl-forbidden  any pod whose securityContext.sysctls holds a sysctl the kubelets do not allow: not on the safe
//                     list (sysctl/safe_sysctls.go; no --allowed-unsafe-sysctls here), or a net.* one with hostNetwork
//                     (since 1.29 the apiserver refuses new such pods itself, kubernetes#118705, so only older pods
//                     reach the kubelet with one). It needs no annotation: the spec decides, as on a real node
//                     (sysctl/allowlist.go).
//   out-of-cpu        the kubelet counts more CPU in use than the scheduler did (lifecycle/predicate.go: "Node didn't
//                     have enough resource: cpu, requested: %d, used: %d, capacity: %d", millicores; capacity is the
//                     nodes' 4000m allocatable). out-of-cpu-on-node=X only on node X.
import { SAFE_SYSCTLS, phaseIn, scenarioIn } from './parts/jq.mjs';
import { delay, podStage } from './parts/pod-stage.mjs';

const CAPACITY_MILLICORES = 4000;

const rejected = podStage('scenario-kubelet-rejected', {
  selector: [
    scenarioIn(['sysctl-forbidden', 'out-of-cpu']),
    phaseIn('containers', ['none']),
    { key: '.status.phase', operator: 'In', values: ['Pending'] },
  ],
  delay: delay(100, 200),
  template: `{{ $now := Now }}
{{ $safe := list ${SAFE_SYSCTLS.map((s) => `"${s}"`).join(' ')} }}
{{ $hostNet := .spec.hostNetwork | default false }}{{ $hostIPC := .spec.hostIPC | default false }}
{{ $reason := "" }}{{ $message := "" }}
{{ with .spec.securityContext }}{{ range .sysctls }}{{ if not $message }}{{ $n := replace "/" "." .name }}
{{ if not (has $n $safe) }}{{ $message = printf "forbidden sysctl: %q not allowlisted" $n }}
{{ else if and $hostNet (hasPrefix "net." $n) }}{{ $message = printf "forbidden sysctl: %q not allowed with host net enabled" $n }}
{{ else if and $hostIPC (hasPrefix "kernel.shm" $n) }}{{ $message = printf "forbidden sysctl: %q not allowed with host ipc enabled" $n }}
{{ end }}{{ end }}{{ end }}{{ end }}
{{ if $message }}{{ $reason = "SysctlForbidden" }}{{ else }}
{{ $requested := 0 }}
{{ range .spec.containers }}{{ with .resources }}{{ with .requests }}{{ with .cpu }}{{ $q := toString . }}
{{ if hasSuffix "m" $q }}{{ $requested = add $requested (atoi (trimSuffix "m" $q)) }}{{ else }}{{ $requested = add $requested (int (mulf (float64 $q) 1000)) }}{{ end }}
{{ end }}{{ end }}{{ end }}{{ end }}
{{ $reason = "OutOfcpu" }}
{{ $message = printf "Node didn't have enough resource: cpu, requested: %d, used: %d, capacity: %d" $requested (sub ${CAPACITY_MILLICORES} (div $requested 2)) ${CAPACITY_MILLICORES} }}
{{ end }}
phase: Failed
reason: {{ $reason | Quote }}
message: {{ printf "Pod was rejected: %s" $message | Quote }}
startTime: {{ $now | Quote }}`,
});

export const stages = [rejected];
