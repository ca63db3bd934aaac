// Issue 22 item 18: an old Node is refused at start with the version it needs.
import { describe, expect, it } from 'vitest';
import { MIN_NODE_VERSION, nodeVersionProblem } from '../../src/node-version.js';

describe('nodeVersionProblem', () => {
  it.each(['22.19.0', '22.20.1', '24.0.0', 'v24.21.0', '30.1.2'])('%s is new enough', (v) => {
    expect(nodeVersionProblem(v)).toBeNull();
  });

  it.each(['20.20.2', '22.18.9', '18.0.0', 'v21.7.3'])('%s is refused with the version it needs', (v) => {
    expect(nodeVersionProblem(v)).toBe(
      `kube-deploy-gate needs Node.js ${MIN_NODE_VERSION} or newer, and this is Node.js ${v.replace(/^v/, '')}: install a newer Node (the Action runs on node24)`,
    );
  });

  it('agrees with package.json engines', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_VERSION.replace(/\.0$/, '')}`);
  });
});
