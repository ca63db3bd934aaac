// Images that cannot be pulled. The first spec container waits in ErrImagePull with containerd's error (the kubelet
// passes the CRI error through: images/image_manager.go evalCRIPullErr), then in ImagePullBackOff ("Back-off pulling
// image ..."), and the kubelet retries the pull on its image back-off (10 s doubling to 300 s). The pod stays Pending
// with restartCount 0. Scenarios: image-not-found (registry answers 404), image-unauthorized (registry refuses).
import { nextPullAttempt, phaseIn, scenarioIn } from './parts/jq.mjs';
import { delay, delayFrom, podStage, regularContainers } from './parts/pod-stage.mjs';
import { condition, header, initCompleted, normalizeImage, readiness, sandbox, status, waiting } from './parts/templates.mjs';

const SCENARIOS = ['image-not-found', 'image-unauthorized'];

// The texts containerd 2.x returns through CRI: a missing tag resolves to "not found" (gRPC NotFound); a private
// Docker Hub repository without credentials is refused with "pull access denied"; other registries refuse the
// anonymous token with 401 Unauthorized.
const common = `${header}
{{ $spec := index .spec.containers 0 }}{{ $terminal := "" }}
${normalizeImage('$spec.image')}
{{ $tagged := $spec.image }}{{ if not (or (contains "@" $tagged) (regexMatch ":[^/]+$" $tagged)) }}{{ $tagged = printf "%s:latest" $tagged }}{{ end }}
{{ $pullErr := "" }}
{{ if eq $s "image-not-found" }}{{ $pullErr = printf "rpc error: code = NotFound desc = failed to pull and unpack image %s: failed to resolve image: %s: not found" (Quote $img) $img }}
{{ else if hasPrefix "docker.io/" $img }}{{ $pullErr = printf "rpc error: code = Unknown desc = failed to pull and unpack image %s: failed to resolve image: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed" (Quote $img) }}
{{ else }}{{ $host := first (splitList "/" $img) }}{{ $repo := regexReplaceAll "[:@][^/]+$" (trimPrefix (printf "%s/" $host) $img) "" }}
{{ $pullErr = printf "rpc error: code = Unknown desc = failed to pull and unpack image %s: failed to resolve image: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://%s/token?scope=repository%%3A%s%%3Apull&service=%s: 401 Unauthorized" (Quote $img) $host (replace "/" "%2F" $repo) $host }}{{ end }}
{{ $backOffMsg := printf "Back-off pulling image %s: ErrImagePull: %s" (Quote $tagged) $pullErr }}`;

const pullFailed = status('$c', { state: waiting('ErrImagePull', '$pullErr'), pulled: false });
const backingOff = status('$c', { state: waiting('ImagePullBackOff', '$backOffMsg'), pulled: false });

const start = podStage('scenario-image-pull-failed', {
  selector: [scenarioIn(SCENARIOS), phaseIn('containers', ['none'])],
  delay: delay(400, 900),
  template: `${common}
${regularContainers({ starting: true, targetReady: 'false', target: pullFailed })}
${initCompleted}
conditions:
${condition('PodReadyToStartContainers', '"True"')}
${condition('Initialized', '"True"')}
${readiness}
${sandbox}
phase: Pending`,
});

const backOff = podStage('scenario-image-pull-back-off', {
  selector: [scenarioIn(SCENARIOS), phaseIn('containers', ['ErrImagePull'])],
  delay: delay(500, 700),
  template: `${common}
${regularContainers({ starting: false, targetReady: 'false', target: backingOff })}`,
});

const retry = podStage('scenario-image-pull-retry', {
  selector: [scenarioIn(SCENARIOS), phaseIn('containers', ['ImagePullBackOff'])],
  delay: delayFrom(nextPullAttempt),
  template: `${common}
${regularContainers({ starting: false, targetReady: 'false', target: pullFailed })}`,
});

export const stages = [start, backOff, retry];
