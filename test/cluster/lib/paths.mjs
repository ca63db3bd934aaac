// Where the test cluster keeps its state. Everything lives under .cluster/ in the project root (git-ignored) so
// `cluster:down` can remove it whole. The loopback ports are chosen at `up` and recorded in ports.json (ports.mjs).
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
  ports: path.join(stateDir, 'ports.json'),
  kubeconfig: path.join(stateDir, 'kubeconfig'),
  stages: path.join(stateDir, 'stages.yaml'),
  schedulerConfig: path.join(stateDir, 'scheduler.yaml'),
};
