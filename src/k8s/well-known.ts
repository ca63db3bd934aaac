// The labels and annotations Kubernetes controllers and kubectl write, named once.

/** deployment.kubernetes.io/revision: the Deployment's and each ReplicaSet's revision number. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** The label the deployment controller adds to a ReplicaSet's template and its pods. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** The label StatefulSet and DaemonSet controllers add to pods: the name suffix of their ControllerRevision. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** The column `kubectl rollout history` shows. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** The gate's own trace on a workload it changed: repository, commit, run URL and actor, as JSON. */
export const RUN_ANNOTATION = 'deploy.kube-deploy-gate.dev/run';
/** The older DaemonSet pod label naming the template generation. */
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const JOB_CONTROLLER_UID_LABELS = ['batch.kubernetes.io/controller-uid', 'controller-uid'] as const;
export const JOB_NAME_LABELS = ['batch.kubernetes.io/job-name', 'job-name'] as const;
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

// Annotations that describe a Deployment's own rollout state: kubectl's annotationsToSkip, never copied from a
// ReplicaSet on undo.
export const DEPLOYMENT_BOOKKEEPING_ANNOTATIONS: ReadonlySet<string> = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/**
 * The labels managed node pools put on their nodes, most specific first: GKE, EKS managed node groups, AKS, Karpenter,
 * and the older AKS/kops ones. A fix that names the pool lets the reader act on the group, not one machine.
 */
export const NODE_POOL_LABELS = [
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'kubernetes.azure.com/agentpool',
  'karpenter.sh/nodepool',
  'agentpool',
  'kops.k8s.io/instancegroup',
] as const;
