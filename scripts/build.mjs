// Builds what runs in plain Node (the ucwa-tray CLI) with esbuild.
// The Electron app (main, preload, renderer) is built by electron-vite once those entries exist.
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
console.log('built out/cli/ucwa-tray.mjs');
