// Builders for objects shaped as `kubectl get pods,events,nodes,replicasets,deployments,statefulsets,daemonsets,jobs,pvc
// -A -o yaml` prints them: server-set fields (uid, resourceVersion, defaults the API fills in), kubelet-written statuses,
// and the two event shapes (core/v1 from the kubelet and controllers, events.k8s.io/v1 from the scheduler, which core
// lists show with eventTime and series instead of first/lastTimestamp). Each corpus case states only what is broken.
import { providerOf } from './providers.mjs';

/** A case's clock: `at(s)` is the RFC3339 time s seconds before --now. */
export function clock(now) {
  const ms = new Date(now).getTime();
  const at = (seconds) => new Date(ms - seconds * 1000).toISOString().replace('.000Z', 'Z');
  const micro = (seconds) => new Date(ms - seconds * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$1417Z');
  return { now, at, micro };
}

function hashOf(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** The alphabet of Kubernetes' generated name suffixes (k8s.io/apimachinery/pkg/util/rand), so names look real. */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

export function suffix(seed, length) {
  let h = hashOf(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += SAFE[h % SAFE.length];
    h = Math.floor(h / SAFE.length) || hashOf(`${seed}:${i}`);
  }
  return out;
}

export function uid(seed) {
  const hex = [0, 1, 2, 3].map((i) => hashOf(`${seed}#${i}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function hex64(seed) {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((i) => hashOf(`${seed}/${i}`).toString(16).padStart(8, '0')).join('');
}

let resourceVersion = 48_213_000;
function rv() {
  resourceVersion += 17;
  return String(resourceVersion);
}

/** Minor version as a number (1.31 -> 31), for fields that only newer API servers and kubelets write. */
function minor(k8s) {
  return Number(String(k8s).split('.')[1]);
}

// ---- nodes ------------------------------------------------------------------------------------------------------

const HEALTHY_CONDITIONS = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

/** The condition texts the kubelet writes under pressure (pkg/kubelet/nodestatus/setters.go). */
export const PRESSURE = {
  MemoryPressure: ['True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'],
  DiskPressure: ['True', 'KubeletHasDiskPressure', 'kubelet has disk pressure'],
  PIDPressure: ['True', 'KubeletHasInsufficientPID', 'kubelet has insufficient PID available'],
};

/**
 * o.conditions overrides conditions by type: { Ready: ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node
 * status.', secondsAgo] }. A fourth element is the transition age in seconds.
 */
export function node(t, c, name, o = {}) {
  const p = providerOf(c.provider);
  const arch = o.arch ?? 'amd64';
  const conditions = Object.entries({ ...HEALTHY_CONDITIONS, ...(o.conditions ?? {}) }).map(([type, [status, reason, message, ago]]) => ({
    lastHeartbeatTime: status === 'Unknown' ? t.at((ago ?? 600) + 40) : t.at(20),
    lastTransitionTime: t.at(ago ?? 9 * 86400),
    message,
    reason,
    status,
    type,
  }));
  if (p.networkUnavailable) {
    conditions.unshift({
      lastHeartbeatTime: t.at(9 * 86400),
      lastTransitionTime: t.at(9 * 86400),
      message: p.networkUnavailable,
      reason: p.networkUnavailableReason,
      status: 'False',
      type: 'NetworkUnavailable',
    });
  }
  const labels = {
    'beta.kubernetes.io/arch': arch,
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': arch,
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...p.nodeLabels(name, o),
    ...(o.labels ?? {}),
  };
  const taints = [...(o.taints ?? [])];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: p.nodeAnnotations(name),
      creationTimestamp: t.at(o.createdAgo ?? 12 * 86400),
      labels,
      name,
      resourceVersion: rv(),
      uid: uid(`node/${name}`),
    },
    spec: {
      ...(p.providerID ? { providerID: p.providerID(name) } : {}),
      ...(taints.length ? { taints } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { address: o.ip ?? p.nodeIP(name), type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: o.cpu ?? p.allocatableCPU,
        'ephemeral-storage': p.allocatableStorage,
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: o.memory ?? p.allocatableMemory,
        pods: o.pods ?? p.maxPods,
        ...(o.extraAllocatable ?? {}),
      },
      capacity: {
        cpu: p.capacityCPU,
        'ephemeral-storage': p.capacityStorage,
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: p.capacityMemory,
        pods: o.pods ?? p.maxPods,
        ...(o.extraAllocatable ?? {}),
      },
      conditions,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: arch,
        bootID: uid(`boot/${name}`),
        containerRuntimeVersion: o.runtime ?? c.runtime ?? p.runtime(c.k8s),
        kernelVersion: p.kernel,
        kubeProxyVersion: minor(c.k8s) >= 32 ? '' : p.kubeletVersion(c.k8s),
        kubeletVersion: p.kubeletVersion(c.k8s),
        machineID: hex64(`machine/${name}`).slice(0, 32),
        operatingSystem: 'linux',
        osImage: p.osImage,
        systemUUID: uid(`system/${name}`),
      },
      ...(minor(c.k8s) >= 33 ? { features: { supplementalGroupsPolicy: true } } : {}),
    },
  };
}

// ---- workloads and pods -----------------------------------------------------------------------------------------

export function container(name, image, o = {}) {
  return {
    ...(o.args ? { args: o.args } : {}),
    ...(o.command ? { command: o.command } : {}),
    ...(o.env ? { env: o.env } : {}),
    ...(o.envFrom ? { envFrom: o.envFrom } : {}),
    image,
    imagePullPolicy: o.imagePullPolicy ?? (image.endsWith(':latest') ? 'Always' : 'IfNotPresent'),
    ...(o.livenessProbe ? { livenessProbe: o.livenessProbe } : {}),
    name,
    ...(o.ports ? { ports: o.ports } : {}),
    ...(o.readinessProbe ? { readinessProbe: o.readinessProbe } : {}),
    resources: o.resources ?? { limits: { memory: '512Mi' }, requests: { cpu: '250m', memory: '256Mi' } },
    ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
    ...(o.securityContext ? { securityContext: o.securityContext } : {}),
    ...(o.startupProbe ? { startupProbe: o.startupProbe } : {}),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: o.terminationMessagePolicy ?? 'File',
    ...(o.volumeMounts ? { volumeMounts: o.volumeMounts } : {}),
  };
}

/** httpGet probe with the defaults the API server fills in. */
export function httpProbe(path, port, o = {}) {
  return {
    failureThreshold: o.failureThreshold ?? 3,
    httpGet: { path, port, scheme: 'HTTP' },
    ...(o.initialDelaySeconds ? { initialDelaySeconds: o.initialDelaySeconds } : {}),
    periodSeconds: o.periodSeconds ?? 10,
    successThreshold: 1,
    timeoutSeconds: o.timeoutSeconds ?? 1,
  };
}

/** A pod template as the API server stores it for a workload (defaults filled in). */
export function template(labels, containers, o = {}) {
  return {
    metadata: { ...(o.annotations ? { annotations: o.annotations } : {}), labels },
    spec: {
      ...(o.affinity ? { affinity: o.affinity } : {}),
      containers,
      dnsPolicy: 'ClusterFirst',
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      restartPolicy: o.restartPolicy ?? 'Always',
      ...(o.runtimeClassName ? { runtimeClassName: o.runtimeClassName } : {}),
      ...(o.activeDeadlineSeconds ? { activeDeadlineSeconds: o.activeDeadlineSeconds } : {}),
      schedulerName: 'default-scheduler',
      securityContext: o.podSecurityContext ?? {},
      ...(o.serviceAccountName ? { serviceAccount: o.serviceAccountName, serviceAccountName: o.serviceAccountName } : {}),
      terminationGracePeriodSeconds: o.terminationGracePeriodSeconds ?? 30,
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.topologySpreadConstraints ? { topologySpreadConstraints: o.topologySpreadConstraints } : {}),
      ...(o.volumes ? { volumes: o.volumes } : {}),
    },
  };
}

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

function withLabel(tpl, key, value) {
  const copy = clone(tpl);
  copy.metadata.labels = { ...copy.metadata.labels, [key]: value };
  return copy;
}

/**
 * A Deployment at revision `revision` with its ReplicaSets: `rs` lists { hash, revision, template?, replicas, ready,
 * ageSeconds }; the one whose revision equals the Deployment's carries the Deployment's template.
 */
export function deployment(t, c, o) {
  const { ns, name, replicas = 3, revision = 2 } = o;
  const depUid = uid(`deploy/${ns}/${name}`);
  const labels = o.labels ?? { app: name };
  const tpl = o.template;
  const rss = (o.replicaSets ?? []).map((r) => {
    const rsTemplate = withLabel(r.template ?? tpl, 'pod-template-hash', r.hash);
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
          'deployment.kubernetes.io/revision': String(r.revision),
        },
        creationTimestamp: t.at(r.ageSeconds),
        generation: r.revision === revision ? 1 : 3,
        labels: { ...labels, 'pod-template-hash': r.hash },
        name: `${name}-${r.hash}`,
        namespace: ns,
        ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name, uid: depUid }],
        resourceVersion: rv(),
        uid: uid(`rs/${ns}/${name}-${r.hash}`),
      },
      spec: {
        replicas: r.replicas,
        selector: { matchLabels: { ...labels, 'pod-template-hash': r.hash } },
        template: rsTemplate,
      },
      status: {
        ...(r.ready ? { availableReplicas: r.ready, readyReplicas: r.ready } : {}),
        ...(r.conditions ? { conditions: r.conditions } : {}),
        fullyLabeledReplicas: r.replicas,
        observedGeneration: r.revision === revision ? 1 : 3,
        replicas: r.replicas,
        ...(minor(c.k8s) >= 33 ? { terminatingReplicas: r.terminating ?? 0 } : {}),
      },
    };
  });
  const dep = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      creationTimestamp: t.at(o.createdAgo ?? 40 * 86400),
      generation: revision + 1,
      labels,
      name,
      namespace: ns,
      resourceVersion: rv(),
      uid: depUid,
    },
    spec: {
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: tpl,
    },
    status: o.status ?? {},
  };
  dep.status = {
    conditions: o.conditions ?? [],
    observedGeneration: revision + 1,
    ...o.status,
  };
  return { deployment: dep, replicaSets: rss };
}

/** Conditions a Deployment carries mid-rollout (pkg/controller/deployment/util/deployment_util.go). */
export function rolloutConditions(t, o) {
  const available = o.available ?? true;
  return [
    {
      lastTransitionTime: t.at(o.availableAgo ?? 30 * 86400),
      lastUpdateTime: t.at(o.availableAgo ?? 30 * 86400),
      message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
      reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      status: available ? 'True' : 'False',
      type: 'Available',
    },
    o.progressDeadline
      ? {
          lastTransitionTime: t.at(o.progressDeadline),
          lastUpdateTime: t.at(o.progressDeadline),
          message: `ReplicaSet "${o.rsName}" has timed out progressing.`,
          reason: 'ProgressDeadlineExceeded',
          status: 'False',
          type: 'Progressing',
        }
      : {
          lastTransitionTime: t.at(o.progressingAgo ?? 300),
          lastUpdateTime: t.at(o.progressingUpdateAgo ?? 20),
          message: `ReplicaSet "${o.rsName}" is progressing.`,
          reason: 'ReplicaSetUpdated',
          status: 'True',
          type: 'Progressing',
        },
  ];
}

export function statefulSet(t, c, o) {
  const { ns, name, replicas = 3 } = o;
  const labels = o.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      creationTimestamp: t.at(o.createdAgo ?? 60 * 86400),
      generation: o.generation ?? 4,
      labels,
      name,
      namespace: ns,
      resourceVersion: rv(),
      uid: uid(`sts/${ns}/${name}`),
    },
    spec: {
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: 'OrderedReady',
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      serviceName: o.serviceName ?? name,
      template: o.template,
      updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
      ...(o.volumeClaimTemplates ? { volumeClaimTemplates: o.volumeClaimTemplates } : {}),
    },
    status: {
      availableReplicas: o.ready ?? 0,
      collisionCount: 0,
      currentReplicas: o.currentReplicas ?? 0,
      currentRevision: o.currentRevision ?? `${name}-${o.updateRevision}`,
      observedGeneration: o.generation ?? 4,
      readyReplicas: o.ready ?? 0,
      replicas,
      updateRevision: `${name}-${o.updateRevision}`,
      updatedReplicas: o.updatedReplicas ?? replicas,
    },
  };
}

export function daemonSet(t, c, o) {
  const { ns, name } = o;
  const labels = o.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      annotations: { 'deprecated.daemonset.template.generation': String(o.generation ?? 5) },
      creationTimestamp: t.at(o.createdAgo ?? 90 * 86400),
      generation: o.generation ?? 5,
      labels,
      name,
      namespace: ns,
      resourceVersion: rv(),
      uid: uid(`ds/${ns}/${name}`),
    },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      template: o.template,
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
    status: {
      currentNumberScheduled: o.desired,
      desiredNumberScheduled: o.desired,
      numberAvailable: o.ready ?? 0,
      numberMisscheduled: 0,
      numberReady: o.ready ?? 0,
      ...(o.desired - (o.ready ?? 0) > 0 ? { numberUnavailable: o.desired - (o.ready ?? 0) } : {}),
      observedGeneration: o.generation ?? 5,
      updatedNumberScheduled: o.updated ?? o.desired,
    },
  };
}

export function job(t, c, o) {
  const { ns, name } = o;
  const jobUid = uid(`job/${ns}/${name}`);
  const selector = { 'batch.kubernetes.io/controller-uid': jobUid };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      creationTimestamp: t.at(o.createdAgo ?? 900),
      generation: 1,
      labels: { ...selector, 'batch.kubernetes.io/job-name': name, 'controller-uid': jobUid, 'job-name': name },
      name,
      namespace: ns,
      resourceVersion: rv(),
      uid: jobUid,
    },
    spec: {
      backoffLimit: o.backoffLimit ?? 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: selector },
      suspend: false,
      template: withLabel(
        withLabel(
          withLabel(withLabel(o.template, 'batch.kubernetes.io/controller-uid', jobUid), 'batch.kubernetes.io/job-name', name),
          'controller-uid',
          jobUid,
        ),
        'job-name',
        name,
      ),
    },
    status: { startTime: t.at(o.createdAgo ?? 900), ...(o.status ?? {}) },
  };
}

/** Which controller owns a pod, and the labels that controller stamps on it. */
export function ownerOf(kind, obj, extraLabels = {}) {
  return {
    ownerReferences: [
      {
        apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
        blockOwnerDeletion: true,
        controller: true,
        kind,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
      },
    ],
    labels: { ...obj.spec.template.metadata.labels, ...extraLabels },
    template: obj.spec.template,
  };
}

/**
 * A pod as the kubelet reports it. `containers` are container statuses built with running()/waiting()/terminated();
 * `scheduled: false` leaves it unbound. Fields newer API servers add (hostIPs, observedGeneration) follow c.k8s.
 */
export function pod(t, c, o) {
  const { ns, name, owner } = o;
  const spec = clone(owner.template.spec);
  const created = o.createdAgo ?? 300;
  const bound = o.node !== null && o.node !== undefined;
  const gen = minor(c.k8s) >= 34 ? { observedGeneration: 1 } : {};
  const tokenVolume = `kube-api-access-${suffix(`${ns}/${name}/token`, 5)}`;
  spec.containers = spec.containers.map((ctr) => ({
    ...ctr,
    volumeMounts: [
      ...(ctr.volumeMounts ?? []),
      { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: tokenVolume, readOnly: true },
    ],
  }));
  spec.enableServiceLinks = true;
  if (bound) spec.nodeName = o.node;
  spec.preemptionPolicy = 'PreemptLowerPriority';
  spec.priority = 0;
  spec.serviceAccount = spec.serviceAccountName ?? 'default';
  spec.serviceAccountName = spec.serviceAccountName ?? 'default';
  spec.tolerations = [
    ...(spec.tolerations ?? []),
    { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
    { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
  ];
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name: tokenVolume,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    },
  ];
  const status = { ...gen, phase: o.phase ?? 'Running', qosClass: o.qosClass ?? 'Burstable' };
  if (o.conditions !== undefined) status.conditions = o.conditions.map((cond) => ({ ...gen, ...cond }));
  if (bound && o.phase !== 'Pending-unbound') {
    const ip = o.hostIP ?? providerOf(c.provider).nodeIP(o.node);
    status.hostIP = ip;
    if (minor(c.k8s) >= 30) status.hostIPs = [{ ip }];
    if (o.podIP !== null) {
      const podIP = o.podIP ?? providerOf(c.provider).podIP(`${ns}/${name}`);
      status.podIP = podIP;
      status.podIPs = [{ ip: podIP }];
    }
    status.startTime = t.at(o.startedAgo ?? created - 2);
  }
  if (o.initContainerStatuses) status.initContainerStatuses = o.initContainerStatuses;
  if (o.containers) status.containerStatuses = o.containers;
  if (o.reason) status.reason = o.reason;
  if (o.message) status.message = o.message;
  if (o.nominatedNodeName) status.nominatedNodeName = o.nominatedNodeName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(o.annotations ? { annotations: o.annotations } : {}),
      creationTimestamp: t.at(created),
      ...(o.deletionAgo !== undefined
        ? { deletionGracePeriodSeconds: spec.terminationGracePeriodSeconds, deletionTimestamp: t.at(o.deletionAgo) }
        : {}),
      ...(o.finalizers ? { finalizers: o.finalizers } : {}),
      ...(o.generateName !== false ? { generateName: o.generateName ?? name.replace(/[^-]+$/, '') } : {}),
      generation: 1,
      labels: { ...owner.labels, ...(o.labels ?? {}) },
      name,
      namespace: ns,
      ownerReferences: owner.ownerReferences,
      resourceVersion: rv(),
      uid: o.uid ?? uid(`pod/${ns}/${name}`),
    },
    spec: { ...spec, ...(o.spec ?? {}) },
    status,
  };
}

/** The conditions of a pod the kubelet has started; `ready` false gives the ContainersNotReady texts. */
export function podConditions(t, o = {}) {
  const ready = o.ready ?? true;
  const scheduledAgo = o.scheduledAgo ?? 298;
  const notReady = o.notReadyContainers ?? ['app'];
  const list = [
    {
      lastProbeTime: null,
      lastTransitionTime: t.at(o.sandboxAgo ?? scheduledAgo - 3),
      status: o.sandbox === false ? 'False' : 'True',
      type: 'PodReadyToStartContainers',
    },
    {
      lastProbeTime: null,
      lastTransitionTime: t.at(scheduledAgo - 1),
      status: o.initialized === false ? 'False' : 'True',
      type: 'Initialized',
      ...(o.initialized === false
        ? {
            reason: 'ContainersNotInitialized',
            message: `containers with incomplete status: [${(o.initContainers ?? ['init']).join(' ')}]`,
          }
        : {}),
    },
    {
      lastProbeTime: null,
      lastTransitionTime: t.at(o.readyAgo ?? scheduledAgo - 5),
      status: ready ? 'True' : 'False',
      type: 'Ready',
      ...(ready ? {} : { message: `containers with unready status: [${notReady.join(' ')}]`, reason: 'ContainersNotReady' }),
    },
    {
      lastProbeTime: null,
      lastTransitionTime: t.at(o.readyAgo ?? scheduledAgo - 5),
      status: ready ? 'True' : 'False',
      type: 'ContainersReady',
      ...(ready ? {} : { message: `containers with unready status: [${notReady.join(' ')}]`, reason: 'ContainersNotReady' }),
    },
    { lastProbeTime: null, lastTransitionTime: t.at(scheduledAgo), status: 'True', type: 'PodScheduled' },
  ];
  return [...list, ...(o.extra ?? [])];
}

function runtimeID(c, seed) {
  return `${(c.runtime ?? 'containerd').startsWith('cri-o') ? 'cri-o' : 'containerd'}://${hex64(seed)}`;
}

function imageID(image) {
  const repo = image.replace(/:[^/:]+$/, '');
  return `${repo}@sha256:${hex64(`img/${image}`)}`;
}

export function running(t, c, name, image, o = {}) {
  return {
    containerID: runtimeID(c, `${o.pod ?? ''}/${name}/${o.restartCount ?? 0}`),
    image,
    imageID: imageID(image),
    ...(o.lastState ? { lastState: o.lastState } : { lastState: {} }),
    name,
    ready: o.ready ?? true,
    restartCount: o.restartCount ?? 0,
    started: o.started ?? true,
    state: { running: { startedAt: t.at(o.startedAgo ?? 280) } },
  };
}

export function waiting(t, c, name, image, reason, message, o = {}) {
  return {
    ...(o.lastState ? { containerID: runtimeID(c, `${o.pod ?? ''}/${name}/${o.restartCount ?? 0}`) } : {}),
    image,
    imageID: o.lastState ? imageID(image) : '',
    lastState: o.lastState ?? {},
    name,
    ready: false,
    restartCount: o.restartCount ?? 0,
    started: false,
    state: { waiting: message === undefined ? { reason } : { message, reason } },
  };
}

/** A terminated state (for lastState or state) ending `finishedAgo` seconds ago. */
export function ended(t, c, exitCode, reason, o = {}) {
  return {
    terminated: {
      containerID: runtimeID(c, `ended/${o.seed ?? ''}/${exitCode}/${o.finishedAgo ?? 30}`),
      exitCode,
      finishedAt: t.at(o.finishedAgo ?? 30),
      ...(o.message ? { message: o.message } : {}),
      reason,
      startedAt: t.at((o.finishedAgo ?? 30) + (o.ranSeconds ?? 1)),
    },
  };
}

export function terminatedStatus(t, c, name, image, exitCode, reason, o = {}) {
  return {
    containerID: runtimeID(c, `${o.pod ?? ''}/${name}/term`),
    image,
    imageID: imageID(image),
    lastState: o.lastState ?? {},
    name,
    ready: false,
    restartCount: o.restartCount ?? 0,
    started: false,
    state: ended(t, c, exitCode, reason, o),
  };
}

// ---- events -----------------------------------------------------------------------------------------------------

/**
 * A core/v1 event as the kubelet or a controller records it. `about` is the object; o.count/firstAgo/lastAgo give the
 * aggregation, o.container the fieldPath, o.source the component (kubelet events name their host).
 */
export function event(t, about, type, reason, message, o = {}) {
  const kind = o.kind ?? about.kind;
  const name = about.metadata.name;
  const ns = about.metadata.namespace ?? o.namespace ?? 'default';
  const component = o.component ?? 'kubelet';
  const host = o.host ?? about.spec?.nodeName;
  const last = o.lastAgo ?? 20;
  return {
    apiVersion: 'v1',
    count: o.count ?? 1,
    eventTime: null,
    firstTimestamp: t.at(o.firstAgo ?? last),
    involvedObject: {
      apiVersion: kind === 'Pod' || kind === 'Node' || kind === 'PersistentVolumeClaim' ? 'v1' : kind === 'Job' ? 'batch/v1' : 'apps/v1',
      ...(o.container ? { fieldPath: `spec.${o.init ? 'initContainers' : 'containers'}{${o.container}}` } : {}),
      kind,
      name,
      ...(kind === 'Node' ? {} : { namespace: ns }),
      resourceVersion: String(48_000_000 + (hashOf(`${name}${reason}`) % 200_000)),
      uid: about.metadata.uid,
    },
    kind: 'Event',
    lastTimestamp: t.at(last),
    message,
    metadata: {
      creationTimestamp: t.at(o.firstAgo ?? last),
      name: `${name}.${(hashOf(`${name}/${reason}/${message}`) * 4096 + 0x17f0000000000).toString(16).slice(-16)}`,
      namespace: kind === 'Node' ? 'default' : ns,
      resourceVersion: rv(),
      uid: uid(`event/${name}/${reason}/${message}`),
    },
    reason,
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? (host ?? '') : '',
    source: component === 'kubelet' ? { component, host } : { component },
    type,
  };
}

/** A scheduler event: written through events.k8s.io/v1, so a core list shows eventTime/series and null timestamps. */
export function schedulerEvent(t, about, type, reason, message, o = {}) {
  const first = o.firstAgo ?? 60;
  const e = {
    action: reason === 'Scheduled' ? 'Binding' : 'Scheduling',
    apiVersion: 'v1',
    eventTime: t.micro(first),
    firstTimestamp: null,
    involvedObject: {
      apiVersion: 'v1',
      kind: 'Pod',
      name: about.metadata.name,
      namespace: about.metadata.namespace,
      resourceVersion: String(48_000_000 + (hashOf(about.metadata.name) % 200_000)),
      uid: about.metadata.uid,
    },
    kind: 'Event',
    lastTimestamp: null,
    message,
    metadata: {
      creationTimestamp: t.at(first),
      name: `${about.metadata.name}.${(hashOf(`${about.metadata.name}/${reason}`) * 4096 + 0x17f0000000000).toString(16).slice(-16)}`,
      namespace: about.metadata.namespace,
      resourceVersion: rv(),
      uid: uid(`event/${about.metadata.name}/${reason}`),
    },
    reason,
    reportingComponent: 'default-scheduler',
    reportingInstance: o.instance ?? 'default-scheduler-control-plane',
    source: {},
    type,
  };
  if (o.count && o.count > 1) e.series = { count: o.count, lastObservedTime: t.micro(o.lastAgo ?? 5) };
  return e;
}

export function scheduled(t, p, node, o = {}) {
  return schedulerEvent(t, p, 'Normal', 'Scheduled', `Successfully assigned ${p.metadata.namespace}/${p.metadata.name} to ${node}`, {
    firstAgo: o.ago ?? 298,
    ...o,
  });
}

export function pvc(t, o) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      annotations: o.annotations ?? {},
      creationTimestamp: t.at(o.createdAgo ?? 600),
      finalizers: ['kubernetes.io/pvc-protection'],
      ...(o.labels ? { labels: o.labels } : {}),
      name: o.name,
      namespace: o.ns,
      resourceVersion: rv(),
      uid: uid(`pvc/${o.ns}/${o.name}`),
    },
    spec: {
      accessModes: o.accessModes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.size ?? '10Gi' } },
      ...(o.storageClassName !== undefined ? { storageClassName: o.storageClassName } : {}),
      volumeMode: 'Filesystem',
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
    },
    status:
      o.phase === 'Bound'
        ? { accessModes: o.accessModes ?? ['ReadWriteOnce'], capacity: { storage: o.size ?? '10Gi' }, phase: 'Bound' }
        : { phase: o.phase ?? 'Pending' },
  };
}
