import { describe, expect, it } from 'vitest';
import { missingConfigIn } from '../../../src/diagnose/change/finding-config-refs.js';

describe('missingConfigIn reads the kubelet texts', () => {
  it.each([
    ['secret "db-creds" not found', [{ kind: 'Secret', name: 'db-creds' }]],
    ['configmap "app-config" not found', [{ kind: 'ConfigMap', name: 'app-config' }]],
    ['Error: configmap "app-config" not found', [{ kind: 'ConfigMap', name: 'app-config' }]],
    ["couldn't find key password in Secret shop/db-creds", [{ kind: 'Secret', name: 'db-creds', key: 'password' }]],
    ["couldn't find key level in ConfigMap shop/logging", [{ kind: 'ConfigMap', name: 'logging', key: 'level' }]],
    ['MountVolume.SetUp failed for volume "cfg" : configmap "api-files" not found', [{ kind: 'ConfigMap', name: 'api-files' }]],
    ['MountVolume.SetUp failed for volume "creds" : references non-existent secret key: password', [{ kind: 'Secret', key: 'password' }]],
    [
      'MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: app.yaml',
      [{ kind: 'ConfigMap', key: 'app.yaml' }],
    ],
    [
      'The Secret db-password the container references does not exist in namespace shop: secret "db-password" not found',
      [{ kind: 'Secret', name: 'db-password' }],
    ],
    [
      "The Secret db-creds has no key password: couldn't find key password in Secret shop/db-creds",
      [{ kind: 'Secret', name: 'db-creds', key: 'password' }],
    ],
    ['Back-off restarting failed container', []],
  ])('%s', (message, expected) => {
    expect(missingConfigIn({ message })).toEqual(expected);
  });

  it('reads the events too and lists each object once', () => {
    const found = missingConfigIn({
      message: 'CreateContainerConfigError',
      events: [{ message: 'Error: secret "db-creds" not found' }, { message: 'Error: secret "db-creds" not found' }],
    });
    expect(found).toEqual([{ kind: 'Secret', name: 'db-creds' }]);
  });
});
