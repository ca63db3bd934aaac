// Issue 22 items 3, 20, 21: the argv contract. Switches take true/false only, unknown flags and stray positional
// arguments are refused by name, and `deploy -o json` answers every mistake with exactly one JSON document.
import { describe, expect, it } from 'vitest';
import { parseArgs, type FlagSpec } from '../../../src/cli/args.js';
import { runCli } from '../../../src/cli.js';

const SPEC: FlagSpec = {
  values: ['filename', 'namespace', 'output'],
  booleans: ['rollback', 'force-conflicts'],
  aliases: { f: 'filename', n: 'namespace', o: 'output' },
  positionalHint: 'pass manifests with -f',
};

const parse = (args: string[], spec = SPEC) => parseArgs(args, spec, 'deploy');

describe('switches', () => {
  it.each([
    [['--rollback'], true],
    [['--rollback=true'], true],
    [['--rollback=false'], false],
    [['--no-rollback'], false],
    [['--rollback=false', '--rollback'], true],
  ])('%j sets rollback to %s', (args, value) => {
    expect(parse(args).booleans.get('rollback')).toBe(value);
  });

  it.each([
    [
      ['--force-conflicts=no'],
      /--force-conflicts=no: a switch is true or false \(--force-conflicts, --force-conflicts=true, --force-conflicts=false, or --no-force-conflicts\)/,
    ],
    [['--rollback=0'], /--rollback=0: a switch is true or false/],
    [['--rollback=FALSE'], /--rollback=FALSE: a switch is true or false/],
    [['--no-rollback=true'], /--no-rollback takes no value/],
    [['--rollback', 'no'], /--rollback takes no separate value: write --rollback=false/],
    [['--force-conflicts', 'true'], /--force-conflicts takes no separate value: write --force-conflicts=true/],
  ])('%j is refused', (args, message) => {
    expect(() => parse(args)).toThrow(message);
  });
});

describe('values', () => {
  it('accumulates repeated flags, with aliases and kubectl forms', () => {
    const r = parse(['-f', 'a.yaml', '--filename=b.yaml', '-f=c.yaml', '-fd.yaml', '-n', 'web']);
    expect(r.flags.get('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
    expect(r.flags.get('namespace')).toEqual(['web']);
  });

  it.each([
    [['--namespace'], /--namespace needs a value \(see deploy --help\)/],
    [['-n', '-f', 'x'], /-n needs a value, not the option "-f"/],
    [['--no-namespace'], /unknown option --no-namespace/],
    [['--dry-run'], /unknown option --dry-run \(see deploy --help\)/],
    [['--filenme', 'x'], /unknown option --filenme/],
    [['-x'], /unknown option -x/],
  ])('%j is refused', (args, message) => {
    expect(() => parse(args)).toThrow(message);
  });

  it('a value that starts with "-" is given with "="', () => {
    expect(parse(['--namespace=-odd']).flags.get('namespace')).toEqual(['-odd']);
  });
});

describe('positional arguments', () => {
  it('are refused by name with the hint of the command', () => {
    expect(() => parse(['k8s/app.yaml'])).toThrow(/unexpected argument "k8s\/app.yaml": pass manifests with -f \(see deploy --help\)/);
  });

  it('are taken up to the number the command allows', () => {
    const spec = { ...SPEC, positionals: 1 };
    expect(parse(['deployment/web'], spec).positional).toEqual(['deployment/web']);
    expect(() => parse(['deployment/web', 'extra'], spec)).toThrow(/unexpected argument "extra"/);
  });

  it('after "--" they are positional even when they look like flags', () => {
    expect(() => parse(['--', '--rollback'])).toThrow(/unexpected argument "--rollback"/);
  });
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('the commands', () => {
  it.each([
    [['deploy', 'k8s/app.yaml'], /deploy: unexpected argument "k8s\/app.yaml": pass manifests with -f, e.g. deploy -f k8s\/app.yaml/],
    [['diagnose', 'dump.yaml'], /unexpected argument "dump.yaml": pass the dump with --from-file DUMP.yaml/],
    [['status', 'obj.yaml'], /unexpected argument "obj.yaml": pass the object with --from-file OBJ.yaml/],
    [['undo', 'deployment/a', 'deployment/b'], /unexpected argument "deployment\/b": undo takes one KIND\/NAME/],
  ])('%j is refused with exit 2 and one line', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['deploy', '-o', 'json', '--dry-run'], /unknown option --dry-run/],
    [['deploy', '--output=json', '-f', 'x.yaml', 'k8s/app.yaml'], /unexpected argument "k8s\/app.yaml"/],
    [['deploy', '-o', 'json', '--rollback=no', '-f', 'x.yaml'], /--rollback=no: a switch is true or false/],
    [['deploy', '-ojson', '--timeout', '600h', '-f', 'x.yaml'], /input timeout: "600h" is longer than the gate can wait/],
    [
      ['deploy', '-o', 'json', '-f', 'x.yaml', '--summary-file', '/nonexistent/dir/summary.md'],
      /--summary-file .*the folder \/nonexistent\/dir does not exist or is not writable/,
    ],
  ])('deploy %j -o json prints exactly one JSON document with the error', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ verdict: 'error', workloads: [], findings: [], rollback: null });
    expect(doc.error).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a summary file that cannot be written after the run keeps the result: one JSON document, and the write error on stderr', async () => {
    const r = await cli(['deploy', '-o', 'json', '-f', '/nonexistent/app.yaml', '--summary-file', '/dev/full']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: 'error',
      error: expect.stringMatching(/manifest path "\/nonexistent\/app.yaml" does not exist/),
    });
    expect(r.stderr).toMatch(/could not write the summary file \/dev\/full: ENOSPC/);
  });
});
