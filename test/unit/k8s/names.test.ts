// Issue 22 items 5, 6, 16: names are checked with the API server's rules before the first write, no name can walk the
// request path, and wrong-typed fields are called wrong-typed, not missing.
import { describe, expect, it } from 'vitest';
import { apiVersionProblem, nameProblem, nameRuleOf, namespaceProblem } from '../../../src/k8s/names.js';
import { resourcePath } from '../../../src/kube/discovery.js';
import { parseManifest } from '../../../src/apply/parse.js';

describe('nameProblem', () => {
  it.each([
    ['Deployment', 'web'],
    ['Deployment', 'web.v2'],
    ['ConfigMap', 'a'.repeat(253)],
    ['Namespace', 'team-a'],
    ['Service', 'web'],
    ['ClusterRole', 'system:controller:web'],
    ['RoleBinding', 'Read-Only'],
    ['Widget', 'Any_Name:1'],
  ])('%s %s is valid', (kind, name) => {
    expect(nameProblem(kind, name)).toBeNull();
  });

  it.each([
    ['Deployment', 'Web', /lowercase RFC 1123 subdomain/],
    ['Deployment', 'web_1', /lowercase RFC 1123 subdomain/],
    ['Deployment', '-web', /lowercase RFC 1123 subdomain/],
    ['ConfigMap', 'a'.repeat(254), /at most 253 characters \(it has 254\)/],
    ['Namespace', 'team.a', /lowercase RFC 1123 label/],
    ['Namespace', 'a'.repeat(64), /at most 63 characters/],
    ['Service', '1web', /start with a letter/],
    ['CronJob', 'a'.repeat(53), /at most 52 characters for a CronJob/],
    ['ConfigMap', '..', /may not be ".."/],
    ['ClusterRole', '..', /may not be ".."/],
    ['Widget', '.', /may not be "."/],
    ['Widget', 'a/b', /may not contain "\/"/],
    ['Widget', 'a%2Fb', /may not contain "%"/],
  ])('%s %s: %s', (kind, name, problem) => {
    expect(nameProblem(kind, name)).toMatch(problem);
  });

  it.each(['v1', 'apps/v1', 'monitoring.coreos.com/v1beta1'])('apiVersion %s is valid', (v) => {
    expect(apiVersionProblem(v)).toBeNull();
  });

  it.each(['v1/../..', '../v1', 'apps/v1/x', 'Apps/v1', ''])('apiVersion %j is refused', (v) => {
    expect(apiVersionProblem(v)).toMatch(/must be "VERSION" or "GROUP\/VERSION"/);
  });
});

describe('resourcePath', () => {
  const configMaps = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true };

  it('encodes every segment', () => {
    expect(resourcePath(configMaps, 'shop', 'web:a b')).toBe('/api/v1/namespaces/shop/configmaps/web%3Aa%20b');
  });

  it.each([
    ['shop', '..', /ConfigMap name "\.\." cannot be used in a request path: it may not be "\.\."/],
    ['shop', '.', /may not be "\."/],
    ['shop', 'a/b', /may not contain "\/"/],
    ['shop', '%2F', /may not contain "%"/],
    ['shop', '', /must not be empty/],
    ['..', 'web', /namespace "\.\." cannot be used in a request path/],
  ])('refuses namespace %j name %j instead of requesting another URL', (ns, name, message) => {
    expect(() => resourcePath(configMaps, ns, name)).toThrow(message);
  });
});

describe('parseManifest checks shapes and names before anything is sent', () => {
  const doc = (body: string) => () => parseManifest('k8s/app.yaml', body);

  it.each([
    [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 12345}\n',
      /ConfigMap metadata.name must be a string, not the number 12345 \(quote it: name: "12345"\)/,
    ],
    ['apiVersion: v1\nkind: 42\nmetadata: {name: x}\n', /kind must be a string, not the number 42/],
    ['apiVersion: 1\nkind: ConfigMap\nmetadata: {name: x}\n', /apiVersion must be a string, not the number 1/],
    ['apiVersion: v1\nkind: ConfigMap\nmetadata: [x]\n', /ConfigMap metadata must be a mapping, not a list/],
    ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: 7}\n', /metadata.namespace must be a string, not the number 7/],
    [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: Shop}\n',
      /namespace "Shop" is invalid: it must be a lowercase RFC 1123 label/,
    ],
    [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ..}\n',
      /k8s\/app\.yaml, document 1 \(line 1\): ConfigMap name "\.\." is invalid: it may not be "\.\."/,
    ],
    ['apiVersion: v1\nkind: Secret\nmetadata: {name: "db%2Fcreds"}\n', /Secret name "db%2Fcreds" is invalid: it may not contain "%"/],
    [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: My_App}\n',
      /Deployment name "My_App" is invalid: it must be a lowercase RFC 1123 subdomain/,
    ],
    [
      'apiVersion: v1/../../x\nkind: ConfigMap\nmetadata: {name: x}\n',
      /apiVersion "v1\/\.\.\/\.\.\/x" must be "VERSION" or "GROUP\/VERSION"/,
    ],
  ])('%j', (body, message) => {
    expect(doc(body)).toThrow(message);
  });

  it('names the document of a bad name in the middle of a file', () => {
    const text = ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}', 'apiVersion: v1\nkind: Service\nmetadata: {name: 2web}'].join(
      '\n---\n',
    );
    expect(() => parseManifest('k8s/app.yaml', text)).toThrow(
      /k8s\/app\.yaml, document 2 \(line 5\): Service name "2web" is invalid: it must be a lowercase RFC 1123 label/,
    );
  });
});

describe('nameRuleOf and the rules per kind', () => {
  it.each([
    ['Namespace', 'dns-label'],
    ['Service', 'dns-1035-label'],
    ['Role', 'path-segment'],
    ['ClusterRole', 'path-segment'],
    ['RoleBinding', 'path-segment'],
    ['ClusterRoleBinding', 'path-segment'],
    ['Widget', 'path-segment'],
  ] as const)('%s: %s', (kind, rule) => {
    expect(nameRuleOf(kind)).toBe(rule);
  });

  it.each([
    'Pod',
    'ConfigMap',
    'Secret',
    'ServiceAccount',
    'PersistentVolumeClaim',
    'PersistentVolume',
    'Endpoints',
    'LimitRange',
    'ResourceQuota',
    'ReplicationController',
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'ReplicaSet',
    'Job',
    'CronJob',
    'Ingress',
    'IngressClass',
    'NetworkPolicy',
    'PodDisruptionBudget',
    'HorizontalPodAutoscaler',
    'StorageClass',
    'PriorityClass',
    'CustomResourceDefinition',
  ])('a %s name is a DNS subdomain', (kind) => {
    expect(nameRuleOf(kind)).toBe('dns-subdomain');
    expect(nameProblem(kind, 'Web')).toBe(
      "must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
    );
    expect(nameProblem(kind, 'web.v2')).toBeNull();
  });

  it.each([
    ['Namespace', '', 'must not be empty'],
    ['Widget', '', 'must not be empty'],
    ['Namespace', '1team', null],
    ['Namespace', 'a'.repeat(63), null],
    ['Namespace', 'a'.repeat(64), 'must be at most 63 characters (it has 64)'],
    [
      'Namespace',
      'team_a',
      "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', and start and end with a letter or digit",
    ],
    [
      'Service',
      '1web',
      "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', and start with a letter and end with a letter or digit",
    ],
    [
      'Service',
      'web_x',
      "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', and start with a letter and end with a letter or digit",
    ],
    [
      'Service',
      'web-',
      "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', and start with a letter and end with a letter or digit",
    ],
    ['Service', 'webshop', null],
    ['Service', 'w', null],
    ['Service', 'a'.repeat(64), 'must be at most 63 characters (it has 64)'],
    ['CronJob', 'a'.repeat(52), null],
    ['CronJob', 'a'.repeat(53), 'must be at most 52 characters for a CronJob (it has 53)'],
    ['Deployment', 'a'.repeat(53), null],
    ['ConfigMap', 'a'.repeat(253), null],
    ['Role', 'Any:Thing', null],
  ])('%s %j -> %j', (kind, name, problem) => {
    expect(nameProblem(kind, name)).toBe(problem);
  });

  it('checks namespaces as DNS labels', () => {
    expect(namespaceProblem('shop')).toBeNull();
    expect(namespaceProblem('Shop')).toBe(
      "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', and start and end with a letter or digit",
    );
    expect(namespaceProblem('')).toBe('must not be empty');
  });
});
