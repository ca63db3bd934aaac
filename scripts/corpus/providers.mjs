// What a node looks like on each provider: its name, labels, annotations, providerID, IPs, sizes, kubelet and runtime
// version strings. Names follow each provider's scheme (EKS ip-10-0-1-23.ec2.internal, GKE gke-<cluster>-<pool>-<hash>-
// <suffix>, AKS aks-<pool>-<8 digits>-vmss<6 digits>), versions the ones their node images print for a minor version.

function hashOf(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function minor(k8s) {
  return Number(String(k8s).split('.')[1]);
}

const PATCH = { 30: 11, 31: 7, 32: 3, 33: 1, 34: 2, 35: 0, 36: 1, 37: 2 };

function ipIn(prefix, seed) {
  const h = hashOf(seed);
  return `${prefix}.${(h >> 8) % 250}.${(h % 250) + 2}`;
}

const eks = {
  nodeIP: (name) => {
    const m = /^ip-(\d+)-(\d+)-(\d+)-(\d+)/.exec(name);
    return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : ipIn('10.0', name);
  },
  podIP: (seed) => ipIn('10.0', `pod/${seed}`),
  nodeLabels: (name, o) => ({
    'eks.amazonaws.com/capacityType': o.capacityType ?? 'ON_DEMAND',
    'eks.amazonaws.com/nodegroup': o.pool ?? 'general-2024062113451',
    'eks.amazonaws.com/nodegroup-image': 'ami-0c7d1e4b3f2a9e8d1',
    'failure-domain.beta.kubernetes.io/region': 'us-east-1',
    'failure-domain.beta.kubernetes.io/zone': o.zone ?? 'us-east-1a',
    'k8s.io/cloud-provider-aws': 'f3b2c4d5e6a7b8c9d0e1f2a3b4c5d6e7',
    'node.kubernetes.io/instance-type': o.instanceType ?? (o.arch === 'arm64' ? 'm7g.large' : 'm6i.large'),
    'topology.k8s.aws/zone-id': 'use1-az4',
    'topology.kubernetes.io/region': 'us-east-1',
    'topology.kubernetes.io/zone': o.zone ?? 'us-east-1a',
  }),
  nodeAnnotations: (name) => ({
    'alpha.kubernetes.io/provided-node-ip': eks.nodeIP(name),
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  }),
  providerID: (name) => `aws:///us-east-1a/i-0${(hashOf(name) * 4099).toString(16).padStart(16, '0').slice(0, 16)}`,
  allocatableCPU: '1930m',
  allocatableMemory: '7291848Ki',
  allocatableStorage: '76224326324',
  capacityCPU: '2',
  capacityMemory: '7910344Ki',
  capacityStorage: '83873772Ki',
  maxPods: '29',
  kernel: '6.1.134-152.225.amzn2023.x86_64',
  osImage: 'Amazon Linux 2023.7.20250512',
  kubeletVersion: (k8s) => `v1.${minor(k8s)}.${PATCH[minor(k8s)]}-eks-${(hashOf(k8s) % 0xfffffff).toString(16).padStart(7, '0')}`,
  runtime: (k8s) => (minor(k8s) >= 33 ? 'containerd://2.0.5' : 'containerd://1.7.27'),
};

const gke = {
  nodeIP: (name) => ipIn('10.128', name),
  podIP: (seed) => ipIn('10.52', `pod/${seed}`),
  nodeLabels: (name, o) => ({
    'cloud.google.com/gke-boot-disk': 'pd-balanced',
    'cloud.google.com/gke-container-runtime': 'containerd',
    'cloud.google.com/gke-nodepool': o.pool ?? /^gke-[a-z0-9]+-(.+)-[0-9a-f]{8}-[a-z0-9]{4}$/.exec(name)?.[1] ?? 'default-pool',
    'cloud.google.com/gke-os-distribution': 'cos',
    ...(o.spot ? { 'cloud.google.com/gke-spot': 'true' } : {}),
    'cloud.google.com/machine-family': 'e2',
    'node.kubernetes.io/instance-type': o.instanceType ?? 'e2-standard-4',
    'topology.gke.io/zone': o.zone ?? 'us-central1-a',
    'topology.kubernetes.io/region': 'us-central1',
    'topology.kubernetes.io/zone': o.zone ?? 'us-central1-a',
  }),
  nodeAnnotations: () => ({
    'container.googleapis.com/instance_id': String(4_000_000_000_000_000_000n + 123_456_789n),
    'node.alpha.kubernetes.io/ttl': '0',
    'node.gke.io/last-applied-node-labels': 'cloud.google.com/gke-boot-disk=pd-balanced,cloud.google.com/gke-container-runtime=containerd',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  }),
  providerID: (name) => `gce://acme-prod-4711/us-central1-a/${name}`,
  networkUnavailable: 'NodeController create implicit route',
  networkUnavailableReason: 'RouteCreated',
  allocatableCPU: '3920m',
  allocatableMemory: '13594200Ki',
  allocatableStorage: '47060071478',
  capacityCPU: '4',
  capacityMemory: '16393304Ki',
  capacityStorage: '98831908Ki',
  maxPods: '110',
  kernel: '6.6.72+',
  osImage: 'Container-Optimized OS from Google',
  kubeletVersion: (k8s) => `v1.${minor(k8s)}.${PATCH[minor(k8s)]}-gke.${1_000_000 + (hashOf(k8s) % 900) * 1000}`,
  runtime: (k8s) => (minor(k8s) >= 33 ? 'containerd://2.0.4' : 'containerd://1.7.24'),
};

const aks = {
  nodeIP: (name) => ipIn('10.224', name),
  podIP: (seed) => ipIn('10.244', `pod/${seed}`),
  nodeLabels: (name, o) => ({
    agentpool: o.pool ?? /^aks-([a-z0-9]+)-/.exec(name)?.[1] ?? 'nodepool1',
    'kubernetes.azure.com/agentpool': o.pool ?? /^aks-([a-z0-9]+)-/.exec(name)?.[1] ?? 'nodepool1',
    'kubernetes.azure.com/cluster': 'MC_rg-prod_aks-prod_westeurope',
    'kubernetes.azure.com/kubelet-identity-client-id': '6f1d2c3b-4a5e-4f60-8b7a-9c0d1e2f3a4b',
    'kubernetes.azure.com/mode': 'system',
    'kubernetes.azure.com/node-image-version': 'AKSUbuntu-2204gen2containerd-202505.14.0',
    'kubernetes.azure.com/os-sku': 'Ubuntu',
    'kubernetes.azure.com/role': 'agent',
    'node.kubernetes.io/instance-type': o.instanceType ?? 'Standard_D4s_v5',
    'topology.kubernetes.io/region': 'westeurope',
    'topology.kubernetes.io/zone': o.zone ?? 'westeurope-1',
  }),
  nodeAnnotations: () => ({
    'csi.volume.kubernetes.io/nodeid': '{"disk.csi.azure.com":"aks-nodepool1","file.csi.azure.com":"aks-nodepool1"}',
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  }),
  providerID: (name) => {
    const m = /^(aks-[a-z0-9]+-\d+-vmss)(\d+)$/.exec(name);
    return `azure:///subscriptions/2f0c1d3e-5b6a-4c7d-8e9f-0a1b2c3d4e5f/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/${m?.[1] ?? name}/virtualMachines/${Number(m?.[2] ?? 0)}`;
  },
  allocatableCPU: '3860m',
  allocatableMemory: '12880184Ki',
  allocatableStorage: '119703055367',
  capacityCPU: '4',
  capacityMemory: '16375608Ki',
  capacityStorage: '129886128Ki',
  maxPods: '250',
  kernel: '5.15.0-1089-azure',
  osImage: 'Ubuntu 22.04.5 LTS',
  kubeletVersion: (k8s) => `v1.${minor(k8s)}.${PATCH[minor(k8s)]}`,
  runtime: (k8s) => (minor(k8s) >= 33 ? 'containerd://2.0.0-1' : 'containerd://1.7.27-1'),
};

const kubeadm = {
  nodeIP: (name) => ipIn('192.168', name),
  podIP: (seed) => ipIn('10.244', `pod/${seed}`),
  nodeLabels: () => ({}),
  nodeAnnotations: () => ({
    'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  }),
  providerID: null,
  allocatableCPU: '8',
  allocatableMemory: '32689876Ki',
  allocatableStorage: '232284453554',
  capacityCPU: '8',
  capacityMemory: '32792276Ki',
  capacityStorage: '252047420Ki',
  maxPods: '110',
  kernel: '6.8.0-60-generic',
  osImage: 'Ubuntu 24.04.2 LTS',
  kubeletVersion: (k8s) => `v1.${minor(k8s)}.${PATCH[minor(k8s)]}`,
  runtime: (k8s) => (minor(k8s) >= 33 ? 'containerd://2.1.1' : 'containerd://1.7.27'),
};

const PROVIDERS = { EKS: eks, GKE: gke, AKS: aks, kubeadm };

export function providerOf(name) {
  const p = PROVIDERS[name];
  if (!p) throw new Error(`unknown provider ${name}`);
  return p;
}
