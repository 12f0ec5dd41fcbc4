// The root `postinstall` (and `npm run electron:install`): fetches the Electron runtime with
// electron's own installer, but tolerantly. package.json's allowScripts denies electron's install
// script, so a machine that cannot reach the download (no internet, a closed network) still
// finishes `npm ci`; it prints one line saying so and what `npm start` does instead.
// `--strict` (npm run electron:install) exits non-zero when the runtime could not be fetched.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronRuntime } from './electron-runtime.mjs';

const require = createRequire(import.meta.url);
const strict = process.argv.includes('--strict');
const FALLBACK = '`npm start` will serve the app\'s windows to your browser instead (retry with `npm run electron:install`)';
/** A download of ~100 MB on a slow line is fine; a connection that hangs for ever is not. */
const TIMEOUT_MS = Number(process.env.UCWA_TRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 15 * 60_000);

function say(line) {
  process.stdout.write(`ucwa-tray: ${line}\n`);
}

function electronPackage() {
  try {
    return { installer: require.resolve('electron/install.js'), version: require('electron/package.json').version };
  } catch {
    return undefined;
  }
}

/** The installer prints a stack; the first line that says something is the reason. */
function reasonOf(output, fallback) {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at ') && !/^npm (warn|notice)/i.test(l));
  return (line ?? fallback).replace(/^(Type|Request|Http)?Error:\s*/, '').slice(0, 160);
}

function runInstaller(installer) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output = `no answer within ${Math.round(TIMEOUT_MS / 1000)} s\n${output}`;
      child.kill();
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, reason: reasonOf(output, `the installer exited with ${code}`) });
    });
  });
}

const electron = electronPackage();
if (electron === undefined) {
  say(`the electron package is not installed, so there is no Electron runtime: ${FALLBACK}.`);
  process.exit(strict ? 1 : 0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say(`Electron ${electron.version} runtime not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set): ${FALLBACK}.`);
  process.exit(strict ? 1 : 0);
}
const result = await runInstaller(electron.installer);
const { binary } = electronRuntime();
if (result.ok && binary !== undefined) {
  say(`Electron ${electron.version} runtime installed: \`npm start\` runs the tray app.`);
} else {
  say(`Electron ${electron.version} runtime could not be downloaded (${result.ok ? 'the installer left no binary' : result.reason}): ${FALLBACK}.`);
  process.exit(strict ? 1 : 0);
}
