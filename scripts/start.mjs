// `npm start`: runs the Electron app where its runtime is installed; otherwise says so and serves
// the same windows to a browser (the web dev host with the built-in UCWA simulator).
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
run(process.execPath, ['scripts/build.mjs']);

if (binary !== undefined && existsSync(appEntry)) {
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    'The Electron runtime is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips its download),\n' +
      'so the tray app cannot start. Starting its windows in your browser instead: the web dev host,\n' +
      'on a real session service and the built-in UCWA simulator ("Try the demo" signs you in).\n\n',
  );
  const child = spawn(process.execPath, ['out/dev/web-host.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
