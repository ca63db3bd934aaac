// Whole workloads mid-rollout, so a case only says which pods are broken and how: a Deployment whose new ReplicaSet
// replaces an old one, a StatefulSet at a new updateRevision, a DaemonSet at a new generation, a Job; each with pod
// builders that name pods the way their controllers do.
import * as k from './kube.mjs';

/**
 * A Deployment rolling from `oldImage` to `image`. Returns the objects (Deployment and both ReplicaSets, pods added
 * later) and `newPod(name-suffix, fields)` / `oldPod(...)` that make pods of each revision.
 */
export function rollout(t, c, o) {
  const { ns, name, image, oldImage = image.replace(/:[^:]+$/, ':1.0.0') } = o;
  const replicas = o.replicas ?? 3;
  const labels = o.labels ?? { app: name };
  const ctrName = o.container ?? 'app';
  const containers = o.containers ?? [k.container(ctrName, image, o.containerOptions ?? {})];
  const tpl = k.template(labels, containers, o.templateOptions ?? {});
  const oldTpl = k.template(
    labels,
    containers.map((ctr) => ({ ...ctr, image: ctr.image === image ? oldImage : ctr.image })),
    o.oldTemplateOptions ?? o.templateOptions ?? {},
  );
  // Equal templates would make the old ReplicaSet the "new" one (the controller adopts the oldest match).
  if (JSON.stringify(tpl) === JSON.stringify(oldTpl))
    throw new Error(`rollout ${ns}/${name}: the old template equals the new one; give oldImage`);
  const newHash = k.suffix(`${ns}/${name}/new`, 10);
  const oldHash = k.suffix(`${ns}/${name}/old`, 10);
  const newReplicas = o.newReplicas ?? replicas;
  const { deployment, replicaSets } = k.deployment(t, c, {
    ns,
    name,
    replicas,
    revision: 2,
    labels,
    template: tpl,
    progressDeadlineSeconds: o.progressDeadlineSeconds,
    replicaSets: [
      {
        hash: newHash,
        revision: 2,
        replicas: newReplicas,
        ready: o.newReady ?? 0,
        ageSeconds: o.rolloutAgo ?? 300,
        conditions: o.rsConditions,
      },
      {
        hash: oldHash,
        revision: 1,
        template: oldTpl,
        replicas: o.oldReplicas ?? 0,
        ready: o.oldReady ?? o.oldReplicas ?? 0,
        ageSeconds: 20 * 86400,
      },
    ],
    conditions: o.conditions ?? k.rolloutConditions(t, { rsName: `${name}-${newHash}`, progressDeadline: o.progressDeadline }),
    status: {
      availableReplicas: (o.newReady ?? 0) + (o.oldReady ?? o.oldReplicas ?? 0),
      readyReplicas: (o.newReady ?? 0) + (o.oldReady ?? o.oldReplicas ?? 0),
      replicas: newReplicas + (o.oldReplicas ?? 0),
      ...(newReplicas + (o.oldReplicas ?? 0) - (o.newReady ?? 0) - (o.oldReady ?? o.oldReplicas ?? 0) > 0
        ? { unavailableReplicas: newReplicas + (o.oldReplicas ?? 0) - (o.newReady ?? 0) - (o.oldReady ?? o.oldReplicas ?? 0) }
        : {}),
      updatedReplicas: newReplicas,
    },
  });
  const [newRS, oldRS] = replicaSets;
  const newOwner = k.ownerOf('ReplicaSet', newRS);
  const oldOwner = k.ownerOf('ReplicaSet', oldRS);
  const podName = (hash, tag) => `${name}-${hash}-${k.suffix(`${ns}/${name}/${hash}/${tag}`, 5)}`;
  return {
    objects: [deployment, newRS, oldRS],
    deployment,
    newRS,
    oldRS,
    workload: `Deployment/${ns}/${name}`,
    image,
    oldImage,
    container: ctrName,
    newPod: (tag, fields) => k.pod(t, c, { ns, name: podName(newHash, tag), owner: newOwner, ...fields }),
    oldPod: (tag, fields) => k.pod(t, c, { ns, name: podName(oldHash, tag), owner: oldOwner, ...fields }),
  };
}

/** A StatefulSet whose pods at `updateRevision` are the new revision; `pod(ordinal, fields, revision?)`. */
export function statefulRollout(t, c, o) {
  const { ns, name, image } = o;
  const labels = o.labels ?? { app: name };
  const containers = o.containers ?? [k.container(o.container ?? 'app', image, o.containerOptions ?? {})];
  const tpl = k.template(labels, containers, o.templateOptions ?? {});
  const updateRevision = k.suffix(`${ns}/${name}/rev`, 10);
  const currentRevision = o.currentRevision ?? k.suffix(`${ns}/${name}/cur`, 10);
  const sts = k.statefulSet(t, c, {
    ns,
    name,
    replicas: o.replicas ?? 3,
    labels,
    template: tpl,
    updateRevision,
    currentRevision: `${name}-${currentRevision}`,
    ready: o.ready,
    currentReplicas: o.currentReplicas,
    updatedReplicas: o.updatedReplicas,
    volumeClaimTemplates: o.volumeClaimTemplates,
  });
  const owner = (revision) =>
    k.ownerOf('StatefulSet', sts, { 'apps.kubernetes.io/pod-index': '', 'controller-revision-hash': `${name}-${revision}` });
  return {
    objects: [sts],
    sts,
    workload: `StatefulSet/${ns}/${name}`,
    image,
    pod: (ordinal, fields, old = false) => {
      const ownerInfo = owner(old ? currentRevision : updateRevision);
      ownerInfo.labels['apps.kubernetes.io/pod-index'] = String(ordinal);
      ownerInfo.labels['statefulset.kubernetes.io/pod-name'] = `${name}-${ordinal}`;
      return k.pod(t, c, {
        ns,
        name: `${name}-${ordinal}`,
        owner: ownerInfo,
        generateName: `${name}-`,
        spec: { hostname: `${name}-${ordinal}`, subdomain: o.serviceName ?? name, ...(fields.spec ?? {}) },
        ...fields,
      });
    },
  };
}

/** A DaemonSet at generation `generation`; `pod(node, fields)` names pods <ds>-<5 chars> as the controller does. */
export function daemonRollout(t, c, o) {
  const { ns, name, image } = o;
  const generation = o.generation ?? 5;
  const labels = o.labels ?? { app: name };
  const containers = o.containers ?? [k.container(o.container ?? name, image, o.containerOptions ?? {})];
  const ds = k.daemonSet(t, c, {
    ns,
    name,
    labels,
    generation,
    template: k.template(labels, containers, { tolerations: [{ operator: 'Exists' }], ...(o.templateOptions ?? {}) }),
    desired: o.desired,
    ready: o.ready,
  });
  return {
    objects: [ds],
    ds,
    workload: `DaemonSet/${ns}/${name}`,
    image,
    pod: (node, fields = {}) => {
      const ownerInfo = k.ownerOf('DaemonSet', ds, {
        'controller-revision-hash': k.suffix(`${ns}/${name}/${fields.generation ?? generation}`, 10),
        'pod-template-generation': String(fields.generation ?? generation),
      });
      const podName = `${name}-${k.suffix(`${ns}/${name}/${node}`, 5)}`;
      return k.pod(t, c, {
        ns,
        name: podName,
        owner: ownerInfo,
        node,
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
              },
            },
          },
        },
        ...fields,
      });
    },
  };
}

/** A Job; `pod(tag, fields)` names pods <job>-<5 chars>. */
export function batchJob(t, c, o) {
  const { ns, name, image } = o;
  const containers = o.containers ?? [k.container(o.container ?? name, image, o.containerOptions ?? {})];
  const j = k.job(t, c, {
    ns,
    name,
    backoffLimit: o.backoffLimit,
    createdAgo: o.createdAgo,
    template: k.template({ app: name }, containers, { restartPolicy: 'Never', ...(o.templateOptions ?? {}) }),
    status: o.status,
  });
  const owner = k.ownerOf('Job', j);
  return {
    objects: [j],
    job: j,
    workload: `Job/${ns}/${name}`,
    image,
    pod: (tag, fields) => k.pod(t, c, { ns, name: `${name}-${k.suffix(`${ns}/${name}/${tag}`, 5)}`, owner, ...fields }),
  };
}

/** A Ready pod of any workload, with its scheduler and kubelet events left out (healthy pods rarely keep any). */
export function healthy(t, c, make, tag, node, image, o = {}) {
  const ctr = o.container ?? 'app';
  return make(tag, {
    node,
    createdAgo: o.createdAgo ?? 280,
    conditions: k.podConditions(t, { scheduledAgo: (o.createdAgo ?? 280) - 1 }),
    containers: [k.running(t, c, ctr, image, { pod: `${tag}/${node}`, startedAgo: (o.createdAgo ?? 280) - 8 })],
    ...(o.fields ?? {}),
  });
}
