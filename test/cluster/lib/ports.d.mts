// Types of ports.mjs for the TypeScript unit tests.
export type PortName = 'apiserver' | 'etcdClient' | 'etcdPeer' | 'kubelet';
export type ClusterPorts = Record<PortName, number>;
export const PORTS: { name: PortName; default: number; env: string }[];
export function parsePorts(value: unknown): ClusterPorts | null;
export function preferredPorts(recorded: ClusterPorts | null, env: Record<string, string | undefined>): ClusterPorts;
export function choosePorts(
  preferred: ClusterPorts,
  options: { isFree: (port: number) => Promise<boolean>; claimed?: number[]; span?: number },
): Promise<ClusterPorts>;
export function portsFromArgs(pids: Record<string, { args?: string[] }>): ClusterPorts | null;
export function recordedPorts(file?: string): ClusterPorts | null;
export function recordPorts(ports: ClusterPorts, file?: string): void;
export function clusterPorts(): ClusterPorts;
