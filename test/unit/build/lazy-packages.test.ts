// The bundle's lazy packages (scripts/bundle/lazy-packages.mjs): kept out of the main file, loaded from dist/lazy/
// on first use, and the real thing once loaded.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyPackages } from '../../../scripts/bundle/lazy-packages.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Bundles `source` as dist/ is bundled, with `packages` lazy; returns the output folder and the chunks written. */
async function bundle(source: string, packages: string[]) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-packages-'));
  outdirs.push(outdir);
  const lazy = lazyPackages(packages);
  const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node22', logLevel: 'silent' } as const;
  const { metafile } = await esbuild.build({
    ...common,
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    outfile: path.join(outdir, 'main.js'),
    format: 'cjs',
    plugins: [lazy.plugin],
    metafile: true,
  });
  const chunks = await lazy.writeChunks(outdir, [metafile], common);
  return { main: path.join(outdir, 'main.js'), chunks, load: createRequire(path.join(outdir, 'main.js')) };
}

const loaded = (file: string) => Object.keys(createRequire(import.meta.url).cache).some((k) => k.startsWith(file));

describe('lazy packages in the bundle', () => {
  it('leaves the package out of the main file and loads its chunk on first use, not at start', async () => {
    const { main, chunks, load } = await bundle(
      "import { JSONPath } from 'jsonpath-plus'; export const query = (json) => JSONPath({ path: '$.a[1]', json });",
      ['jsonpath-plus'],
    );
    expect(chunks).toEqual([expect.stringMatching(/^lazy\/jsonpath-plus-\d+\.\d+\.\d+\.js$/)]);
    expect(fs.statSync(main).size).toBeLessThan(4_000);
    const chunk = path.join(path.dirname(main), chunks[0]);
    const mod = load(main) as { query: (json: unknown) => unknown };
    expect(loaded(chunk)).toBe(false);
    expect(mod.query({ a: ['x', 'y'] })).toEqual(['y']);
    expect(loaded(chunk)).toBe(true);
  });

  it('hands out the real class, so new and instanceof behave as without the stand-in', async () => {
    const { chunks, main, load } = await bundle(
      "import { SocksProxyAgent } from 'socks-proxy-agent'; export const agent = () => new SocksProxyAgent('socks5://127.0.0.1:1080'); export { SocksProxyAgent };",
      ['socks-proxy-agent'],
    );
    const mod = load(main) as { agent: () => object; SocksProxyAgent: new (...args: unknown[]) => object };
    const agent = mod.agent();
    expect(agent).toBeInstanceOf(mod.SocksProxyAgent);
    expect(agent.constructor.name).toBe('SocksProxyAgent');
    expect(chunks).toHaveLength(1);
  });

  it('takes an ES-module-only package (exports with only `import`) by its import entry: @actions/github', async () => {
    const { main, chunks, load } = await bundle(
      "import { getOctokit } from '@actions/github'; export const client = () => getOctokit('ghs_x', { baseUrl: 'http://127.0.0.1:1' });",
      ['@actions/github'],
    );
    expect(chunks).toEqual([expect.stringMatching(/^lazy\/actions\+github-\d+\.\d+\.\d+\.js$/)]);
    expect(fs.statSync(main).size).toBeLessThan(4_000);
    const chunk = path.join(path.dirname(main), chunks[0]);
    const mod = load(main) as { client: () => { paginate: unknown; rest: { issues: { listComments: unknown } } } };
    expect(loaded(chunk)).toBe(false);
    const octokit = mod.client();
    expect(typeof octokit.rest.issues.listComments).toBe('function');
    expect(typeof octokit.paginate).toBe('function');
    expect(loaded(chunk)).toBe(true);
  });

  it('writes no chunk for an import that tree-shaking dropped', async () => {
    const { chunks } = await bundle("import { JSONPath } from 'jsonpath-plus'; export const unused = 1;", ['jsonpath-plus']);
    expect(chunks).toEqual([]);
  });

  it('leaves packages that are not on the list in the main file', async () => {
    const { chunks, main } = await bundle("import { JSONPath } from 'jsonpath-plus'; export const q = JSONPath;", ['socks']);
    expect(chunks).toEqual([]);
    expect(fs.statSync(main).size).toBeGreaterThan(20_000);
  });
});
