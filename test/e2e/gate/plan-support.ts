// What the plan's end-to-end tests share: the CLI run in-process (plan and deploy, JSON out), manifests as users
// write them, and the proof that a plan writes nothing: every object's resourceVersion in the namespace before and
// after, and the API server's audit log, where every write the gate sent during the plan must carry dryRun=All.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../../src/cli.js';
import type { DeployResult } from '../../../src/model.js';
import type { PlanResult } from '../../../src/plan/types.js';
import type { KubeClient } from '../../../src/kube/client.js';
import { clusterDir } from '../support/kube.js';
import { kubeconfigPath } from './harness.js';

export const SCENARIO = 'kwok.kube-deploy-gate.dev/scenario';

export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** `namespace` null: the manifests name their namespaces themselves. */
export async function plan(
  dir: string,
  namespace: string | null,
  extra: string[] = [],
): Promise<{ code: number; plan: PlanResult; stderr: string }> {
  const ns = namespace ? ['-n', namespace] : [];
  const r = await cli(['plan', '-f', dir, ...ns, '--kubeconfig', kubeconfigPath, '-o', 'json', ...extra]);
  return { code: r.code, plan: JSON.parse(r.stdout) as PlanResult, stderr: r.stderr };
}

export async function deploy(
  dir: string,
  namespace: string,
  timeout: string,
  extra: string[] = [],
): Promise<{ code: number; result: DeployResult }> {
  const r = await cli(['deploy', '-f', dir, '-n', namespace, '--kubeconfig', kubeconfigPath, '--timeout', timeout, '-o', 'json', ...extra]);
  return { code: r.code, result: JSON.parse(r.stdout) as DeployResult };
}

export interface Shape {
  replicas?: number;
  scenario?: string;
  image?: string;
  podSpec?: Record<string, unknown>;
  container?: Record<string, unknown>;
}

/** A Deployment as users write it: no probe, minReadySeconds 0, the default strategy. */
export function deployment(name: string, s: Shape = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: s.replicas ?? 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: s.scenario ? { [SCENARIO]: s.scenario } : undefined },
        spec: { ...s.podSpec, containers: [{ name: 'app', image: s.image ?? 'ghcr.io/acme/app:1.0.0', ...s.container }] },
      },
    },
  };
}

export function yamlOf(...objects: unknown[]): string {
  return objects.map((o) => JSON.stringify(o, null, 2)).join('\n---\n');
}

const KINDS: [string, string][] = [
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['v1', 'ServiceAccount'],
  ['v1', 'Pod'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'ResourceQuota'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'ControllerRevision'],
];

/** "Kind/name" -> resourceVersion of every object of these kinds in the namespace (events aside: controllers write them). */
export async function resourceVersions(client: KubeClient, namespace: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [apiVersion, kind] of KINDS) {
    for (const o of await client.list(apiVersion, kind, namespace))
      out.set(`${kind}/${o.metadata?.name}`, o.metadata?.resourceVersion ?? '');
  }
  return out;
}

const auditLog = path.join(clusterDir, 'logs', 'audit.log');

/** Where the audit log ends now: the writes after this point are the ones a run made. */
export function auditMark(): number {
  return fs.statSync(auditLog).size;
}

interface AuditEvent {
  verb: string;
  requestURI: string;
  userAgent?: string;
  objectRef?: { resource?: string; namespace?: string };
  stage: string;
}

/** The write requests the gate sent since the mark, in the namespace (or about it). */
export function gateWritesSince(mark: number, namespace: string): AuditEvent[] {
  const fd = fs.openSync(auditLog, 'r');
  const size = fs.fstatSync(fd).size;
  const buffer = Buffer.alloc(size - mark);
  fs.readSync(fd, buffer, 0, buffer.length, mark);
  fs.closeSync(fd);
  return buffer
    .toString('utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as AuditEvent)
    .filter(
      (e) =>
        e.stage === 'ResponseComplete' &&
        e.userAgent === 'kube-deploy-gate' &&
        ['create', 'patch', 'update', 'delete', 'deletecollection'].includes(e.verb) &&
        (e.objectRef?.namespace === namespace || e.requestURI.includes(`/namespaces/${namespace}`)),
    );
}

/** The plan wrote nothing: same objects, same resourceVersions, and every write it sent was a dry run. */
export async function expectNothingWritten(
  client: KubeClient,
  namespace: string,
  before: Map<string, string>,
  mark: number,
): Promise<void> {
  expect(Object.fromEntries(await resourceVersions(client, namespace))).toEqual(Object.fromEntries(before));
  const writes = gateWritesSince(mark, namespace);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.filter((w) => !w.requestURI.includes('dryRun=All'))).toEqual([]);
}

/** (workload, category) of each finding, sorted, to compare a plan's predictions with a deploy's findings. */
export function categoriesOf(findings: { workload: string; category: string }[]): string[] {
  return [...new Set(findings.map((f) => `${f.workload} ${f.category}`))].sort();
}
