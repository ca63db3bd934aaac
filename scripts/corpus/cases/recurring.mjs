// Failures the controller answers with a new pod (kubelet rejections, evictions) are fatal only when the replacements
// keep failing the same way: 3 pods of the new revision within 10 minutes with the same reason while the revision
// lacks Ready pods (src/diagnose/recurring.ts). These cases are that rule's both sides. They come last in the corpus so
// that adding them left the generated resourceVersions of every earlier case as they were.
import * as k from '../kube.mjs';
import { failedPod } from '../patterns.mjs';
import { rollout } from '../scenarios.mjs';
import { CONDITIONS, HELPERS, MANAGER, pressureTaint } from './evicted.mjs';
import { PREDICATE, REJECT, rejectedCase } from './rejected.mjs';

export const RECURRING_CASES = [
  rejectedCase({
    name: 'rejected-out-of-cpu-hot-loop',
    k8s: '1.32',
    provider: 'kubeadm',
    now: '2026-09-14T16:40:00Z',
    summary:
      "The kubelet's view of the node's CPU went out of sync with the scheduler's: every pod bound there is rejected with OutOfcpu and the ReplicaSet creates the next one at once, never getting a Ready replica.",
    sources: [
      REJECT,
      PREDICATE,
      'https://github.com/kubernetes/kubernetes/issues/131116 (a ReplicaSet creating thousands of OutOfcpu pods on an out-of-sync kubelet)',
      'https://github.com/kubernetes/kubernetes/issues/106419 (a pod scheduled on one node hundreds of times, all OutOfcpu)',
    ],
    rollout: {
      ns: 'batch',
      name: 'report-renderer',
      image: 'registry.internal.acme.io/batch/report-renderer:4.2.0',
      replicas: 1,
      newReady: 0,
      oldReplicas: 1,
    },
    badNode: 'worker-07',
    goodNode: 'worker-08',
    replaced: false,
    reason: 'OutOfcpu',
    message: "Node didn't have enough resource: cpu, requested: 1000, used: 7800, capacity: 8000",
    tags: ['a', 'b', 'c', 'd', 'e'],
    createdAgo: 100,
    failedAgo: 99,
    expect: [{ workload: 'Deployment/batch/report-renderer', category: 'pod-rejected', fatal: true }],
  }),
  rejectedCase({
    name: 'rejected-out-of-cpu-then-placed',
    k8s: '1.35',
    provider: 'EKS',
    now: '2026-10-05T09:00:00Z',
    summary:
      'Three OutOfcpu rejections on one node in a row, then the scheduler placed the replacement elsewhere and it is Ready: the rollout is done, the rejections are history.',
    sources: [REJECT, PREDICATE],
    rollout: {
      ns: 'web',
      name: 'pdf-export',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/pdf-export:2.0.3',
      replicas: 1,
      newReady: 1,
    },
    badNode: 'ip-10-0-5-61.ec2.internal',
    goodNode: 'ip-10-0-6-12.ec2.internal',
    reason: 'OutOfcpu',
    message: "Node didn't have enough resource: cpu, requested: 500, used: 1700, capacity: 1930",
    tags: ['a', 'b', 'c'],
    expect: [{ workload: 'Deployment/web/pdf-export', category: 'pod-rejected', fatal: false }],
  }),
  {
    name: 'evicted-every-replacement-memory-leak',
    family: 'evicted',
    k8s: '1.34',
    provider: 'EKS',
    now: '2026-11-11T11:11:00Z',
    summary:
      'The new version leaks memory far above its 512Mi request: each replacement drives its node into MemoryPressure and is evicted within minutes, on three nodes in turn; no new pod ever stays Ready.',
    sources: [
      HELPERS,
      MANAGER,
      CONDITIONS,
      'https://github.com/kubernetes/kubernetes/issues/112927 (an Evicted pod as kubectl describe shows it)',
    ],
    build: (t, c) => {
      const r = rollout(t, c, {
        ns: 'ml',
        name: 'feature-cache',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/feature-cache:6.0.0',
        replicas: 1,
        newReady: 0,
        oldReplicas: 1,
        containerOptions: { resources: { requests: { cpu: '250m', memory: '512Mi' } } },
      });
      const nodes = ['ip-10-0-7-33.ec2.internal', 'ip-10-0-8-12.ec2.internal', 'ip-10-0-9-201.ec2.internal'];
      const evictions = [
        ['a', nodes[0], 560, 420, '6291456Ki', '61440Ki'],
        ['b', nodes[1], 410, 260, '6502104Ki', '70212Ki'],
        ['c', nodes[2], 250, 95, '6398212Ki', '58112Ki'],
      ];
      const message = (usage, available) =>
        `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${available}. Container app was using ${usage}, request is 512Mi, has larger consumption of memory. `;
      return [
        ...r.objects,
        k.node(t, c, nodes[0]),
        k.node(t, c, nodes[1], {
          conditions: { MemoryPressure: [...k.PRESSURE.MemoryPressure, 265] },
          taints: [pressureTaint('node.kubernetes.io/memory-pressure', t, 265)],
        }),
        k.node(t, c, nodes[2], {
          conditions: { MemoryPressure: [...k.PRESSURE.MemoryPressure, 100] },
          taints: [pressureTaint('node.kubernetes.io/memory-pressure', t, 100)],
        }),
        ...evictions.flatMap(([tag, node, createdAgo, failedAgo, usage, available]) =>
          failedPod(t, c, r.newPod, tag, node, r.image, {
            reason: 'Evicted',
            statusMessage: message(usage, available),
            eventReason: 'Evicted',
            ran: true,
            createdAgo,
            failedAgo,
            disruption: ['TerminationByKubelet', message(usage, available)],
          }),
        ),
      ];
    },
    expect: [
      { workload: 'Deployment/ml/feature-cache', category: 'evicted', fatal: true },
      { workload: 'Deployment/ml/feature-cache', category: 'node-pressure', fatal: false, node: 'ip-10-0-9-201.ec2.internal' },
    ],
  },
];
