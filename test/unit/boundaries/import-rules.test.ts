// Each forbidden kind of import, fed to the project's rule set, must be reported under the rule that
// owns it; the imports the design allows must pass; and the real tree must pass as it is.
import { describe, expect, it } from 'vitest';
import { ROOT, cruiseFixture, cruiseWithProjectRules } from './rule-set';
import type { Fixture, Violation } from './rule-set';

// Targets that the fixtures import, laid out like the repository. Alone they break no rule.
const STUBS: Fixture = {
  'src/shared/domain.ts': 'export type Uri = string;\n',
  'src/shared/ipc-contract.ts': "import type { Uri } from './domain';\nexport type Contract = { uri: Uri };\n",
  'src/main/ucwa/index.ts': "import type { Uri } from '../../shared/domain';\nexport const client = (u: Uri) => u;\n",
  'src/main/history/history-store.ts': "export const store = 1;\n",
  'src/main/session/ports.ts': "export interface WindowPort { show(): void }\n",
  'src/main/session/session-service.ts': "import { client } from '../ucwa/index';\nexport const session = client;\n",
  'src/main/ipc/push-hub.ts': "export const hub = 1;\n",
  'src/main/ipc/electron-push.ts': "import { ipcMain } from 'electron';\nexport const push = ipcMain;\n",
  'src/main/windows/window-manager.ts': "import { BrowserWindow } from 'electron';\nexport const WindowManager = BrowserWindow;\n",
  'src/simulator/index.ts': "import { createServer } from 'node:http';\nexport const sim = createServer;\n",
  'src/renderer/bridge.ts': "export const bridge = 1;\n",
  'src/dev/host.ts': "export const x = 1;\n",
};

async function violationsWith(path: string, text: string): Promise<Violation[]> {
  return cruiseFixture({ ...STUBS, [path]: text });
}

interface Case {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly rule: string;
  readonly to: RegExp;
}

const FORBIDDEN: readonly Case[] = [
  { name: 'static import of electron in session', path: 'src/main/session/bad.ts', text: "import { app } from 'electron';\nexport const a = app;\n", rule: 'electron-only-in-adapters', to: /node_modules\/electron\// },
  { name: 'type-only import of electron in ucwa', path: 'src/main/ucwa/bad.ts', text: "import type { App } from 'electron';\nexport type A = App;\n", rule: 'electron-only-in-adapters', to: /node_modules\/electron\// },
  { name: 'dynamic import() of electron in session', path: 'src/main/session/bad.ts', text: "export const load = () => import('electron');\n", rule: 'electron-only-in-adapters', to: /node_modules\/electron\// },
  { name: 'require() of electron in the CLI', path: 'src/cli/bad.ts', text: "declare const require: (id: string) => unknown;\nexport const e = require('electron');\n", rule: 'electron-only-in-adapters', to: /node_modules\/electron\// },
  { name: 'electron-store outside settings', path: 'src/main/history/bad.ts', text: "import Store from 'electron-store';\nexport const s = Store;\n", rule: 'electron-only-in-adapters', to: /node_modules\/electron-store\// },
  { name: 'a require made by createRequire, named require', path: 'src/main/session/bad.ts', text: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const e = require('electron');\n", rule: 'electron-only-in-adapters', to: /node_modules\/electron\// },
  { name: 'createRequire(...)(electron): node:module itself', path: 'src/main/session/bad.ts', text: "import { createRequire } from 'node:module';\nexport const e = createRequire(import.meta.url)('electron');\n", rule: 'no-hidden-require', to: /^(node:)?module$/ },
  { name: 'process.getBuiltinModule of node:module', path: 'src/dev/bad.ts', text: "export const m = process.getBuiltinModule('node:module');\n", rule: 'no-hidden-require', to: /^(node:)?module$/ },
  { name: 'session reaching into windows by a relative path', path: 'src/main/session/bad.ts', text: "import { WindowManager } from '../windows/window-manager';\nexport const w = WindowManager;\n", rule: 'session-plain-node', to: /^src\/main\/windows\/window-manager\.ts$/ },
  { name: 'dev host reaching into windows', path: 'src/dev/bad.ts', text: "import { WindowManager } from '../main/windows/window-manager';\nexport const w = WindowManager;\n", rule: 'dev-host-uses-services', to: /^src\/main\/windows\/window-manager\.ts$/ },
  { name: 'dev host pulling electron in through ipc', path: 'src/dev/bad.ts', text: "import { push } from '../main/ipc/electron-push';\nexport const p = push;\n", rule: 'plain-node-never-reaches-electron', to: /node_modules\/electron\// },
  { name: 'shared using node:', path: 'src/shared/bad.ts', text: "import { join } from 'node:path';\nexport const j = join;\n", rule: 'shared-is-pure', to: /^(node:)?path$/ },
  { name: 'shared importing main', path: 'src/shared/bad.ts', text: "import { client } from '../main/ucwa/index';\nexport const c = client;\n", rule: 'shared-is-pure', to: /^src\/main\/ucwa\/index\.ts$/ },
  { name: 'ucwa importing the session', path: 'src/main/ucwa/bad.ts', text: "import { session } from '../session/session-service';\nexport const s = session;\n", rule: 'ucwa-plain-node', to: /^src\/main\/session\/session-service\.ts$/ },
  { name: 'history importing the session', path: 'src/main/history/bad.ts', text: "import type { WindowPort } from '../session/ports';\nexport type W = WindowPort;\n", rule: 'history-plain-node', to: /^src\/main\/session\/ports\.ts$/ },
  { name: 'renderer importing main', path: 'src/renderer/bad.ts', text: "import { client } from '../main/ucwa/index';\nexport const c = client;\n", rule: 'renderer-through-shared', to: /^src\/main\/ucwa\/index\.ts$/ },
  { name: 'renderer using node:', path: 'src/renderer/bad.ts', text: "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", rule: 'renderer-through-shared', to: /^(node:)?fs\/promises$/ },
  { name: 'preload importing main', path: 'src/preload/bad.ts', text: "import type { WindowPort } from '../main/session/ports';\nexport type W = WindowPort;\n", rule: 'preload-sees-contract-only', to: /^src\/main\/session\/ports\.ts$/ },
  { name: 'simulator importing the client', path: 'src/simulator/bad.ts', text: "import { client } from '../main/ucwa/index';\nexport const c = client;\n", rule: 'simulator-independent', to: /^src\/main\/ucwa\/index\.ts$/ },
  { name: 'simulator importing shared beyond domain types', path: 'src/simulator/bad.ts', text: "import type { Contract } from '../shared/ipc-contract';\nexport type C = Contract;\n", rule: 'simulator-independent', to: /^src\/shared\/ipc-contract\.ts$/ },
  { name: 'CLI importing the dev host', path: 'src/cli/bad.ts', text: "import { x } from '../dev/host';\nexport const y = x;\n", rule: 'cli-plain-node', to: /^src\/dev\/host\.ts$/ },
  { name: 'an adapter importing the renderer', path: 'src/main/windows/bad.ts', text: "import { bridge } from '../../renderer/bridge';\nexport const b = bridge;\n", rule: 'main-adapters-stay-in-main', to: /^src\/renderer\/bridge\.ts$/ },
  { name: 'a folder under src/main nobody placed', path: 'src/main/updater/bad.ts', text: "import { app } from 'electron';\nexport const a = app;\n", rule: 'main-folder-is-placed', to: /node_modules\/electron\// },
  { name: 'an import that resolves to nothing', path: 'src/main/session/bad.ts', text: "import { x } from './no-such-file';\nexport const y = x;\n", rule: 'not-to-unresolvable', to: /no-such-file/ },
];

describe('the dependency rules (.dependency-cruiser.js)', () => {
  it.each(FORBIDDEN)('reject $name', async ({ path, text, rule, to }) => {
    const violations = await violationsWith(path, text);
    expect(violations).toContainEqual({ rule, from: path, to: expect.stringMatching(to) });
    // Every violation comes from the file under test: the stubs themselves are clean.
    expect(violations.every((v) => v.from === path || v.rule === 'no-circular')).toBe(true);
  });

  it('reject a runtime import cycle', async () => {
    const violations = await cruiseFixture({
      ...STUBS,
      'src/main/session/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/main/session/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(violations.map((v) => v.rule)).toContain('no-circular');
  });

  it('accept every import the design allows', async () => {
    const allowed: Fixture = {
      ...STUBS,
      'src/main/session/ok.ts': "import { randomUUID } from 'node:crypto';\nimport { z } from 'zod';\nimport { client } from '../ucwa/index';\nimport { store } from '../history/history-store';\nimport type { Uri } from '../../shared/domain';\nexport const ok = [randomUUID, z, client, store] as const;\nexport type U = Uri;\n",
      'src/main/ucwa/ok.ts': "import { fetch } from 'undici';\nimport { z } from 'zod';\nimport { createHash } from 'node:crypto';\nexport const ok = [fetch, z, createHash] as const;\n",
      'src/main/history/ok.ts': "import { readFile } from 'node:fs/promises';\nimport { z } from 'zod';\nimport type { Uri } from '../../shared/domain';\nexport const ok = [readFile, z] as const;\nexport type U = Uri;\n",
      'src/main/index.ts': "import { app } from 'electron';\nimport Store from 'electron-store';\nimport { WindowManager } from './windows/window-manager';\nimport { session } from './session/session-service';\nexport const ok = [app, Store, WindowManager, session] as const;\n",
      'src/main/settings/ok.ts': "import { safeStorage } from 'electron';\nimport type { WindowPort } from '../session/ports';\nexport const ok = safeStorage;\nexport type W = WindowPort;\n",
      'src/main/platform/ok.ts': "export const load = () => import('electron');\n",
      'src/preload/index.ts': "import { contextBridge } from 'electron';\nimport type { Contract } from '../shared/ipc-contract';\nexport const ok = contextBridge;\nexport type C = Contract;\n",
      'src/renderer/ok.tsx': "import { render } from 'preact';\nimport { signal } from '@preact/signals';\nimport DOMPurify from 'dompurify';\nimport type { Contract } from '../shared/ipc-contract';\nimport { bridge } from './bridge';\nexport const ok = [render, signal, DOMPurify, bridge] as const;\nexport type C = Contract;\n",
      'src/simulator/ok.ts': "import { randomUUID } from 'node:crypto';\nimport type { Uri } from '../shared/domain';\nimport { sim } from './index';\nexport const ok = [randomUUID, sim] as const;\nexport type U = Uri;\n",
      'src/dev/ok.ts': "import { WebSocketServer } from 'ws';\nimport { session } from '../main/session/session-service';\nimport { hub } from '../main/ipc/push-hub';\nimport { store } from '../main/history/history-store';\nimport { client } from '../main/ucwa/index';\nimport { sim } from '../simulator/index';\nexport const ok = [WebSocketServer, session, hub, store, client, sim] as const;\n",
      'src/cli/ok.ts': "import { parseArgs } from 'node:util';\nimport { session } from '../main/session/session-service';\nimport { client } from '../main/ucwa/index';\nimport { sim } from '../simulator/index';\nexport const ok = [parseArgs, session, client, sim] as const;\n",
      'src/main/session/type-cycle-a.ts': "import type { B } from './type-cycle-b';\nexport interface A { b?: B }\n",
      'src/main/session/type-cycle-b.ts': "import type { A } from './type-cycle-a';\nexport const b = (a: A) => a;\nexport type B = ReturnType<typeof b>;\n",
    };
    expect(await cruiseFixture(allowed)).toEqual([]);
  });

  it('accept the repository as it is', async () => {
    expect(await cruiseWithProjectRules(ROOT, ['src', 'bench'])).toEqual([]);
  });
});
