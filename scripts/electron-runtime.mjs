// Where the Electron runtime is, without asking the electron package: since Electron 45 its
// index.js starts a download when the binary is missing, which must never happen as a side effect
// of `npm start`, `npm run dist` or a test looking for it. Mirrors electron/index.js's lookup
// (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) and only reads.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ version: string | undefined, binary: string | undefined }} */
export function electronRuntime() {
  let packageDir;
  let version;
  try {
    const manifest = require.resolve('electron/package.json');
    packageDir = dirname(manifest);
    version = JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return { version: undefined, binary: undefined };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable ?? 'electron') : executable === undefined ? undefined : join(packageDir, 'dist', executable);
  return { version, binary: binary !== undefined && existsSync(binary) ? binary : undefined };
}
