// `diagnose --from-file DUMP`: the pure diagnosis over an offline dump.
import fs from 'node:fs';
import type { CliIO } from './process-io.js';
import { UserError } from '../errors.js';
import { diagnoseSnapshot, snapshotFromDump, renderFindingsText } from '../diagnose/index.js';
import { last, outputFormat, parseArgs } from './args.js';
import { attachSuspects } from '../diagnose/suspects.js';
import { templatePairsFromSnapshot } from './diagnose-suspects.js';

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
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let snapshot;
  try {
    snapshot = snapshotFromDump(text);
  } catch (e) {
    throw new UserError(`${file} is not a kubectl get -o yaml dump: ${(e as Error).message.split('\n')[0]}`);
  }
  const findings = attachSuspects(diagnoseSnapshot(snapshot, now), templatePairsFromSnapshot(snapshot));
  if (outputFormat(args) === 'json') io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
  else io.stdout(findings.length ? renderFindingsText(findings) : 'no findings: every pod of the newest revisions is fine\n');
  return 0;
}
