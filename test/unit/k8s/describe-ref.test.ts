// How the report and the dependency findings name an object to a person.
import { describe, expect, it } from 'vitest';
import { describeRef } from '../../../src/k8s/objects.js';

describe('describeRef', () => {
  it.each([
    [{ kind: 'Deployment', namespace: 'shop', name: 'api' }, 'Deployment shop/api'],
    [{ kind: 'Namespace', name: 'shop' }, 'Namespace shop'],
    [{ kind: 'Service', namespace: '', name: 'db' }, 'Service db'],
    [{ namespace: 'shop', name: 'api' }, 'object shop/api'],
    [{ kind: 'Secret', namespace: 'shop' }, 'Secret shop/'],
    [{}, 'object '],
  ])('%j reads %j', (ref, text) => {
    expect(describeRef(ref)).toBe(text);
  });
});
