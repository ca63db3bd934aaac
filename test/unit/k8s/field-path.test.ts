import { describe, expect, it } from 'vitest';
import { parseFieldPath, readFieldPath, removeFieldPath, resolveFieldPath } from '../../../src/k8s/field-path.js';
import { readGoQuoted } from '../../../src/k8s/go-quote.js';

const deployment = {
  metadata: { annotations: { 'example.com/team': 'moon', example: 'short' }, labels: { app: 'api' } },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'sidecar', image: 'envoy:1' },
          { name: 'api', image: 'ghcr.io/acme/api:1', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] },
        ],
      },
    },
  },
  finalizers: ['a', 'b'],
};

describe('parseFieldPath (structured-merge-diff fieldpath.Path strings)', () => {
  it.each([
    [
      '.spec.replicas',
      [
        { kind: 'field', name: 'spec' },
        { kind: 'field', name: 'replicas' },
      ],
    ],
    [
      '.spec.template.spec.containers[name="api"].image',
      [
        { kind: 'field', name: 'spec' },
        { kind: 'field', name: 'template' },
        { kind: 'field', name: 'spec' },
        { kind: 'field', name: 'containers' },
        { kind: 'key', fields: { name: 'api' } },
        { kind: 'field', name: 'image' },
      ],
    ],
    [
      '.spec.ports[port=80,protocol="TCP"].targetPort',
      [
        { kind: 'field', name: 'spec' },
        { kind: 'field', name: 'ports' },
        { kind: 'key', fields: { port: 80, protocol: 'TCP' } },
        { kind: 'field', name: 'targetPort' },
      ],
    ],
    [
      '.metadata.finalizers[="x,y]"]',
      [
        { kind: 'field', name: 'metadata' },
        { kind: 'field', name: 'finalizers' },
        { kind: 'value', value: 'x,y]' },
      ],
    ],
    [
      '.args[2]',
      [
        { kind: 'field', name: 'args' },
        { kind: 'index', index: 2 },
      ],
    ],
    [
      '.items[name="a\\"b\\x41"]',
      [
        { kind: 'field', name: 'items' },
        { kind: 'key', fields: { name: 'a"bA' } },
      ],
    ],
    [
      '.x[on=true,off=false,none=null]',
      [
        { kind: 'field', name: 'x' },
        { kind: 'key', fields: { on: true, off: false, none: null } },
      ],
    ],
  ])('%s', (text, elements) => {
    expect(parseFieldPath(text)).toEqual(elements);
  });

  it.each(['spec', '.a[name="x"', '.a[name=]', '.a[name="x"}'])('refuses %s', (text) => {
    expect(() => parseFieldPath(text)).toThrow();
  });
});

describe('resolve, read and remove against an object', () => {
  const at = (text: string, obj: unknown = deployment) => resolveFieldPath(parseFieldPath(text), obj);

  it('joins dotted keys into the name the object has, the longest first', () => {
    expect(readFieldPath(deployment, at('.metadata.annotations.example.com/team'))).toEqual({ found: true, value: 'moon' });
    expect(readFieldPath(deployment, at('.metadata.annotations.example'))).toEqual({ found: true, value: 'short' });
  });

  it('selects list items by key and by value', () => {
    expect(readFieldPath(deployment, at('.spec.template.spec.containers[name="api"].image'))).toEqual({
      found: true,
      value: 'ghcr.io/acme/api:1',
    });
    expect(readFieldPath(deployment, at('.spec.template.spec.containers[name="api"].ports[containerPort=80,protocol="TCP"].name'))).toEqual(
      {
        found: true,
        value: 'http',
      },
    );
    expect(readFieldPath(deployment, at('.finalizers[="b"]'))).toEqual({ found: true, value: 'b' });
  });

  it('reads a field another object lacks as not found, resolving against the object that has it', () => {
    const path = at('.metadata.annotations.example.com/team');
    expect(readFieldPath({ metadata: { annotations: {} } }, path)).toEqual({ found: false, value: undefined });
    expect(readFieldPath({}, at('.spec.template.spec.containers[name="web"].image'))).toEqual({ found: false, value: undefined });
  });

  it('removes a field or a list item in place', () => {
    const copy = structuredClone(deployment);
    expect(removeFieldPath(copy, at('.spec.replicas', copy))).toBe(true);
    expect(copy.spec).not.toHaveProperty('replicas');
    expect(removeFieldPath(copy, at('.spec.template.spec.containers[name="sidecar"]', copy))).toBe(true);
    expect(copy.spec.template.spec.containers.map((c) => c.name)).toEqual(['api']);
    expect(removeFieldPath(copy, at('.spec.replicas', copy))).toBe(false);
  });
});

describe('readGoQuoted', () => {
  it.each([
    ['"plain"', 'plain'],
    ['"tab\\there"', 'tab\there'],
    ['"\\u00e9t\\u00e9"', 'été'],
    ['"\\101"', 'A'],
  ])('%s', (text, value) => {
    expect(readGoQuoted(text)).toEqual({ value, end: text.length });
  });
  it.each(['plain', '"open', '"bad \\q"'])('refuses %s', (text) => {
    expect(readGoQuoted(text)).toBeNull();
  });
});
