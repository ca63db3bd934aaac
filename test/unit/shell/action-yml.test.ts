// action.yml is what the runner reads: it must be valid YAML (a plain scalar with ": " in it is not), and declare
// every input the engine reads, so `with:` never warns "Unexpected input".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { parseInputs } from '../../../src/inputs.js';

const file = path.resolve(import.meta.dirname, '..', '..', '..', 'action.yml');

describe('action.yml', () => {
  it('parses without errors', () => {
    expect(parseDocument(fs.readFileSync(file, 'utf8')).errors.map((e) => e.message)).toEqual([]);
  });

  it('declares every input parseInputs reads, except the CLI-only kubeconfig-file', () => {
    const read = new Set<string>();
    parseInputs((name) => {
      read.add(name);
      return name === 'manifests' ? 'k8s/' : undefined;
    });
    read.delete('kubeconfig-file');
    const declared = Object.keys(parse(fs.readFileSync(file, 'utf8')).inputs);
    expect([...read].filter((name) => !declared.includes(name))).toEqual([]);
    expect(declared).toEqual(expect.arrayContaining(['conflicts', 'force-conflicts', 'annotate', 'respect-hpa', 'change-cause']));
  });
});
