// Who may import what is checked by dependency-cruiser on resolved files (.dependency-cruiser.js,
// `npm run lint:deps`); ESLint keeps the code rules and the one check a resolver cannot make.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Only these load electron; the same list is in .dependency-cruiser.js.
const ELECTRON_ADAPTERS = ['src/main/{ipc,windows,tray,notifications,settings,platform,diagnostics,network}/**', 'src/main/index.ts'];
const ELECTRON_NAME = '/^electron(-store)?(\\u002F.*)?$/';
const ELECTRON_CALL = 'Only the Electron adapters and src/main/index.ts load electron; a call that loads it also hides it from `npm run lint:deps`.';

export default tseslint.config(
  {
    ignores: ['.tmp/**', '.stryker-tmp/**', '.stryker-unit/**', 'reports/**', 'node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'coverage/**'],
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
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // What the resolver cannot see: electron loaded by a call, e.g. createRequire(import.meta.url)('electron').
    files: ['src/**', 'bench/**'],
    ignores: [...ELECTRON_ADAPTERS, 'src/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `CallExpression[arguments.0.type='Literal'][arguments.0.value=${ELECTRON_NAME}]`, message: ELECTRON_CALL },
        { selector: `CallExpression[arguments.0.type='TemplateLiteral'][arguments.0.quasis.0.value.raw=${ELECTRON_NAME}]`, message: ELECTRON_CALL },
      ],
    },
  },
);
