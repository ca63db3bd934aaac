// The container logs KWOK's kubelet server hands to the apiserver (GET pods/log), one file per scenario in the CRI
// log format containerd writes ("<RFC3339Nano> <stream> F <line>"). The kubelet-events helper points each scenario
// pod's Logs object at the file of its scenario.
import fs from 'node:fs';
import path from 'node:path';
import { paths } from './paths.mjs';

const out = (line) => ['stdout', line];
const err = (line) => ['stderr', line];

/** Each scenario's log, oldest line first. The crashing container's log ends with the reason it stopped. */
export const SCENARIO_LOGS = {
  healthy: [out('Starting server on :8080'), out('Ready to accept connections')],
  crash: [
    out('Starting app version 1.4.2'),
    err('level=fatal msg="failed to load configuration" error="open /etc/app/config.yaml: no such file or directory"'),
  ],
  'crash-exit-0': [out('Nothing to do, exiting.')],
  oom: [out('Starting app version 1.4.2'), out('Loading product catalog into memory (2400000 items)...')],
  'start-error': [],
  liveness: [
    out('Starting server on :8080'),
    err('WARN worker pool exhausted (64/64 busy); requests to /healthz are queuing'),
  ],
  'not-ready': [
    out('Starting server on :8080'),
    err('ERROR readiness check failed: dial tcp 10.96.14.2:6379: connect: connection refused'),
  ],
  'init-crash': [err('/bin/sh: hello.sh: not found')],
  'init-slow': [
    out('waiting for db.default.svc.cluster.local:5432...'),
    out('waiting for db.default.svc.cluster.local:5432...'),
    out('waiting for db.default.svc.cluster.local:5432...'),
  ],
};

export const logFile = (name) => path.join(paths.state, 'container-logs', `${name}.log`);

export function writeContainerLogs(now = new Date()) {
  fs.mkdirSync(path.dirname(logFile('healthy')), { recursive: true });
  for (const [name, lines] of Object.entries(SCENARIO_LOGS)) {
    const text = lines.map(([stream, line], i) => {
      const t = new Date(now.getTime() - (lines.length - i) * 1000).toISOString().replace('Z', '000000Z');
      return `${t} ${stream} F ${line}\n`;
    }).join('');
    fs.writeFileSync(logFile(name), text);
  }
}
