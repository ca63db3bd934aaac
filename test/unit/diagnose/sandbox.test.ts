// Issue 16, family 2: FailedCreatePodSandBox, with the texts containerd 1.7 and 2.x and the CNI plugins write
// (docs/diagnosis-strings.md lists each with its source), and the fix naming the CNI or the node pool.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { parseSandboxMessage } from '../../../src/diagnose/rules/sandbox-message.js';
import { NOW, ago, deployment, event, node, pod, snapshot, waiting } from './fixtures.js';

const ID = '3bf2efdb3af2ee483df2f3013cf2f16e3ff2f6273ef2f49441f2f94d40f2f7ba';
const wrap = (containerd: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = ${containerd}`;
const network = (cni: string) => wrap(`failed to setup network for sandbox "${ID}": ${cni}`);

describe('the sandbox failure message', () => {
  it.each([
    [
      network('plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container'),
      { cause: 'ip-exhausted', plugin: 'aws-cni', detail: 'add cmd: failed to assign an IP address to container' },
    ],
    [
      `(combined from similar events): ${network('plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container')}`,
      { cause: 'ip-exhausted', plugin: 'aws-cni', detail: 'add cmd: failed to assign an IP address to container' },
    ],
    [
      network(
        'plugin type="azure-vnet" failed (add): IPAM Invoker Add failed with error: Failed to get IP address from CNS with error: %w: http request failed: Post "http://localhost:10090/network/requestipconfig": dial tcp 127.0.0.1:10090: connect: connection refused',
      ),
      { cause: 'cni', plugin: 'azure-vnet' },
    ],
    [
      network(
        'plugin type="azure-vnet" failed (add): IPAM Invoker Add failed with error: Failed to get IP address from CNS with error: %w: AllocateIPConfig failed: not enough IPs available for 9a4f, waiting on Azure CNS to allocate more',
      ),
      { cause: 'ip-exhausted', plugin: 'azure-vnet' },
    ],
    [
      network('plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized'),
      { cause: 'cni', plugin: 'calico', detail: 'error getting ClusterInformation: connection is unauthorized: Unauthorized' },
    ],
    [
      network(
        'plugin type="cilium-cni" failed (add): unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http://localhost/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory Is the agent running?',
      ),
      { cause: 'cni', plugin: 'cilium-cni' },
    ],
    [
      network(
        'plugin type="cilium-cni" failed (add): unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full',
      ),
      { cause: 'ip-exhausted', plugin: 'cilium-cni' },
    ],
    [
      network('plugin type="cilium-cni" name="cilium" failed (add): Unable to create endpoint: Cilium API client timeout exceeded'),
      { cause: 'cni', plugin: 'cilium-cni', detail: 'Unable to create endpoint: Cilium API client timeout exceeded' },
    ],
    [
      network('failed to allocate for range 0: no IP addresses available in range set: 10.60.28.1-10.60.28.254'),
      {
        cause: 'ip-exhausted',
        plugin: null,
        detail: 'failed to allocate for range 0: no IP addresses available in range set: 10.60.28.1-10.60.28.254',
      },
    ],
    [
      network('plugin type="flannel" failed (add): open /run/flannel/subnet.env: no such file or directory'),
      { cause: 'cni', plugin: 'flannel', detail: 'open /run/flannel/subnet.env: no such file or directory' },
    ],
    [
      network(
        'plugin type="multus" name="multus-cni-network" failed (add): [shop/web-1:whereabouts]: error adding container to network "whereabouts": Error at storage engine: Could not allocate IP in range: ip: 10.20.0.1 / - 10.20.0.254',
      ),
      { cause: 'ip-exhausted', plugin: 'multus' },
    ],
    [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to set up sandbox container "9f2c" network for pod "web-1": networkPlugin cni failed to set up pod "web-1_shop" network: add cmd: failed to assign an IP address to container',
      { cause: 'ip-exhausted', plugin: null, detail: 'add cmd: failed to assign an IP address to container' },
    ],
    [
      wrap('failed to get sandbox runtime: no runtime for "gvisor" is configured'),
      { cause: 'runtime-handler', handler: 'gvisor', detail: 'no runtime for "gvisor" is configured' },
    ],
    [
      wrap(`unable to get OCI runtime for sandbox "${ID}": no runtime for "runsc" is configured`),
      { cause: 'runtime-handler', handler: 'runsc' },
    ],
    [
      wrap(
        'failed to get sandbox image "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5": failed to pull image "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5": failed to pull and unpack image "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5": failed to resolve reference "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      ),
      {
        cause: 'sandbox-image',
        image: '602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5',
        detail:
          'pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      },
    ],
    [
      wrap(
        `failed to start sandbox "${ID}": failed to get sandbox image "602401143452.dkr.ecr.ap-south-1.amazonaws.com/eks/pause:3.5": failed to pull image "602401143452.dkr.ecr.ap-south-1.amazonaws.com/eks/pause:3.5": failed to pull and unpack image "602401143452.dkr.ecr.ap-south-1.amazonaws.com/eks/pause:3.5": failed to resolve reference "602401143452.dkr.ecr.ap-south-1.amazonaws.com/eks/pause:3.5": unexpected status from HEAD request to https://602401143452.dkr.ecr.ap-south-1.amazonaws.com/v2/eks/pause/manifests/3.5: 401 Unauthorized`,
      ),
      {
        cause: 'sandbox-image',
        image: '602401143452.dkr.ecr.ap-south-1.amazonaws.com/eks/pause:3.5',
        detail:
          'unexpected status from HEAD request to https://602401143452.dkr.ecr.ap-south-1.amazonaws.com/v2/eks/pause/manifests/3.5: 401 Unauthorized',
      },
    ],
    [
      wrap(`failed to create containerd task: failed to create shim task: OCI runtime create failed: "${ID}" cgroup error`),
      {
        cause: 'other',
        detail: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: "<id>" cgroup error',
      },
    ],
  ])('%s', (message, want) => {
    expect(parseSandboxMessage(message)).toMatchObject(want);
  });
});

function creating(name: string, nodeName: string): any {
  return pod({
    name,
    node: nodeName,
    phase: 'Pending',
    createdAgo: 200,
    containerStatuses: [waiting('app', 'ContainerCreating', undefined)],
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'False', lastTransitionTime: ago(195) },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: ago(195) },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(198) },
    ],
  });
}

function pooled(name: string, pool: string): any {
  const n = node(name);
  n.metadata.labels['eks.amazonaws.com/nodegroup'] = pool;
  return n;
}

const AWS_CNI = network('plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container');

describe('pods whose sandbox cannot be created', () => {
  it('names the node, its pool, the CNI plugin and its words; fatal after two minutes', () => {
    const p = creating('web-7d9f8c6b5-s1', 'worker-1');
    const events = [event(p, 'Warning', 'FailedCreatePodSandBox', AWS_CNI, { count: 12, firstAgo: 190, lastAgo: 5 })];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events, nodes: [pooled('worker-1', 'general-2024')] }), NOW);
    expect(f).toMatchObject({ category: 'sandbox-failed', node: 'worker-1', reason: 'FailedCreatePodSandBox', fatal: true });
    expect(f.message).toBe(
      'The CNI plugin aws-cni has no IP address left for the pod (node pool general-2024): add cmd: failed to assign an IP address to container',
    );
    expect(f.hint).toMatch(/^No pod IP is left for node pool general-2024 \(aws-cni\): give its subnet or pod CIDR more addresses/);
  });

  it('is not fatal in its first two minutes (a CNI that is still starting)', () => {
    const p = creating('web-7d9f8c6b5-s1', 'worker-1');
    const events = [event(p, 'Warning', 'FailedCreatePodSandBox', AWS_CNI, { firstAgo: 8, lastAgo: 8 })];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW);
    expect(f).toMatchObject({ category: 'sandbox-failed', fatal: false });
  });

  it.each([
    [
      network('plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized'),
      /^The CNI plugin calico on worker-1 fails to set up pod networking: check the calico agent pod on worker-1/,
    ],
    [
      wrap('failed to get sandbox runtime: no runtime for "gvisor" is configured'),
      /^Configure the runtime handler "gvisor" in containerd on node pool general-2024, or give the RuntimeClass a scheduling.nodeSelector/,
    ],
    [
      wrap(
        'failed to get sandbox image "registry.k8s.io/pause:3.10": failed to pull image "registry.k8s.io/pause:3.10": failed to pull and unpack image "registry.k8s.io/pause:3.10": failed to resolve reference "registry.k8s.io/pause:3.10": failed to do request: Head "https://registry.k8s.io/v2/pause/manifests/3.10": dial tcp 34.96.108.209:443: i/o timeout',
      ),
      /^worker-1 cannot pull the sandbox \(pause\) image registry.k8s.io\/pause:3.10: check that node's registry credentials/,
    ],
  ])('the fix points at what failed: %s', (message, hint) => {
    const p = creating('web-7d9f8c6b5-s1', 'worker-1');
    const events = [event(p, 'Warning', 'FailedCreatePodSandBox', message, { count: 5, firstAgo: 190, lastAgo: 5 })];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events, nodes: [pooled('worker-1', 'general-2024')] }), NOW);
    expect(f.category).toBe('sandbox-failed');
    expect(f.hint).toMatch(hint);
  });

  it('replicas on several nodes with different sandbox IDs merge into one finding', () => {
    const pods = [creating('web-7d9f8c6b5-s1', 'worker-1'), creating('web-7d9f8c6b5-s2', 'worker-2')];
    const events = pods.map((p, i) =>
      event(p, 'Warning', 'FailedCreatePodSandBox', AWS_CNI.replace(ID, `${i}`.repeat(64)), { firstAgo: 190, lastAgo: 5 }),
    );
    const findings = diagnoseWorkload(deployment(), snapshot({ pods, events }), NOW);
    expect(findings.map((f) => [f.category, f.count, f.node])).toEqual([['sandbox-failed', '2/2 pods', 'worker-1, worker-2']]);
  });

  it('confined to one node while replicas elsewhere are Ready: sandbox-failed and node-concentrated, both fatal', () => {
    const bad = creating('web-7d9f8c6b5-s1', 'worker-1');
    const ok = pod({ name: 'web-7d9f8c6b5-r1', node: 'worker-2', ready: true });
    const events = [event(bad, 'Warning', 'FailedCreatePodSandBox', AWS_CNI, { count: 12, firstAgo: 190, lastAgo: 5 })];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [bad, ok], events }), NOW);
    expect(findings.map((f) => [f.category, f.fatal, f.node, f.count])).toEqual([
      ['node-concentrated', true, 'worker-1', '1/2 pods'],
      ['sandbox-failed', true, 'worker-1', '1/2 pods'],
    ]);
    expect(findings[0].message).toBe('Only node worker-1 fails: 1 pod there is not ready (sandbox-failed) while 1 is Ready on other nodes');
  });

  it('a sandbox that was created after the failures is history', () => {
    const p = pod({ name: 'web-7d9f8c6b5-s1', ready: true });
    const events = [
      event(p, 'Warning', 'FailedCreatePodSandBox', AWS_CNI, { lastAgo: 100 }),
      event(p, 'Normal', 'Pulled', 'Container image "ghcr.io/acme/web:1.4.2" already present on machine', { lastAgo: 90 }),
    ];
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p], events }), NOW)).toEqual([]);
  });
});
