// `npm run screenshots`: takes every window's screenshot in light and dark (a browser test, under
// test-results/screenshots) and copies the ones the README shows to docs/screenshots.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';

const SHOWN = ['popup-light', 'popup-dark', 'chat-light', 'chat-dark', 'sign-in-light', 'settings-dark'];
const run = spawnSync('npx', ['playwright', 'test', 'test/browser/screenshots.spec.ts'], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync('docs/screenshots', { recursive: true });
for (const name of SHOWN) copyFileSync(`test-results/screenshots/${name}.png`, `docs/screenshots/${name}.png`);
console.log(`copied ${SHOWN.length} screenshots to docs/screenshots`);
