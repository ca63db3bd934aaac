import type { BuildOptions, Metafile, Plugin } from 'esbuild';

export interface LazyPackages {
  plugin: Plugin;
  /** Bundles each chunk the main bundles still import after tree-shaking; returns their paths relative to outdir. */
  writeChunks(outdir: string, metafiles: Metafile[], options: BuildOptions): Promise<string[]>;
}

export function lazyPackages(packages: string[]): LazyPackages;
