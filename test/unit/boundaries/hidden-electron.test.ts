// createRequire(import.meta.url)('electron') loads electron without an import a resolver can see;
// eslint.config.js reports any call that names electron outside the files allowed to load it.
import { describe, expect, it } from 'vitest';
import { cruiseFixture, eslintRuleIds } from './rule-set';

const HIDDEN = [
  "import { createRequire } from 'node:module';\nexport const e = createRequire(import.meta.url)('electron');\n",
  "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const e = load('electron/main');\n",
  "import { createRequire } from 'node:module';\nexport const e = createRequire(import.meta.url)(`electron`);\n",
  "import { createRequire } from 'node:module';\nexport const s = createRequire(import.meta.url)('electron-store');\n",
];

describe('electron loaded by a call', () => {
  it('is invisible to the resolver except as node:module (why the lint check exists)', async () => {
    const violations = await cruiseFixture({ 'src/main/session/hidden.ts': HIDDEN[0] ?? '' });
    expect(violations.map((v) => `${v.rule} ${v.to}`)).toEqual(['no-hidden-require module']);
  });

  it.each(HIDDEN)('is reported by ESLint in the session: %s', async (text) => {
    expect(await eslintRuleIds('src/main/session/hidden.ts', text)).toEqual(['no-restricted-syntax']);
  });

  it.each(['src/main/ucwa/x.ts', 'src/main/history/x.ts', 'src/cli/x.ts', 'src/dev/x.ts', 'src/simulator/x.ts', 'src/shared/x.ts', 'src/renderer/x.ts', 'bench/x.ts'])(
    'is reported by ESLint in %s',
    async (path) => {
      expect(await eslintRuleIds(path, HIDDEN[0] ?? '')).toEqual(['no-restricted-syntax']);
    },
  );

  it.each(['src/main/index.ts', 'src/main/windows/x.ts', 'src/main/settings/x.ts', 'src/preload/x.ts'])('is allowed in %s', async (path) => {
    expect(await eslintRuleIds(path, HIDDEN[0] ?? '')).toEqual([]);
  });

  it('leaves other strings alone', async () => {
    const text = "export const a = String('electronics');\nexport const b = [1].map(String).join('electron: the app runtime');\n";
    expect(await eslintRuleIds('src/main/session/x.ts', text)).toEqual([]);
  });
});
