import { describe, expect, it } from 'vitest';
import { parseFieldPath, readFieldPath, removeFieldPath, resolveFieldPath } from '../../../src/k8s/field-path.js';
import { goQuote, readGoQuoted } from '../../../src/k8s/go-quote.js';

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

describe('parseFieldPath errors name the place', () => {
  it.each([
    ['spec', 'unexpected "s" at 0 in spec'],
    ['.a[name="x', 'unterminated string at 8 in .a[name="x'],
    ['.a[name=]', 'unreadable value "" at 8 in .a[name=]'],
    ['.a[name=abc]', 'unreadable value "abc" at 8 in .a[name=abc]'],
    ['.a[="x"x]', 'expected ] at 7 in .a[="x"x]'],
    ['.a[name]', 'expected key=value at 3 in .a[name]'],
    ['.a[name="x"}', 'expected , or ] at 11 in .a[name="x"}'],
    ['.a[name="x";b=1]', 'expected , or ] at 11 in .a[name="x";b=1]'],
  ])('%s', (text, message) => {
    expect(() => parseFieldPath(text)).toThrow(new Error(message));
  });

  it.each([
    ['.a[=1]', [{ kind: 'value', value: 1 }]],
    ['.a[= 2 ]', [{ kind: 'value', value: 2 }]],
    ['.a[=-1.5]', [{ kind: 'value', value: -1.5 }]],
    ['.a[=null]', [{ kind: 'value', value: null }]],
    ['.a[12]', [{ kind: 'index', index: 12 }]],
    ['.a[1x=2]', [{ kind: 'key', fields: { '1x': 2 } }]],
    ['.a[port=80,name="x"]', [{ kind: 'key', fields: { port: 80, name: 'x' } }]],
    [
      '.a[x=1].b',
      [
        { kind: 'key', fields: { x: 1 } },
        { kind: 'field', name: 'b' },
      ],
    ],
    [
      '.a[0][1]',
      [
        { kind: 'index', index: 0 },
        { kind: 'index', index: 1 },
      ],
    ],
  ])('%s', (text, rest) => {
    expect(parseFieldPath(text)).toEqual([{ kind: 'field', name: 'a' }, ...rest]);
  });

  it('reads an empty field name between two dots and at the end', () => {
    expect(parseFieldPath('.a..b.')).toEqual([
      { kind: 'field', name: 'a' },
      { kind: 'field', name: '' },
      { kind: 'field', name: 'b' },
      { kind: 'field', name: '' },
    ]);
  });
});

describe('read and remove by index, by value and on the wrong shape', () => {
  const obj = () => ({
    a: ['x', 'y', 'z'],
    b: { c: 1 },
    items: [
      { name: 'one', port: 1 },
      { name: 'two', port: 2 },
    ],
  });
  const path = (text: string, reference: unknown = obj()) => resolveFieldPath(parseFieldPath(text), reference);

  it.each([
    ['.a[2]', { found: true, value: 'z' }],
    ['.a[3]', { found: false, value: undefined }],
    ['.a[="y"]', { found: true, value: 'y' }],
    ['.a[="w"]', { found: false, value: undefined }],
    ['.items[name="two",port=2].port', { found: true, value: 2 }],
    ['.items[name="two",port=1]', { found: false, value: undefined }],
    ['.b[0]', { found: false, value: undefined }],
    ['.b.c.d', { found: false, value: undefined }],
    ['.a.b', { found: false, value: undefined }],
    ['.missing', { found: false, value: undefined }],
  ])('read %s', (text, want) => {
    expect(readFieldPath(obj(), path(text))).toEqual(want);
  });

  it('reads the whole object at the empty path', () => {
    expect(readFieldPath(obj(), [])).toEqual({ found: true, value: obj() });
  });

  it.each([
    ['.a[1]', true, { a: ['x', 'z'] }],
    ['.a[="z"]', true, { a: ['x', 'y'] }],
    ['.a[5]', false, {}],
    ['.a[="w"]', false, {}],
    ['.items[name="one"]', true, { items: [{ name: 'two', port: 2 }] }],
    ['.b.c', true, { b: {} }],
    ['.b.d', false, {}],
    ['.b[0]', false, {}],
    ['.a.x', false, {}],
    ['.missing.x', false, {}],
  ])('remove %s -> %s', (text, removed, changed) => {
    const target = obj();
    expect(removeFieldPath(target, path(text))).toBe(removed);
    expect(target).toEqual({ ...obj(), ...changed });
  });

  it('removes nothing at the empty path', () => {
    const target = obj();
    expect(removeFieldPath(target, [])).toBe(false);
    expect(target).toEqual(obj());
  });

  it('resolves dotted names only where the object has them, the longest first, across several runs', () => {
    const reference = { m: { 'a.b.c': 1, 'a.b': { c: 2 }, x: { 'y.z': [{ 'k.l': 3 }] } } };
    expect(resolveFieldPath(parseFieldPath('.m.a.b.c'), reference)).toEqual([
      { kind: 'field', name: 'm' },
      { kind: 'field', name: 'a.b.c' },
    ]);
    expect(resolveFieldPath(parseFieldPath('.m.x.y.z[0].k.l'), reference)).toEqual([
      { kind: 'field', name: 'm' },
      { kind: 'field', name: 'x' },
      { kind: 'field', name: 'y.z' },
      { kind: 'index', index: 0 },
      { kind: 'field', name: 'k.l' },
    ]);
    // Without the object, every piece stays a name of its own.
    expect(resolveFieldPath(parseFieldPath('.m.a.b'), null)).toEqual([
      { kind: 'field', name: 'm' },
      { kind: 'field', name: 'a' },
      { kind: 'field', name: 'b' },
    ]);
    // A list is not a record: its dotted pieces are not joined.
    expect(resolveFieldPath(parseFieldPath('.m.a.b'), { m: [{ 'a.b': 1 }] })).toEqual([
      { kind: 'field', name: 'm' },
      { kind: 'field', name: 'a' },
      { kind: 'field', name: 'b' },
    ]);
  });
});

describe('readGoQuoted, every escape', () => {
  it.each([
    ['"\\a\\b\\f\\n\\r\\t\\v"', '\u0007\b\f\n\r\t\v'],
    ['"\\\\ \\" \\\'"', '\\ " \''],
    ['"\\x41\\x7a"', 'Az'],
    ['"\\U0001F600"', '😀'],
    ['"\\101\\060"', 'A0'],
    ['""', ''],
  ])('%s', (text, value) => {
    expect(readGoQuoted(text)).toEqual({ value, end: text.length });
  });

  it('stops at the closing quote and reports the index after it', () => {
    expect(readGoQuoted('x "ab" rest', 2)).toEqual({ value: 'ab', end: 6 });
    expect(readGoQuoted('x "ab" rest', 0)).toBeNull();
  });

  it.each(['"\\x4"', '"\\x4g"', '"\\xg1"', '"\\u00e"', '"\\12"', '"\\128"', '"\\9"', '"abc\\', '"\\x41', '"\\u00E9'])(
    'refuses %s',
    (text) => {
      expect(readGoQuoted(text)).toBeNull();
    },
  );
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['web', '"web"'],
    ['a b', '"a b"'],
    ['été', '"été"'],
    ['\u0007\b\f\n\r\t\v\\"', '"\\a\\b\\f\\n\\r\\t\\v\\\\\\""'],
    ["it's", '"it\'s"'],
    ['\u0000', '"\\x00"'],
    ['\u007f', '"\\x7f"'],
    ['\u0080', '"\\u0080"'],
    ['\u00a0', '"\\u00a0"'],
    ['\u200b', '"\\u200b"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['😀', '"😀"'],
  ])('%j -> %s', (value, quoted) => {
    expect(goQuote(value)).toBe(quoted);
    expect(readGoQuoted(quoted)).toEqual({ value, end: quoted.length });
  });
});
