// `status --from-file OBJ`: kubectl rollout status rules on one object, offline.
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { CliIO } from './process-io.js';
import { UserError } from '../errors.js';
import { documentToJS } from '../yaml-limits.js';
import type { KubeObject } from '../k8s/objects.js';
import { rolloutStatus } from '../watch/status/index.js';
import { last, outputFormat, parseArgs } from './args.js';

export async function runStatusCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: ['from-file', 'revision', 'output'],
      booleans: [],
      aliases: { f: 'from-file', o: 'output' },
      positionalHint: 'pass the object with --from-file OBJ.yaml',
    },
    'status',
  );
  const file = last(args, 'from-file');
  if (!file) throw new UserError('status needs --from-file OBJ.yaml|json');
  const revisionText = last(args, 'revision');
  const revision = revisionText === undefined ? undefined : Number(revisionText);
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 0))
    throw new UserError(`--revision must be a whole number, not "${revisionText}"`);
  const obj = readOneObject(file);
  const status = rolloutStatus(obj, revision);
  if (outputFormat(args) === 'json') io.stdout(`${JSON.stringify({ done: status.done, message: status.message, error: status.error })}\n`);
  else io.stdout(`${status.error ? `error: ${status.error}` : status.message}\n`);
  return 0;
}

export function readOneObject(file: string): KubeObject {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const docs = parseAllDocuments(text).filter((d) => d.contents !== null);
  const bad = docs.find((d) => d.errors.length);
  if (bad) throw new UserError(`invalid YAML in ${file}: ${bad.errors[0].message.split('\n')[0]}`);
  if (docs.length !== 1) throw new UserError(`${file} must hold exactly one object, not ${docs.length}`);
  const obj = documentToJS(docs[0], file) as KubeObject | null;
  if (typeof obj !== 'object' || obj === null || typeof obj.kind !== 'string')
    throw new UserError(`${file} is not a Kubernetes object (no kind)`);
  return obj;
}
