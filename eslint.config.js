// The import table of docs/design (who may import what) is enforced here, so it cannot drift.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Bare builtin names are matched exactly (a pattern `domain` would also catch `./domain`).
const NODE = Symbol('node builtins');
const nodeBuiltins = [NODE];

/** @param {(string | symbol)[]} patterns @param {string} why */
const forbid = (patterns, why) => {
  const withNode = patterns.includes(NODE);
  const group = patterns.filter((p) => typeof p === 'string');
  if (withNode) group.push('node:*');
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [{ group, message: why }],
        ...(withNode ? { paths: builtinModules.map((name) => ({ name, message: why })) } : {}),
      },
    ],
  };
};

export default tseslint.config(
  {
    ignores: ['.tmp/**', 'node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'A focused test hides the rest.' },
        { object: 'test', property: 'only', message: 'A focused test hides the rest.' },
        { object: 'describe', property: 'only', message: 'A focused test hides the rest.' },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: forbid(
      [...nodeBuiltins, 'electron', 'preact', 'preact/*', 'undici', '**/main/**', '**/renderer/**', '**/preload/**', '**/simulator/**', '**/cli/**', '**/dev/**'],
      'src/shared is pure: zod and other shared files only.',
    ),
  },
  {
    // doctor and logging are used by the CLI as well as by main: plain Node like the client.
    files: ['src/main/ucwa/**', 'src/main/session/**', 'src/main/history/**', 'src/main/doctor/**', 'src/main/logging/**'],
    rules: forbid(
      ['electron', 'electron/*', '**/renderer/**', '**/preload/**', '**/simulator/**', '**/main/windows/**', '**/main/tray/**', '**/main/notifications/**', '**/main/settings/**', '**/main/platform/**', '**/main/ipc/**', '**/main/diagnostics/**'],
      'The UCWA client and session service run in plain Node: no Electron, no Electron adapters.',
    ),
  },
  {
    files: ['src/simulator/**'],
    rules: forbid(
      ['electron', 'electron/*', '**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', '**/dev/**'],
      'The simulator is an independent implementation written from the protocol reference.',
    ),
  },
  {
    files: ['src/cli/**', 'src/dev/**', 'bench/**'],
    rules: forbid(['electron', 'electron/*', '**/renderer/**', '**/preload/**'], 'Plain Node only.'),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/ucwa/**', 'src/main/session/**', 'src/main/history/**', 'src/main/doctor/**', 'src/main/logging/**'],
    rules: forbid(['**/renderer/**', '**/preload/**', '**/simulator/**', '**/cli/**', '**/dev/**'], 'Main may use electron, main and shared only.'),
  },
  {
    files: ['src/preload/**'],
    rules: forbid([...nodeBuiltins, '**/main/**', '**/renderer/**'], 'The preload sees only electron and the shared contract.'),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      [...nodeBuiltins, 'electron', 'electron/*', '**/main/**', '**/preload/**', '**/simulator/**', '**/cli/**', '**/dev/**'],
      'The renderer talks to main only through the shared contract (bridge.ts).',
    ),
  },
);
