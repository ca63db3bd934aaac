// Objects the run waits for that are not workloads (kstatus rules, watch/status/generic), and the one note about a
// workload whose pods the verdict does not describe: the ReplicationController that kept its old pods.
import { AT_ONCE, NEVER, after, type CategorySpec } from './spec.js';

export const OBJECT_CATEGORIES = {
  'object-stalled': {
    // kstatus's Failed: the controller set Stalled=True, which it does only when retrying cannot help (or a claim
    // lost its volume). A stall recorded for an older generation is not one (watch/status/generic/generation.ts).
    policy: AT_ONCE,
    waitOnly: true,
    phrase: 'is stalled: its controller reports it cannot make progress',
    logs: 'none',
    hint: (d, w) => {
      const where = w.namespace ? ` -n ${w.namespace}` : '';
      const reason = d.reason ? ` (reason ${d.reason})` : '';
      return `Fix what ${w.kind} ${w.name}'s controller reports${reason}: it stops retrying until the spec or what it depends on changes. kubectl describe ${w.kind.toLowerCase()} ${w.name}${where} shows its conditions and events.`;
    },
  },
  'pvc-provisioning-failed': {
    // The PV controller and external provisioners retry (a cloud API can be down for a while), so only a minute of
    // failures is conclusive; a class that does not exist is conclusive at once (the rule marks it).
    policy: after(60),
    waitOnly: true,
    phrase: 'cannot get a volume: provisioning fails',
    logs: 'none',
    hint: (d, w) =>
      d.evidence.cause === 'class-missing'
        ? `Create StorageClass ${d.evidence.refName ?? ''} or name one the cluster has (kubectl get storageclass). A claim's storageClassName cannot be changed: delete PersistentVolumeClaim ${w.name} and apply it again with the right class.`
        : `Fix what the provisioner reports (the event above) for StorageClass ${d.evidence.refName ?? '(none)'}: kubectl describe pvc ${w.name} -n ${w.namespace}, and the provisioner's own logs.`,
  },
  'pods-not-replaced': {
    // Never fatal: the pods run, the RC's rule is met; the note says the new template is not what runs.
    policy: NEVER,
    waitOnly: true,
    phrase: 'keeps pods of an older template: a ReplicationController does not replace its pods',
    logs: 'none',
    hint: (d, w) =>
      `Move ${w.name} to a Deployment, which replaces pods when the template changes (kubectl rolling-update, which did it for RCs, was removed in kubectl 1.18). Until then delete the old pods so the ReplicationController recreates them from the new template: kubectl delete pod -n ${w.namespace} ${d.evidence.cause ?? ''}`.trimEnd() +
      '.',
  },
} satisfies Record<string, CategorySpec>;
