// `diagnose --from-file DUMP`: the pure diagnosis over an offline dump.
import fs from 'node:fs';
import type { CliIO } from './process-io.js';
import { UserError } from '../errors.js';
import { checkFileSize } from '../yaml-limits.js';
import { diagnoseSnapshot, snapshotFromDump, renderFindingsText } from '../diagnose/index.js';
import { last, outputFormat, parseArgs } from './args.js';
import { attachSuspects } from '../diagnose/suspects.js';
import { templatePairsFromSnapshot } from './diagnose-suspects.js';
import { objectFindingsOfDump } from './diagnose-objects.js';
import type { KubeObject } from '../k8s/objects.js';

/** Far above a dump of a large cluster, far below what would exhaust memory while parsing. */
const MAX_DUMP_BYTES = 512 * 1024 * 1024;
const WORKLOAD_COLLECTIONS = ['deployments', 'statefulSets', 'daemonSets', 'jobs', 'replicaSets', 'replicationControllers'] as const;
const DUMP_COMMAND = 'dump with kubectl get pods,events,nodes,replicasets,deployments,statefulsets,daemonsets,jobs,pvc -A -o yaml';

export async function runDiagnoseCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: ['from-file', 'now', 'output'],
      booleans: [],
      aliases: { f: 'from-file', o: 'output' },
      positionalHint: 'pass the dump with --from-file DUMP.yaml',
    },
    'diagnose',
  );
  const file = last(args, 'from-file');
  if (!file) throw new UserError('diagnose needs --from-file DUMP.yaml');
  const nowText = last(args, 'now');
  const now = nowText ? new Date(nowText) : new Date();
  if (Number.isNaN(now.getTime())) throw new UserError(`--now must be an RFC3339 time such as 2026-11-23T12:00:00Z, not "${nowText}"`);
  let text: string;
  try {
    checkFileSize(file, fs.statSync(file).size, MAX_DUMP_BYTES, 'a dump');
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let snapshot;
  const others: KubeObject[] = [];
  try {
    snapshot = snapshotFromDump(text, others);
  } catch (e) {
    throw new UserError(`${file} is not a kubectl get -o yaml dump: ${(e as Error).message.split('\n')[0]}`);
  }
  const objectFindings = objectFindingsOfDump(others, snapshot, now);
  // Objects without a status (ConfigMaps, Secrets) have nothing to diagnose.
  const nothingElse = !others.some((o) => o.status !== undefined) && snapshot.pvcs.length === 0;
  if (snapshot.pods.length === 0 && WORKLOAD_COLLECTIONS.every((c) => snapshot[c].length === 0) && nothingElse) {
    throw new UserError(`${file} holds no pods and no workloads, so there is nothing to diagnose: ${DUMP_COMMAND}`);
  }
  const findings = [...attachSuspects(diagnoseSnapshot(snapshot, now), templatePairsFromSnapshot(snapshot)), ...objectFindings];
  if (outputFormat(args) === 'json') io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
  else if (findings.length) io.stdout(renderFindingsText(findings));
  else if (snapshot.pods.length === 0) io.stdout(`no findings, but ${file} holds no pods: to see the pods' state, ${DUMP_COMMAND}\n`);
  else io.stdout('no findings: every pod of the newest revisions is fine\n');
  return 0;
}
