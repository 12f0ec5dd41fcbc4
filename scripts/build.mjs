// Builds with esbuild: the ucwa-tray CLI (plain Node), the Electron main process, the preload and
// the renderer (one page per window, each with its strict Content-Security-Policy).
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { keysUsedBy, precompiledCatalogs } from './window-catalogs.mjs';

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
// The web dev host (development and browser tests; never packaged: electron-builder.yml's files list leaves out out/dev).
await bundle('dev/web-host', 'src/dev/main.ts', 'esm', '.mjs', [...dependencies, 'ws']);
// The Electron main process is ESM, like the package. esbuild drops comments, so the bundle cannot
// keep src's per-line Electronegativity review notes: it names the reviewed checks once at the top
// (npm run security:electron scans src too, where every occurrence must carry its own note).
await bundle('main/index', 'src/main/index.ts', 'esm', '.js', ['electron', ...dependencies], {
  banner: { js: '// eng-disable OPEN_EXTERNAL_JS_CHECK PROTOCOL_HANDLER_JS_CHECK (reviewed in src, see scripts/build.mjs)' },
});

// The renderer: one ES module per page plus chunks shared between pages (Preact, signals, the
// common components), so each window loads that code once from disk and it is counted once, not
// bundled into every page. Pages load over app:// (a standard, secure scheme: same origin as their
// chunks) or the web dev host; both serve .js as text/javascript, as module scripts require.
// Preact's JSX, minified. Pages are generated so every one carries the same CSP.
const PAGES = { popup: 'UCWA Tray', chat: 'Chat', settings: 'Settings', 'sign-in': 'Sign in', 'quick-reply': 'Reply' };
// The page template lives in TypeScript (src/shared/page-html.ts) so tests share it; load it here.
const pageModule = await build({ entryPoints: ['src/shared/page-html.ts'], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
const { pageHtml } = await import(`data:text/javascript;base64,${Buffer.from(pageModule.outputFiles[0].text).toString('base64')}`);
await rm('out/renderer', { recursive: true, force: true });
await mkdir('out/renderer', { recursive: true });
const rendererOptions = {
  entryPoints: Object.fromEntries(Object.keys(PAGES).map((page) => [page, `src/renderer/${page}/main.tsx`])),
  outdir: 'out/renderer',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  target: ['chrome120'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
};
// Twice: the first build tells which messages the pages name; the second ships only those.
const probe = await build({ ...rendererOptions, write: false, plugins: [precompiledCatalogs()] });
const rendererBuild = await build({ ...rendererOptions, plugins: [precompiledCatalogs(keysUsedBy(probe))] });
if (process.env.UCWA_BUILD_META) await writeFile(process.env.UCWA_BUILD_META, JSON.stringify(rendererBuild.metafile));
await copyFile('src/renderer/styles/app.css', 'out/renderer/app.css');
for (const [page, title] of Object.entries(PAGES)) await writeFile(`out/renderer/${page}.html`, pageHtml(page, title));
console.log('built out/cli/ucwa-tray.mjs, out/dev/web-host.mjs, out/preload/index.cjs, out/main/index.js and out/renderer/*.html');
