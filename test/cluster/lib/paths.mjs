// Where the test cluster keeps its state and which loopback ports it uses. Everything lives under .cluster/ in the
// project root (git-ignored) so `cluster:down` can remove it whole.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const clusterSourceDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const projectRoot = path.resolve(clusterSourceDir, '..', '..');
export const stateDir = process.env.KDG_CLUSTER_DIR ?? path.join(projectRoot, '.cluster');

export const paths = {
  state: stateDir,
  pki: path.join(stateDir, 'pki'),
  logs: path.join(stateDir, 'logs'),
  etcdData: path.join(stateDir, 'etcd'),
  pids: path.join(stateDir, 'pids.json'),
  kubeconfig: path.join(stateDir, 'kubeconfig'),
  stages: path.join(stateDir, 'stages.yaml'),
  schedulerConfig: path.join(stateDir, 'scheduler.yaml'),
};

export const ports = {
  etcdClient: Number(process.env.KDG_ETCD_PORT ?? 23790),
  etcdPeer: Number(process.env.KDG_ETCD_PEER_PORT ?? 23800),
  apiserver: Number(process.env.KDG_APISERVER_PORT ?? 16443),
  // The kubelet API (container logs) every node's kubeletEndpoint names, served by the kubelet-events helper (the
  // next free port when this one is taken).
  kubelet: Number(process.env.KDG_KUBELET_PORT ?? 16250),
};

export const apiserverUrl = `https://127.0.0.1:${ports.apiserver}`;
