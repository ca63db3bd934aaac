// cluster up / down / status: start the components in order, wait for each to be healthy, and report per-phase times.
import fs from 'node:fs';
import path from 'node:path';
import { binDir, kubernetesVersion } from './build.mjs';
import { adminKubeconfig, ensureKubeletCert, ensurePki } from './pki.mjs';
import { clusterSourceDir, paths } from './paths.mjs';
import { isOurs, logTail, readPids, startProcess, stopProcess, waitFor } from './processes.mjs';
import { isPortFree } from './free-port.mjs';
import { choosePorts, portsFromArgs, preferredPorts, recordedPorts, recordPorts } from './ports.mjs';
import { claimPorts, releasePorts } from './port-claims.mjs';
import { apiGet, kubectl } from './api.mjs';
import { KWOK_NODE_LABEL, KWOK_NODE_VALUE, workerNode } from './nodes.mjs';
import { kwokConfigYaml } from './kwok-config.mjs';

const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok', 'kubelet-events', 'widget-controller'];

function phase(times, name, start) {
  times.push([name, Date.now() - start]);
}

async function readyz() {
  const r = await apiGet('/readyz');
  return r.status === 200;
}

export async function up({ nodes }) {
  const times = [];
  let t = Date.now();
  const bin = binDir({ build: true });
  phase(times, 'build (cached binaries are reused)', t);

  const pids = readPids();
  const running = COMPONENTS.every((c) => isOurs(pids[c]));
  // A cluster started before ports were recorded names them only in its processes' arguments.
  const legacy = running && !recordedPorts() ? portsFromArgs(pids) : null;
  if (legacy) recordPorts(legacy);
  if (running && (await readyz().catch(() => false))) {
    console.log(`cluster already up at ${apiserverUrl(recordedPorts())}; kubeconfig: ${paths.kubeconfig}`);
    return;
  }
  for (const c of [...COMPONENTS].reverse()) await stopProcess(c);

  // Once stopped, the ports this checkout used last are free again and are chosen again unless something took them.
  const preferred = preferredPorts(recordedPorts(), process.env);
  const ports = await claimPorts((claimed) => choosePorts(preferred, { isFree: isPortFree, claimed }));
  try {
    await start(ports, nodes, bin, times);
  } finally {
    await releasePorts();
  }
}

async function start(ports, nodes, bin, times) {
  let t = Date.now();
  fs.mkdirSync(paths.state, { recursive: true });
  recordPorts(ports);
  ensurePki(paths.pki);
  ensureKubeletCert(paths.pki);
  fs.writeFileSync(paths.kubeconfig, adminKubeconfig(paths.pki, apiserverUrl(ports)), { mode: 0o600 });
  phase(times, 'certificates', t);

  t = Date.now();
  startProcess('etcd', `${bin}/etcd`, [
    '--name=kdg',
    `--data-dir=${paths.etcdData}`,
    `--listen-client-urls=http://127.0.0.1:${ports.etcdClient}`,
    `--advertise-client-urls=http://127.0.0.1:${ports.etcdClient}`,
    `--listen-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
    `--initial-cluster=kdg=http://127.0.0.1:${ports.etcdPeer}`,
    '--unsafe-no-fsync',
    '--auto-compaction-retention=1',
    '--quota-backend-bytes=4294967296',
    '--log-level=warn',
  ]);
  await waitFor('etcd', 'healthy', async () => (await fetch(`http://127.0.0.1:${ports.etcdClient}/health`)).ok, 30_000);
  phase(times, 'etcd', t);

  t = Date.now();
  startApiserver(bin, ports);
  await waitFor('kube-apiserver', 'ready (/readyz)', readyz, 60_000);
  phase(times, 'kube-apiserver', t);

  t = Date.now();
  const pki = (f) => path.join(paths.pki, f);
  startProcess('kube-controller-manager', `${bin}/kube-controller-manager`, [
    `--kubeconfig=${paths.kubeconfig}`,
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    '--secure-port=0',
    `--root-ca-file=${pki('ca.crt')}`,
    `--service-account-private-key-file=${pki('sa.key')}`,
    '--use-service-account-credentials=true',
    `--cluster-signing-cert-file=${pki('ca.crt')}`,
    `--cluster-signing-key-file=${pki('ca.key')}`,
    // A lost kubelet turns the node NotReady in about 10 s instead of 50 s.
    '--node-monitor-grace-period=10s',
    '--node-monitor-period=2s',
    '--concurrent-deployment-syncs=10',
    '--concurrent-replicaset-syncs=10',
    '--kube-api-qps=200',
    '--kube-api-burst=400',
  ]);
  startProcess('kube-scheduler', `${bin}/kube-scheduler`, [
    `--kubeconfig=${paths.kubeconfig}`,
    `--authentication-kubeconfig=${paths.kubeconfig}`,
    `--authorization-kubeconfig=${paths.kubeconfig}`,
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    '--secure-port=0',
  ]);
  fs.writeFileSync(paths.stages, await kwokConfigYaml());
  startProcess('kwok', `${bin}/kwok`, [
    `--kubeconfig=${paths.kubeconfig}`,
    `--config=${paths.stages}`,
    `--manage-nodes-with-label-selector=${KWOK_NODE_LABEL}=${KWOK_NODE_VALUE}`,
    '--node-lease-duration-seconds=8',
    '--cidr=10.244.0.0/16',
    '--node-ip=127.0.0.1',
  ]);
  const kubeletPort = ports.kubelet;
  startProcess('kubelet-events', fs.realpathSync(process.execPath), [
    path.join(clusterSourceDir, 'lib', 'kubelet-events.mjs'),
    `--port=${kubeletPort}`,
  ]);
  // The widget controller's CRD (widgets/crd.yaml), then the controller: its list succeeds once the CRD serves.
  kubectl(bin, ['apply', '--server-side', '--field-manager=cluster-up', '-f', path.join(clusterSourceDir, 'widgets', 'crd.yaml')]);
  startProcess('widget-controller', fs.realpathSync(process.execPath), [path.join(clusterSourceDir, 'lib', 'widget-controller.mjs')]);
  phase(times, 'controllers started', t);

  t = Date.now();
  const version = kubernetesVersion();
  const nodeList = { apiVersion: 'v1', kind: 'List', items: [] };
  for (let i = 1; i <= nodes; i++) nodeList.items.push(workerNode(`worker-${i}`, i - 1, version, kubeletPort));
  kubectl(bin, ['apply', '-f', '-'], JSON.stringify(nodeList));
  // Status is kept from an earlier run (apply leaves it alone), and the port that was free then may not be now.
  const endpoints = JSON.stringify({ status: { daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } } } });
  for (const node of nodeList.items)
    kubectl(bin, ['patch', 'node', node.metadata.name, '--subresource=status', '--type=merge', '-p', endpoints]);
  await waitFor('kwok', `${nodes} Ready nodes`, async () => (await readyNodeCount()) >= nodes, 60_000);
  await waitFor(
    'kube-controller-manager',
    'serving (default service account exists)',
    async () => (await apiGet('/api/v1/namespaces/default/serviceaccounts/default')).status === 200,
    60_000,
  );
  await waitFor(
    'kubelet-events',
    'watching pods and serving logs',
    async () => {
      const tail = logTail('kubelet-events', 50);
      return tail.includes('kubelet-events: watching') && tail.includes('serving container logs');
    },
    30_000,
  );
  await waitFor(
    'widget-controller',
    'watching widgets',
    async () => logTail('widget-controller', 50).includes('widget-controller: watching'),
    30_000,
  );
  phase(times, 'nodes Ready', t);

  const total = times.filter(([n]) => !n.startsWith('build')).reduce((a, [, ms]) => a + ms, 0);
  for (const [name, ms] of times) console.log(`  ${name.padEnd(38)} ${(ms / 1000).toFixed(1)}s`);
  console.log(`cluster up in ${(total / 1000).toFixed(1)}s (after build) at ${apiserverUrl(ports)}; kubeconfig: ${paths.kubeconfig}`);
  const list = Object.entries(ports).map(([name, port]) => `${name} ${port}`);
  console.log(`  ports (${paths.ports}): ${list.join(', ')}`);
}

const apiserverUrl = (ports) => `https://127.0.0.1:${ports.apiserver}`;

function startApiserver(bin, ports) {
  const pki = (f) => path.join(paths.pki, f);
  startProcess('kube-apiserver', `${bin}/kube-apiserver`, [
    `--etcd-servers=http://127.0.0.1:${ports.etcdClient}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${ports.apiserver}`,
    // A loopback advertise address cannot back the kubernetes Service's endpoints; nothing here needs them.
    '--endpoint-reconciler-type=none',
    `--tls-cert-file=${pki('apiserver.crt')}`,
    `--tls-private-key-file=${pki('apiserver.key')}`,
    `--client-ca-file=${pki('ca.crt')}`,
    `--kubelet-client-certificate=${pki('apiserver-kubelet-client.crt')}`,
    `--kubelet-client-key=${pki('apiserver-kubelet-client.key')}`,
    `--service-account-key-file=${pki('sa.pub')}`,
    `--service-account-signing-key-file=${pki('sa.key')}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    '--authorization-mode=Node,RBAC',
    '--enable-admission-plugins=NodeRestriction',
    // Nodes list a Hostname address first, which does not resolve here; logs go to the InternalIP (127.0.0.1).
    '--kubelet-preferred-address-types=InternalIP',
    '--service-cluster-ip-range=10.96.0.0/16',
    '--allow-privileged=true',
    '--max-requests-inflight=800',
    '--max-mutating-requests-inflight=400',
    `--audit-log-path=${path.join(paths.logs, 'audit.log')}`,
    `--audit-policy-file=${auditPolicy()}`,
    '--audit-log-maxsize=200',
    '--audit-log-maxbackup=1',
  ]);
}

/** Metadata-level audit of every request: the load test and the benchmarks count API requests on the server side. */
function auditPolicy() {
  const file = path.join(paths.state, 'audit-policy.yaml');
  fs.writeFileSync(file, 'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: ["RequestReceived"]\nrules:\n- level: Metadata\n');
  return file;
}

async function readyNodeCount() {
  const r = await apiGet('/api/v1/nodes');
  if (r.status !== 200) return 0;
  return r.body.items.filter((n) => (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).length;
}

export async function down() {
  for (const c of [...COMPONENTS].reverse()) await stopProcess(c);
  const extra = Object.keys(readPids());
  for (const c of extra) await stopProcess(c);
  fs.rmSync(paths.state, { recursive: true, force: true });
  console.log('cluster down; .cluster/ removed');
}

export async function status() {
  const pids = readPids();
  for (const c of COMPONENTS) console.log(`${c.padEnd(24)} ${isOurs(pids[c]) ? `running (pid ${pids[c].pid})` : 'not running'}`);
  console.log(`ports: ${JSON.stringify(recordedPorts())} (${paths.ports})`);
  console.log(`apiserver ready: ${await readyz().catch(() => false)}`);
}
