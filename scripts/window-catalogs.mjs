// The renderer's message catalogs, compiled at build time: pages ship Lingui's compiled messages and
// its small runtime, not the ICU parser (@lingui/message-utils) that compiles them in Node. Each
// language is a chunk of its own (src/renderer/catalogs/<locale>.ts) holding only the messages the
// pages name: a first build finds which keys the bundled pages contain, the final build ships those.
// Parts a window loads on demand (CATALOG_PARTS: the doctor's report) are chunks of their own too,
// one per language (src/renderer/catalogs/<part>/<locale>.ts), and left out of the catalog above.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const compiled = await build({
  stdin: {
    contents: "export { COMPILED_CATALOGS } from './src/shared/i18n/compiled-catalogs.ts'; export { CATALOG_PARTS, STAY_HOME, WORDED_FOR_MAIN, windowCatalog } from './src/shared/i18n/window-catalog.ts';",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const { COMPILED_CATALOGS, CATALOG_PARTS, STAY_HOME, WORDED_FOR_MAIN, windowCatalog } = await import(`data:text/javascript;base64,${Buffer.from(compiled.outputFiles[0].text).toString('base64')}`);

// src/renderer/catalogs/<locale>.ts (every window) or src/renderer/catalogs/<part>/<locale>.ts (on demand).
const CATALOG_MODULE = /[\\/]renderer[\\/]catalogs[\\/](?:(\w+)[\\/])?([\w-]+)\.ts$/;
const AREAS = [...new Set(Object.keys(COMPILED_CATALOGS.en).map((key) => key.split('.')[0]))];
const escaped = AREAS.join('|');
// A key put together at run time ("settings.language" + x, `errors.${code}`) cannot be found in
// the bundle; the typed t() makes that need a cast, and the build refuses it rather than ship a
// page with a missing message.
const BUILT_KEY = new RegExp(`["'\`](?:${escaped})\\.[\\w.]*(?:["']\\s*\\+|\\$\\{)`);

/**
 * Short names for the keys the pages name in their code (a, b, …, Z, aa, …; letters only, so a
 * name shown bare still reads as untranslated text): each key is written in a page's code and again
 * in every catalog chunk, in separate files that gzip apart, and the names are a tenth of their
 * length. Keys main sends for pages to word (WORDED_FOR_MAIN) keep their names: they arrive as data.
 */
function shortNames(keep) {
  const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const name = (i) => (i < LETTERS.length ? LETTERS[i] : name(Math.floor(i / LETTERS.length) - 1) + LETTERS[i % LETTERS.length]);
  const named = [...keep].filter((key) => !WORDED_FOR_MAIN.some((prefix) => key.startsWith(prefix))).sort();
  return new Map(named.map((key, i) => [key, name(i)]));
}

// A key as a whole string literal in source ('common.send', "common.send" or `common.send`).
const KEY_LITERAL = new RegExp(`(["'\`])((?:${escaped})\\.[\\w.]+)\\1`, 'g');

/**
 * The esbuild plugin: each catalog module becomes its compiled catalog, cut to `keep` if given; with
 * `keep`, the pages' code and the catalogs name those keys by their short names (shortNames).
 */
export function precompiledCatalogs(keep) {
  const short = keep === undefined ? new Map() : shortNames(keep);
  return {
    name: 'precompiled-catalogs',
    setup(plugin) {
      plugin.onLoad({ filter: CATALOG_MODULE }, ({ path }) => {
        const [, part, locale] = CATALOG_MODULE.exec(path);
        const catalog = COMPILED_CATALOGS[locale];
        if (catalog === undefined) return { errors: [{ text: `no catalog for ${locale} (${path})` }] };
        if (part !== undefined && !Object.hasOwn(CATALOG_PARTS, part)) return { errors: [{ text: `no catalog part ${part} (${path}); the parts are ${Object.keys(CATALOG_PARTS).join(', ')}` }] };
        const messages = Object.entries(windowCatalog(catalog, part)).filter(([key]) => keep === undefined || keep.has(key));
        return { contents: `export const catalog = ${JSON.stringify(Object.fromEntries(messages.map(([key, message]) => [short.get(key) ?? key, message])))};`, loader: 'js' };
      });
      if (short.size > 0) {
        plugin.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async ({ path }) => {
          const source = await readFile(path, 'utf8');
          const contents = source.replace(KEY_LITERAL, (literal, quote, key) => (short.has(key) ? `${quote}${short.get(key)}${quote}` : literal));
          return contents === source ? undefined : { contents, loader: path.endsWith('x') ? 'tsx' : 'ts' };
        });
      }
      // Nothing else in the pages may pull in every catalog (and the ICU parser with them).
      plugin.onLoad({ filter: /[\\/]shared[\\/]i18n[\\/]compiled-catalogs\.ts$/ }, ({ path }) => ({ errors: [{ text: `the renderer imports ${path} outside src/renderer/catalogs` }] }));
    },
  };
}

/**
 * The catalog keys the pages' code names (and WORDED_FOR_MAIN), from a build's output files and
 * metafile. Checks that the keys under an on-demand part's prefix (CATALOG_PARTS) which code loaded
 * with a page names (its entry and the chunks it imports statically, not those loaded on demand)
 * are exactly STAY_HOME, which keeps them in the catalog every window loads: the page shows them
 * before any part is asked for.
 */
export function keysUsedBy(result) {
  const outputs = result.metafile.outputs;
  const catalogChunks = new Set(
    Object.entries(outputs)
      .filter(([, output]) => Object.keys(output.inputs).some((input) => CATALOG_MODULE.test(input)))
      .map(([path]) => path),
  );
  // The pages are the entry points no code imports; a chunk loaded on demand is an entry point too.
  const onDemand = new Set(Object.values(outputs).flatMap((output) => output.imports.filter(({ kind }) => kind === 'dynamic-import').map(({ path }) => path)));
  const withPage = new Set(Object.entries(outputs).filter(([path, output]) => output.entryPoint !== undefined && !onDemand.has(path)).map(([path]) => path));
  for (const path of withPage) for (const { path: imported, kind } of outputs[path].imports) if (kind === 'import-statement' && outputs[imported] !== undefined) withPage.add(imported);
  const codeOf = (chunks) =>
    result.outputFiles
      .filter((file) => file.path.endsWith('.js') && !file.path.endsWith('.map') && [...chunks].some((chunk) => file.path.endsWith(chunk)))
      .map((file) => file.text)
      .join('\n');
  const code = codeOf(Object.keys(outputs).filter((path) => path.endsWith('.js') && !catalogChunks.has(path)));
  const pageCode = codeOf([...withPage].filter((path) => path.endsWith('.js') && !catalogChunks.has(path)));
  const built = BUILT_KEY.exec(code);
  if (built !== null) throw new Error(`the renderer builds a message key at run time (${built[0]}…): name each key whole, so the build can ship it`);
  const named = (text, key) => ['"', "'", '`'].some((quote) => text.includes(`${quote}${key}${quote}`));
  const keys = Object.keys(COMPILED_CATALOGS.en);
  const inPart = (key) => Object.values(CATALOG_PARTS).some((prefixes) => prefixes.some((prefix) => key.startsWith(prefix)));
  const withPageInPart = keys.filter((key) => inPart(key) && named(pageCode, key));
  const missing = withPageInPart.filter((key) => !STAY_HOME.has(key));
  const stale = [...STAY_HOME].filter((key) => !withPageInPart.includes(key));
  if (missing.length > 0 || stale.length > 0) {
    throw new Error(`STAY_HOME (src/shared/i18n/window-catalog.ts) must list the keys of on-demand parts that code loaded with a page names: add ${missing.join(', ') || 'none'}; remove ${stale.join(', ') || 'none'}`);
  }
  return new Set(keys.filter((key) => WORDED_FOR_MAIN.some((prefix) => key.startsWith(prefix)) || named(code, key)));
}
