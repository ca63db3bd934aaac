// Help texts; the README documents the same contracts.
export const HELP = {
  main: `kube-deploy-gate: apply Kubernetes manifests, wait for the rollout, explain failures, roll back.

Usage:
  kube-deploy-gate deploy -f PATH [-f PATH ...] [options]   apply, wait, diagnose, roll back on failure
  kube-deploy-gate plan -f PATH [-f PATH ...] [options]     what deploy would change and what would fail (dry run)
  kube-deploy-gate status --from-file OBJ [--revision N]    kubectl rollout status rules on one object, offline
  kube-deploy-gate diagnose --from-file DUMP [--now TIME]   classify stuck pods in a kubectl get -o yaml dump
  kube-deploy-gate undo KIND/NAME [--to-revision N]         kubectl rollout undo, natively

Run "kube-deploy-gate COMMAND --help" for a command's options.
Exit codes: 0 healthy/ok, 1 rollout failed or timed out, 2 could not run (bad input, unreachable or refusing API).
`,
  plan: `Usage: kube-deploy-gate plan -f PATH [-f PATH ...] [options]

Every object goes through server-side apply with dryRun=All (nothing is written): prints what would be created or
changed (the fields; Secret values never) and the failures the deploy would meet, predicted before it runs (a missing
Secret, ServiceAccount or claim, a request no node can hold, a quota, a node selector, a refusal by admission or
validation, a permission the gate lacks), plus risks that are not failures.

  -f, --filename PATH          manifest file, folder or glob (repeatable; many documents per file)
  -n, --namespace NS           namespace for namespaced objects that name none
      --kubeconfig FILE        kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)
      --context NAME           kubeconfig context
      --image REPO=REF         replace the image of containers whose repository is REPO (repeatable)
      --field-manager NAME     server-side apply field manager (default kube-deploy-gate)
      --field-validation V     Strict (default: an unknown or duplicate field is a refusal) | Warn
      --force-conflicts        plan as if taking over fields owned by other managers
      --no-rollback            the deploy will not roll back (its permissions are not needed)
      --timeout DURATION       deadline for the plan's requests (default 5m)
      --summary-file FILE      write the markdown report to FILE
  -o, --output FORMAT          text (default) | json (one JSON document on stdout; progress on stderr)

Exit codes: 0 nothing predicted to fail, 1 a failure is predicted, 2 the plan could not run.
`,
  deploy: `Usage: kube-deploy-gate deploy -f PATH [-f PATH ...] [options]

  -f, --filename PATH          manifest file, folder, glob or https:// URL (repeatable; many documents per file)
  -n, --namespace NS           namespace for namespaced objects that name none
      --kubeconfig FILE        kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)
      --context NAME           kubeconfig context
      --timeout DURATION       one deadline for all workloads (default 5m; e.g. 90s, 10m, 1h30m)
      --min-ready DURATION     after kubectl's rule says done, every new pod must stay Ready this long
                               without a restart (default 10s; 0s: exactly kubectl's verdict)
      --image REPO=REF         replace the image of containers whose repository is REPO (repeatable)
      --image-pull-secret NAME add Secret NAME to imagePullSecrets of every pod template (repeatable)
      --allow-http-manifests   also fetch plain http:// manifest URLs (-f https://... always works)
      --field-manager NAME     server-side apply field manager (default kube-deploy-gate)
      --field-validation V     Strict (default: refuse unknown or duplicate fields) | Warn (apply, print the warning)
      --conflicts MODE         take-imperative (default: take back fields changed by hand, e.g. kubectl set image,
                               and report them) | stop (refuse any conflict) | force (take every field)
      --force-conflicts        the same as --conflicts force
      --no-annotate            do not stamp kubernetes.io/change-cause and the run trace on changed workloads
      --change-cause TEXT      the change-cause to stamp (default: the GitHub run, else this command line)
      --no-respect-hpa         apply spec.replicas even when an HPA scales the workload
      --wait-for WHAT          all (default: every applied object that reports a status, by the kstatus rules) |
                               workloads (only the workloads) | KIND[,KIND...] (the workloads and these kinds,
                               e.g. Certificate or Certificate.cert-manager.io; repeatable)
      --wait-for-load-balancers  a LoadBalancer Service waits until it has an ingress IP or hostname
      --no-fail-fast           wait for the deadline even when a workload is doomed
      --no-rollback            do not roll back on failure
      --rollback-scope S       all-changed (default) | failed-only
      --on-first-deploy-failure A   keep (default) | scale-to-zero | delete
      --summary-file FILE      write the markdown report (the job summary) to FILE
  -o, --output FORMAT          text (default) | json (one JSON document on stdout; progress on stderr)

Switches take no separate value: --rollback, --rollback=true, --rollback=false or --no-rollback.
Manifests are given with -f; other arguments are refused.
`,
  status: `Usage: kube-deploy-gate status --from-file OBJ.(yaml|json) [--revision N] [--output json|text]

Evaluates one Deployment, StatefulSet, DaemonSet, Job, Pod or ReplicationController with the rules of kubectl
rollout status (the gate's own for Job, Pod and ReplicationController) and prints
{"done": bool, "message": "...", "error": "..." | null}. Exit 0 whenever the input parses.
`,
  diagnose: `Usage: kube-deploy-gate diagnose --from-file DUMP.yaml [--now RFC3339] [--output json|text]

Reads what "kubectl get pods,events,nodes,replicasets,deployments,statefulsets,daemonsets,jobs,pvc -A -o yaml" prints
and prints {"findings": [...]} (json) or a report for a person (text). --now fixes the clock for time-based rules.
`,
  undo: `Usage: kube-deploy-gate undo KIND/NAME [--namespace NS] [--to-revision N] [--kubeconfig FILE] [--context NAME]
                                [--field-manager NAME]

Rolls a Deployment, StatefulSet or DaemonSet back like kubectl rollout undo: to the previous revision, or to N.
Prints kubectl's line on stdout and the change-cause of the revision returned to on stderr. The patch is recorded
as an Update by --field-manager (default kube-deploy-gate); the next deploy takes those fields back and reports it.
`,
};
