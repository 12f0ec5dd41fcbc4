// Builds with esbuild what exists so far: the ucwa-tray CLI (plain Node) and the preload.
// The Electron main process and the renderer join this build when their entries exist.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { 'cli/ucwa-tray': 'src/cli/main.ts' },
  outdir: 'out',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  format: 'esm',
  sourcemap: true,
  // Runtime dependencies stay in node_modules; only our code is bundled.
  external: Object.keys(pkg.dependencies ?? {}),
  define: { __UCWA_TRAY_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
// A sandboxed preload must be one CommonJS file; electron is provided by the runtime.
await build({
  entryPoints: { 'preload/index': 'src/preload/index.ts' },
  outdir: 'out',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
});
console.log('built out/cli/ucwa-tray.mjs and out/preload/index.cjs');
