// `npm run dist`: the installers for the OS this runs on, with electron-builder and
// electron-builder.yml — AppImage and deb on Linux, NSIS on Windows, DMG on macOS — into release/.
// It packages the Electron runtime installed in node_modules (the one `npm start` runs), so it
// needs that runtime; where it is missing it says so and exits non-zero instead of half-building.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { electronRuntime } from './electron-runtime.mjs';

const PLATFORM_FLAG = { linux: '--linux', win32: '--win', darwin: '--mac' };
/** electron-builder's @electron/rebuild (and Electron's own tooling) want Node 22.12 or newer. */
const NODE_FOR_PACKAGING = [22, 12];

function fail(line) {
  process.stderr.write(`npm run dist: ${line}\n`);
  process.exit(1);
}

const flag = PLATFORM_FLAG[process.platform];
if (flag === undefined) fail(`no installer is configured for ${process.platform} (Linux, Windows and macOS are).`);
const { version, binary } = electronRuntime();
if (binary === undefined) {
  fail(`the Electron ${version ?? ''} runtime is not installed here, so there is nothing to package (\`npm run electron:install\` fetches it).`.replace('  ', ' '));
}
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < NODE_FOR_PACKAGING[0] || (major === NODE_FOR_PACKAGING[0] && minor < NODE_FOR_PACKAGING[1])) {
  fail(`packaging needs Node ${NODE_FOR_PACKAGING.join('.')} or newer (this is ${process.versions.node}).`);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs']);
// electronDist: the runtime from node_modules/electron/dist, so nothing is downloaded twice.
// On macOS the binary sits inside Electron.app/Contents/MacOS; dist is three levels up.
const dist = process.platform === 'darwin' ? dirname(dirname(dirname(dirname(binary)))) : dirname(binary);
run('npx', ['electron-builder', flag, '--publish', 'never', `-c.electronDist=${dist}`, `-c.electronVersion=${version}`]);
