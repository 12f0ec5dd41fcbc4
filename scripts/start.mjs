// `npm start`: runs the Electron app where its runtime is installed; otherwise says so and serves
// the same windows to a browser (the web dev host with the built-in UCWA simulator).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronRuntime } from './electron-runtime.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { binary } = electronRuntime();
const appEntry = 'out/main/index.js';
run(process.execPath, ['scripts/build.mjs']);

if (binary !== undefined && existsSync(appEntry)) {
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    'The Electron runtime is not installed here (`npm run electron:install` fetches it), so the tray\n' +
      'app cannot start. Starting its windows in your browser instead: the web dev host,\n' +
      'on a real session service and the built-in UCWA simulator ("Try the demo" signs you in).\n\n',
  );
  const child = spawn(process.execPath, ['out/dev/web-host.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
