// Builds with esbuild: the ucwa-tray CLI (plain Node), the Electron main process and the preload.
// The renderer joins this build when its pages exist.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
// Runtime dependencies stay in node_modules (and in the packaged app); only our code is bundled.
const dependencies = Object.keys(pkg.dependencies ?? {});

/** One bundle: `name` under out/, from `entry`, as ESM or CommonJS. */
function bundle(name, entry, format, extension, external, extra = {}) {
  return build({
    entryPoints: { [name]: entry },
    outdir: 'out',
    outExtension: { '.js': extension },
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    format,
    sourcemap: format === 'esm',
    external,
    logLevel: 'warning',
    ...extra,
  });
}

await bundle('cli/ucwa-tray', 'src/cli/main.ts', 'esm', '.mjs', dependencies, { define: { __UCWA_TRAY_VERSION__: JSON.stringify(pkg.version) } });
// A sandboxed preload must be one CommonJS file; electron is provided by the runtime.
await bundle('preload/index', 'src/preload/index.ts', 'cjs', '.cjs', ['electron']);
// The Electron main process is ESM, like the package.
await bundle('main/index', 'src/main/index.ts', 'esm', '.js', ['electron', ...dependencies]);
console.log('built out/cli/ucwa-tray.mjs, out/preload/index.cjs and out/main/index.js');
