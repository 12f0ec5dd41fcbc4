// `npm start`: runs the Electron app where its runtime is installed; otherwise says so and runs
// the demo that works everywhere (the built-in UCWA simulator and the ucwa-tray CLI).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const binary = electronBinary();
const appEntry = 'out/main/index.js';
// The windows' UI (the Preact renderer) is not built yet; without it the app would show empty windows.
const rendererEntry = 'out/renderer/popup.html';
run(process.execPath, ['scripts/build.mjs']);

if (binary !== undefined && existsSync(appEntry) && existsSync(rendererEntry)) {
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    binary === undefined
      ? 'The Electron runtime is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips its download),\n' +
          'so the tray app cannot start. Starting the demo instead: the built-in UCWA simulator and the CLI.\n\n'
      : 'The Electron runtime is here, but the windows\' UI is not built yet. Starting the demo instead.\n\n',
  );
  const child = spawn(process.execPath, ['out/cli/ucwa-tray.mjs', 'demo', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
