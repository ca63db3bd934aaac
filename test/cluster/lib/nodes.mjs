// The fake worker nodes KWOK plays the kubelet for. Status is set on create (the apiserver keeps it for Nodes) so
// capacity and node info look like a real containerd host's, not KWOK's defaults.
export const KWOK_NODE_LABEL = 'type';
export const KWOK_NODE_VALUE = 'kwok';

export function workerNode(name, index, kubernetesVersion, kubeletPort) {
  const zones = ['zone-a', 'zone-b', 'zone-c'];
  const resources = { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kwok.x-k8s.io/node': 'fake' },
      labels: {
        [KWOK_NODE_LABEL]: KWOK_NODE_VALUE,
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/os': 'linux',
        'kubernetes.io/hostname': name,
        'node-role.kubernetes.io/worker': '',
        'topology.kubernetes.io/region': 'local',
        'topology.kubernetes.io/zone': zones[index % zones.length],
      },
    },
    spec: {},
    status: {
      allocatable: resources,
      capacity: resources,
      // The apiserver sends pods/log here (the kubelet-events helper serves it on 127.0.0.1).
      daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } },
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.12.48-cloud-amd64',
        kubeletVersion: kubernetesVersion,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 13 (trixie)',
        bootID: '',
        machineID: '',
        systemUUID: '',
      },
    },
  };
}
