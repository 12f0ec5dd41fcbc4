// Who may import what (docs: /work/shared/design.md §3, README "Layout"). dependency-cruiser resolves
// every import to the file it loads — static, type-only, dynamic import(), require() and
// process.getBuiltinModule() — so a relative path that reaches across a boundary is caught as
// surely as a package name. `npm run lint` runs it; test/unit/boundaries proves each rule bites.
// One thing no resolver sees is `createRequire(import.meta.url)('electron')`: node:module is
// therefore forbidden in src (rule no-hidden-require), and eslint.config.js flags any call that
// passes 'electron' as a string.

/** @param {string[]} folders */
const under = (...folders) => `^(?:${folders.join('|')})/`;
const npm = (...names) => `(?:^|/)node_modules/(?:${names.join('|')})/`;

// An import of electron that could not be resolved (a fixture without node_modules) still counts.
const ELECTRON = [npm('electron', 'electron-store'), '^electron(?:-store)?(?:/|$)'];
const ELECTRON_ADAPTERS = ['src/main/(?:ipc|windows|tray|notifications|settings|platform|diagnostics)/', '^src/main/index\\.ts$'];
const MAIN_FOLDERS = 'ucwa|session|history|doctor|logging|i18n|ipc|windows|tray|notifications|settings|platform|diagnostics|network';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src/shared is pure: other shared files, zod and the i18n library only (no node:, no electron, no DOM, no other src folder).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: [under('src/shared'), npm('zod', '@lingui/core', '@lingui/message-utils', '@babel/runtime')] },
    },
    {
      name: 'ucwa-plain-node',
      comment: 'The UCWA client runs in plain Node: shared, node:*, undici and zod only.',
      severity: 'error',
      from: { path: '^src/main/ucwa/' },
      to: { dependencyTypesNot: ['core'], pathNot: [under('src/main/ucwa', 'src/shared'), npm('undici', 'zod')] },
    },
    {
      name: 'session-plain-node',
      comment: 'The session service owns the client: ucwa, history, shared, node:*, undici and zod only.',
      severity: 'error',
      from: { path: '^src/main/session/' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: [under('src/main/session', 'src/main/ucwa', 'src/main/history', 'src/shared'), npm('undici', 'zod')],
      },
    },
    {
      name: 'history-plain-node',
      comment: 'The history store is files on disk: shared, node:* and zod only (it parses what it reads back).',
      severity: 'error',
      from: { path: '^src/main/history/' },
      to: { dependencyTypesNot: ['core'], pathNot: [under('src/main/history', 'src/shared'), npm('zod')] },
    },
    {
      name: 'doctor-plain-node',
      comment: 'The connection doctor runs in the CLI too: the client, shared, node:*, undici and zod only.',
      severity: 'error',
      from: { path: '^src/main/doctor/' },
      to: { dependencyTypesNot: ['core'], pathNot: [under('src/main/doctor', 'src/main/ucwa', 'src/shared'), npm('undici', 'zod')] },
    },
    {
      name: 'logging-plain-node',
      comment: 'The log file writer is a sink of the client logger: the client, shared, node:* only.',
      severity: 'error',
      from: { path: '^src/main/logging/' },
      to: { dependencyTypesNot: ['core'], pathNot: [under('src/main/logging', 'src/main/ucwa', 'src/shared')] },
    },
    {
      name: 'electron-only-in-adapters',
      comment: 'Only the Electron adapters (src/main/{ipc,windows,tray,notifications,settings,platform}), the composition root src/main/index.ts and the preload load electron.',
      severity: 'error',
      from: { pathNot: [...ELECTRON_ADAPTERS, '^src/preload/'] },
      to: { path: ELECTRON },
    },
    {
      name: 'plain-node-never-reaches-electron',
      comment: 'Nothing the CLI, the dev host, the simulator, the benchmarks or the plain-Node main folders (network included: Electron\'s session comes in as a port) load may pull electron in, not even through another module.',
      severity: 'error',
      from: { path: [under('src/cli', 'src/dev', 'src/simulator', 'bench'), '^src/main/(?:ucwa|session|history|doctor|logging|network)/'] },
      to: { path: ELECTRON, reachable: true },
    },
    {
      name: 'no-hidden-require',
      comment: 'createRequire() and node:module hide what is loaded from this rule set: not in src.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'], path: '^(?:node:)?module$' },
    },
    {
      name: 'main-adapters-stay-in-main',
      comment: 'The Electron adapters and the composition root use electron, main and shared: never the renderer, the preload, the simulator, the CLI or the dev host.',
      severity: 'error',
      from: { path: ELECTRON_ADAPTERS },
      to: { path: under('src/renderer', 'src/preload', 'src/simulator', 'src/cli', 'src/dev') },
    },
    {
      name: 'main-i18n-is-pure',
      comment: "The main process's language holder uses the shared catalogs only (no electron: the composition root feeds it the OS languages).",
      severity: 'error',
      from: { path: '^src/main/i18n/' },
      to: { pathNot: [under('src/main/i18n', 'src/shared')] },
    },
    {
      name: 'main-folder-is-placed',
      comment: `A new folder under src/main must first be given a place in .dependency-cruiser.js (known: ${MAIN_FOLDERS}).`,
      severity: 'error',
      from: { path: `^src/main/(?!(?:${MAIN_FOLDERS})/|index\\.ts$)` },
      to: {},
    },
    {
      name: 'src-folder-is-placed',
      comment: 'A new folder under src must first be given a place in .dependency-cruiser.js.',
      severity: 'error',
      from: { path: '^src/(?!(?:shared|main|preload|renderer|simulator|cli|dev)/)' },
      to: {},
    },
    {
      name: 'preload-sees-contract-only',
      comment: 'The preload sees electron (contextBridge, ipcRenderer) and the shared contract only: no node:, no main, no renderer.',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { pathNot: [under('src/preload', 'src/shared'), ...ELECTRON] },
    },
    {
      name: 'renderer-through-shared',
      comment: 'The renderer reaches main only through the shared contract: preact, @preact/signals, dompurify and shared.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { pathNot: [under('src/renderer', 'src/shared'), npm('preact', '@preact/signals', '@preact/signals-core', 'dompurify')] },
    },
    {
      name: 'simulator-independent',
      comment: 'The simulator is written from the protocol reference, never from the client: node:*, shared domain types and js-md4 (the NT hash of its NTLMv2 check; OpenSSL 3 dropped MD4) only.',
      severity: 'error',
      from: { path: '^src/simulator/' },
      to: { dependencyTypesNot: ['core'], pathNot: [under('src/simulator'), '^src/shared/domain\\.ts$', npm('js-md4')] },
    },
    {
      name: 'dev-host-uses-services',
      comment: 'The web dev host builds a session service like the composition root does: session, ucwa, ipc, history, doctor, the Electron-free network services (proxy credentials, CA files), the simulator, shared, node:*, ws and zod — never a window, tray or other Electron adapter.',
      severity: 'error',
      from: { path: '^src/dev/' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: [under('src/dev', 'src/main/session', 'src/main/ucwa', 'src/main/ipc', 'src/main/history', 'src/main/doctor', 'src/main/network', 'src/simulator', 'src/shared'), npm('ws', 'zod')],
      },
    },
    {
      name: 'cli-plain-node',
      comment: 'The command-line client: main/ucwa, main/session, the simulator, shared, node:*, undici, zod and httpntlm (NTLMv2 for --sign-in windows) — never electron.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: [under('src/cli', 'src/main/ucwa', 'src/main/session', 'src/main/doctor', 'src/simulator', 'src/shared'), npm('undici', 'zod', 'httpntlm')],
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: { path: '^(?:src|bench)/' },
      to: { couldNotResolve: true, pathNot: ELECTRON },
    },
    {
      name: 'no-circular',
      comment: 'A cycle of runtime imports makes two modules one; split out what both need. (A type-only import back is fine: it is erased.)',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a session file that names an Electron type is still coupled to it.
    tsPreCompilationDeps: true,
    // process.getBuiltinModule('node:module') is another door to createRequire.
    detectProcessBuiltinModuleCalls: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      dot: {
        collapsePattern: `^(?:src/main/(?:${MAIN_FOLDERS})|src/main/index\\.ts|src/[^/]+|bench|node_modules/(?:@[^/]+/)?[^/]+)`,
      },
    },
  },
};
