// What the gate's end-to-end tests share: a client for the test cluster, a fresh namespace per test, manifests
// written to a temp folder, and runGate with the test cluster's kubeconfig.
import fs from 'node:fs';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll } from 'vitest';
import { KubeClient } from '../../../src/kube/client.js';
import { parseInputs } from '../../../src/inputs.js';
import { runGate, type GateRun } from '../../../src/gate.js';
import { clusterDir } from '../support/kube.js';
import { tempDir } from '../../support/temp-dir.js';
import type { TraceSource } from '../../../src/apply/trace.js';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const kubeconfigPath = path.join(clusterDir, 'kubeconfig');

export function testClient(): KubeClient {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  return new KubeClient(kc);
}

let counter = 0;
export async function freshNamespace(client: KubeClient, prefix: string): Promise<string> {
  const name = `${prefix}-${process.pid % 10000}-${Date.now() % 100000}-${counter++}`;
  await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, 'e2e', true);
  return name;
}

/**
 * A namespace made before a file's tests and deleted after them. Register it before the file's other hooks: its
 * afterAll then runs last (vitest runs after-hooks in reverse), once whatever used the namespace has stopped.
 */
export function useNamespace(client: KubeClient, prefix: string): { readonly name: string } {
  const namespace = { name: '' };
  beforeAll(async () => {
    namespace.name = await freshNamespace(client, prefix);
  });
  afterAll(async () => {
    await deleteNamespace(client, namespace.name);
  });
  return namespace;
}

export async function deleteNamespace(client: KubeClient, name: string): Promise<void> {
  await client.delete('v1', 'Namespace', undefined, name).catch(() => {});
}

export function writeManifests(files: Record<string, string>): string {
  const dir = tempDir('kdg-e2e');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export interface RunOptions {
  manifests: string[];
  namespace: string;
  timeout?: string;
  extra?: Record<string, string>;
  signal?: AbortSignal;
  /** What the shell would know about the run (the Action's GitHub context): the workloads' change-cause. */
  trace?: TraceSource;
}

export async function gate(opts: RunOptions): Promise<GateRun & { log: string[] }> {
  const log: string[] = [];
  const values: Record<string, string> = {
    manifests: opts.manifests.join('\n'),
    namespace: opts.namespace,
    timeout: opts.timeout ?? '60s',
    'kubeconfig-file': kubeconfigPath,
    ...opts.extra,
  };
  const inputs = parseInputs((name) => values[name]);
  const run = await runGate(inputs, { log: (l) => log.push(l), signal: opts.signal, trace: opts.trace });
  return { ...run, log };
}

export function deployment(
  name: string,
  opts: { image?: string; replicas?: number; annotations?: Record<string, string>; cpu?: string; progressDeadlineSeconds?: number } = {},
): string {
  const template: any = {
    metadata: { labels: { app: name }, annotations: opts.annotations },
    spec: {
      containers: [
        { name: 'app', image: opts.image ?? 'ghcr.io/acme/app:1.0.0', resources: opts.cpu ? { requests: { cpu: opts.cpu } } : undefined },
      ],
    },
  };
  return JSON.stringify(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas: opts.replicas ?? 2,
        progressDeadlineSeconds: opts.progressDeadlineSeconds,
        selector: { matchLabels: { app: name } },
        template,
      },
    },
    null,
    2,
  );
}
