// Builds with esbuild: the ucwa-tray CLI (plain Node), the Electron main process and the preload.
// The renderer joins this build when its pages exist.
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
// The Electron main process (ESM, like the package); Electron and the runtime dependencies stay external.
await build({
  entryPoints: { 'main/index': 'src/main/index.ts' },
  outdir: 'out',
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  format: 'esm',
  sourcemap: true,
  external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
  logLevel: 'warning',
});
console.log('built out/cli/ucwa-tray.mjs, out/preload/index.cjs and out/main/index.js');
