// The loopback ports of one checkout's cluster. `up` chooses them (the defaults when free, else the next free ones,
// so a second checkout on the same machine gets its own) and records them in .cluster/ports.json; everything else
// reads them from there, or the apiserver's from the kubeconfig, never assumes the defaults.
import fs from 'node:fs';
import { paths } from './paths.mjs';

/** The order ports are chosen in, and each one's default and environment override (a starting point, not a must). */
export const PORTS = [
  { name: 'apiserver', default: 16443, env: 'KDG_APISERVER_PORT' },
  { name: 'etcdClient', default: 23790, env: 'KDG_ETCD_PORT' },
  { name: 'etcdPeer', default: 23800, env: 'KDG_ETCD_PEER_PORT' },
  // The kubelet API (container logs) that every node's kubeletEndpoint names, served by the kubelet-events helper.
  { name: 'kubelet', default: 16250, env: 'KDG_KUBELET_PORT' },
];

const validPort = (n) => Number.isInteger(n) && n > 0 && n < 65536;

/** ports when it names a valid port for every component, else null. */
export function parsePorts(value) {
  if (!value || typeof value !== 'object') return null;
  return PORTS.every((p) => validPort(value[p.name])) ? Object.fromEntries(PORTS.map((p) => [p.name, value[p.name]])) : null;
}

/** Where the search for each port starts: the ports this checkout used last (a restart keeps them), else KDG_*_PORT, else the default. */
export function preferredPorts(recorded, env) {
  return Object.fromEntries(
    PORTS.map((p) => {
      const fromEnv = Number(env[p.env]);
      return [p.name, recorded?.[p.name] ?? (validPort(fromEnv) ? fromEnv : p.default)];
    }),
  );
}

/**
 * For each component, the first port from its preferred one that isFree(port) accepts and that neither another
 * checkout has claimed (claimed) nor another component here took. Searches `span` ports upwards.
 */
export async function choosePorts(preferred, { isFree, claimed = [], span = 100 }) {
  const taken = new Set(claimed);
  const chosen = {};
  for (const { name } of PORTS) {
    const start = preferred[name];
    for (let port = start; port < Math.min(start + span, 65536) && chosen[name] === undefined; port++) {
      if (!taken.has(port) && (await isFree(port))) chosen[name] = port;
    }
    if (chosen[name] === undefined) throw new Error(`no free port for ${name} in 127.0.0.1:${start}-${start + span - 1}`);
    taken.add(chosen[name]);
  }
  return chosen;
}

/**
 * The ports of a cluster started before they were recorded, from its processes' own arguments (pids.json), so `up`
 * can still reuse it. Null when an argument is missing.
 */
export function portsFromArgs(pids) {
  const arg = (component, flag) => {
    const found = (pids[component]?.args ?? []).find((a) => a.startsWith(`${flag}=`));
    return found === undefined ? undefined : Number(/(\d+)$/.exec(found)?.[1]);
  };
  return parsePorts({
    apiserver: arg('kube-apiserver', '--secure-port'),
    etcdClient: arg('etcd', '--listen-client-urls'),
    etcdPeer: arg('etcd', '--listen-peer-urls'),
    kubelet: arg('kubelet-events', '--port'),
  });
}

/** The ports recorded for this checkout's cluster, or null when there are none (never started, or down). */
export function recordedPorts(file = paths.ports) {
  try {
    return parsePorts(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function recordPorts(ports, file = paths.ports) {
  fs.writeFileSync(file, JSON.stringify(ports, null, 2) + '\n');
}

/** The recorded ports, or an error that says what to do. */
export function clusterPorts() {
  const ports = recordedPorts();
  if (!ports) throw new Error(`${paths.ports} is missing: the test cluster of this checkout is not up (npm run cluster:up)`);
  return ports;
}
