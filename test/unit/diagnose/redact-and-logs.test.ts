import { describe, expect, it } from 'vitest';
import { logSourceFor, redactSecrets, withLogs } from '../../../src/diagnose/index.js';
import type { Finding } from '../../../src/model.js';

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', 'Authorization: [REDACTED]'],
    ['curl -H "authorization: Basic dXNlcjpwYXNz" https://api', 'curl -H "authorization: [REDACTED]" https://api'],
    ['calling api with bearer abcdefghijklmnop1234', 'calling api with bearer [REDACTED]'],
    [
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U expired',
      'token [REDACTED] expired',
    ],
    ['connecting to postgres://app:s3cr3t@db:5432/shop', 'connecting to postgres://app:[REDACTED]@db:5432/shop'],
    ['DB_PASSWORD=hunter2 LEVEL=info', 'DB_PASSWORD=[REDACTED] LEVEL=info'],
    ['{"password": "hunter2", "user": "app"}', '{"password": "[REDACTED]", "user": "app"}'],
    ['api_key: 12345abcdef', 'api_key: [REDACTED]'],
    ['using AKIAIOSFODNN7EXAMPLE for s3', 'using [REDACTED] for s3'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [REDACTED]'],
    ['pushing with ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'pushing with [REDACTED]'],
    ['GET /healthz 200 12ms', 'GET /healthz 200 12ms'],
  ])('%s', (line, expected) => expect(redactSecrets([line])).toEqual([expected]));

  it('drops a private key block spanning lines', () => {
    expect(
      redactSecrets([
        'loading key',
        '-----BEGIN RSA PRIVATE KEY-----',
        'MIIEowIBAAKCAQEA',
        'abcd',
        '-----END RSA PRIVATE KEY-----',
        'done',
      ]),
    ).toEqual(['loading key', '[REDACTED]', 'done']);
  });
});

const finding = (over: Partial<Finding>): Finding => ({
  category: 'crash-loop',
  fatal: true,
  workload: 'Deployment/shop/web',
  pod: 'web-a',
  container: 'app',
  node: 'worker-1',
  reason: 'CrashLoopBackOff',
  message: 'Container app keeps crashing with exit code 1 (general application error); restarted 3 times',
  exitCode: 1,
  restarts: 3,
  hint: 'h',
  events: [],
  logTail: [],
  count: '1/1 pods',
  suspectedChange: null,
  ...over,
});

describe('logs for a finding', () => {
  it.each([
    [finding({}), { namespace: 'shop', pod: 'web-a', container: 'app', previous: true }],
    [finding({ category: 'oom-killed' }), { namespace: 'shop', pod: 'web-a', container: 'app', previous: true }],
    [finding({ category: 'readiness-probe-failing', restarts: 0 }), { namespace: 'shop', pod: 'web-a', container: 'app', previous: false }],
    [finding({ category: 'exited-nonzero', restarts: 0 }), { namespace: 'shop', pod: 'web-a', container: 'app', previous: false }],
    [finding({ category: 'image-not-found' }), null],
    [finding({ category: 'unschedulable-resources', container: null }), null],
    [finding({ category: 'quota-exceeded', pod: null, container: null }), null],
  ])('%#', (f, source) => expect(logSourceFor(f)).toEqual(source));

  it('attaches the last 25 redacted lines and quotes the last one in a crash message', () => {
    const lines = [...Array.from({ length: 30 }, (_, i) => `line ${i}`), 'password=hunter2', 'Error: cannot connect to db:5432'];
    const out = withLogs(finding({}), lines);
    expect(out.logTail).toHaveLength(25);
    expect(out.logTail).toContain('password=[REDACTED]');
    expect(out.message).toMatch(/\(last log line: Error: cannot connect to db:5432\)$/);
  });

  it('an exec format error in the logs refines the category', () => {
    const out = withLogs(finding({ exitCode: 255 }), ['exec /usr/local/bin/web: exec format error']);
    expect(out.category).toBe('exec-format-error');
    expect(out.hint).toMatch(/buildx/);
  });

  it("an init container exiting 127 gets the shell's complaint", () => {
    const out = withLogs(
      finding({
        category: 'init-container-failed',
        container: 'init-db',
        exitCode: 127,
        message: 'Init container init-db failed with exit code 127 (command not found); restarted 2 times',
      }),
      ['sh: hello.sh: not found'],
    );
    expect(out.message).toBe(
      'Init container init-db failed with exit code 127 (command not found); restarted 2 times (last log line: sh: hello.sh: not found)',
    );
  });
});
