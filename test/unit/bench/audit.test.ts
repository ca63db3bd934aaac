import { describe, expect, it } from 'vitest';
import {
  classify,
  countRequests,
  describeCounts,
  firstRequestAt,
  parseAuditLine,
  parseAuditTimestamp,
  requestsOf,
  type AuditEvent,
} from '../../../bench/lib/audit.js';

const GATE = 'system:serviceaccount:kdg-bench-system:gate';
const KUBECTL = 'system:serviceaccount:kdg-bench-system:kubectl';

// The shape kube-apiserver writes at Metadata level (fields trimmed to what the bench reads, plus a few it ignores).
function line(o: {
  id: string;
  stage?: string;
  verb: string;
  uri: string;
  user?: string;
  at: string;
  resource?: string;
  namespace?: string;
  agent?: string;
}): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: o.id,
    stage: o.stage ?? 'ResponseComplete',
    requestURI: o.uri,
    verb: o.verb,
    user: { username: o.user ?? GATE, groups: ['system:serviceaccounts', 'system:authenticated'] },
    sourceIPs: ['127.0.0.1'],
    userAgent: o.agent ?? 'kube-deploy-gate',
    ...(o.resource ? { objectRef: { resource: o.resource, namespace: o.namespace, apiVersion: 'v1' } } : {}),
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: o.at,
    stageTimestamp: o.at,
  });
}

const T0 = Date.parse('2026-11-23T12:47:48Z');
const lines = [
  line({ id: 'a', verb: 'get', uri: '/version', at: '2026-11-23T12:47:48.100000Z' }),
  line({ id: 'b', verb: 'get', uri: '/apis/apps/v1', at: '2026-11-23T12:47:48.200000Z' }),
  line({
    id: 'c',
    verb: 'patch',
    uri: '/apis/apps/v1/namespaces/ns/deployments/web?fieldManager=kube-deploy-gate',
    at: '2026-11-23T12:47:48.300000Z',
    resource: 'deployments',
    namespace: 'ns',
  }),
  line({ id: 'd', verb: 'list', uri: '/api/v1/namespaces/ns/pods', at: '2026-11-23T12:47:48.400000Z', resource: 'pods', namespace: 'ns' }),
  line({
    id: 'e',
    stage: 'ResponseStarted',
    verb: 'watch',
    uri: '/api/v1/namespaces/ns/pods?watch=1',
    at: '2026-11-23T12:47:48.500000Z',
    resource: 'pods',
    namespace: 'ns',
  }),
  line({
    id: 'e',
    stage: 'ResponseComplete',
    verb: 'watch',
    uri: '/api/v1/namespaces/ns/pods?watch=1',
    at: '2026-11-23T12:47:48.500000Z',
    resource: 'pods',
    namespace: 'ns',
  }),
  line({
    id: 'f',
    verb: 'get',
    uri: '/apis/apps/v1/namespaces/ns/deployments/web',
    at: '2026-11-23T12:47:48.600000Z',
    resource: 'deployments',
    namespace: 'ns',
    user: KUBECTL,
    agent: 'kubectl/v1.37.2 (linux/amd64) kubernetes/$Format',
  }),
  line({
    id: 'g',
    verb: 'get',
    uri: '/apis/apps/v1/namespaces/ns/deployments/web',
    at: '2026-11-23T12:47:49.900000Z',
    resource: 'deployments',
    namespace: 'ns',
  }),
  '{"kind":"Event","apiVersion":"audit.k8s.io/v1","auditID":"h","stage":"Resp', // the line being written
];
const events = lines.map(parseAuditLine).filter((e): e is AuditEvent => e !== null);

describe('parseAuditTimestamp', () => {
  it.each([
    { text: '2026-11-23T12:47:48.360740Z', want: T0 + 360.74 },
    { text: '2026-11-23T12:47:48Z', want: T0 },
    { text: '2026-11-23T12:47:48.5Z', want: T0 + 500 },
  ])('$text keeps the microseconds', ({ text, want }) => {
    expect(parseAuditTimestamp(text)).toBeCloseTo(want, 6);
  });
});

describe('parseAuditLine', () => {
  it('reads what the bench counts by', () => {
    expect(parseAuditLine(lines[2])).toEqual({
      auditID: 'c',
      stage: 'ResponseComplete',
      verb: 'patch',
      requestURI: '/apis/apps/v1/namespaces/ns/deployments/web?fieldManager=kube-deploy-gate',
      userAgent: 'kube-deploy-gate',
      username: GATE,
      receivedMs: T0 + 300,
      resource: 'deployments',
      namespace: 'ns',
    });
  });

  it.each(['', '   ', 'not json', lines[lines.length - 1], '{"kind":"Status"}'])('skips %j', (text) => {
    expect(parseAuditLine(text)).toBeNull();
  });
});

describe('requestsOf and countRequests', () => {
  it.each([
    {
      name: 'the gate, whole window: a watch counts once',
      filter: { username: GATE, fromMs: T0, toMs: T0 + 2000 },
      want: ['a', 'b', 'c', 'd', 'e', 'g'],
    },
    { name: 'kubectl only', filter: { username: KUBECTL, fromMs: T0, toMs: T0 + 2000 }, want: ['f'] },
    { name: 'the window ends the run', filter: { username: GATE, fromMs: T0 + 250, toMs: T0 + 1000 }, want: ['c', 'd', 'e'] },
  ])('$name', ({ filter, want }) => {
    expect(requestsOf(events, filter).map((e) => e.auditID)).toEqual(want);
  });

  it('classifies discovery, writes and reads', () => {
    const gate = requestsOf(events, { username: GATE, fromMs: 0, toMs: Number.POSITIVE_INFINITY });
    expect(gate.map(classify)).toEqual(['discovery', 'discovery', 'write', 'list', 'watch', 'get']);
    const counts = countRequests(gate);
    expect(counts).toEqual({ total: 6, discovery: 2, write: 1, get: 1, list: 1, watch: 1 });
    expect(describeCounts(counts)).toBe('6 (discovery 2, get 1, write 1, list 1, watch 1)');
    expect(describeCounts(countRequests([]))).toBe('0');
  });
});

describe('firstRequestAt', () => {
  it.each([
    { user: GATE, from: T0, want: T0 + 100 },
    { user: GATE, from: T0 + 550, want: T0 + 1900 },
    { user: KUBECTL, from: T0, want: T0 + 600 },
    { user: GATE, from: T0 + 5000, want: null },
  ])('$user from +$from', ({ user, from, want }) => {
    const got = firstRequestAt(events, user, from);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 6);
  });
});
