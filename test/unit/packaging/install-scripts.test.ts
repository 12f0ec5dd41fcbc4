// One `npm ci` for everyone: every dependency's install script is decided in package.json's
// allowScripts (npm 11 runs undecided ones with a warning and is moving to block them), and
// electron's own download step is denied there: the root postinstall runs it tolerantly, so a
// machine that cannot download the runtime still installs, with one line saying so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string>; allowScripts: Record<string, boolean> };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean; version?: string }> };

/** The allowScripts entry that covers a package: by name, or pinned to its version. */
function decision(name: string, version: string | undefined): boolean | undefined {
  return pkg.allowScripts[name] ?? pkg.allowScripts[`${name}@${version ?? ''}`];
}

describe('install scripts', () => {
  it('every dependency that has one is allowed or denied explicitly', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
      .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), version: entry.version }));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((p) => decision(p.name, p.version) === undefined)).toEqual([]);
  });

  it('electron\'s download is denied as a dependency script and run by our tolerant postinstall instead', () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.scripts.postinstall).toBe('node scripts/install-electron-runtime.mjs');
    expect(pkg.scripts['electron:install']).toBe('node scripts/install-electron-runtime.mjs --strict');
  });

  it('the postinstall succeeds where the runtime cannot be downloaded, saying so in one line', () => {
    // An unreachable mirror and an empty cache: the download fails at once, as without internet.
    const cache = mkdtempSync(join(tmpdir(), 'ucwa-tray-electron-cache-'));
    const result = spawnSync(process.execPath, ['scripts/install-electron-runtime.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '', ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: '', electron_config_cache: cache, UCWA_TRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS: '20000' },
      timeout: 30_000,
    });
    rmSync(cache, { recursive: true, force: true });
    const lines = result.stdout.split('\n').filter((l) => l.trim() !== '');
    // Where a runtime is already installed (a developer's machine), the installer has nothing to fetch.
    if (lines.some((l) => /runtime installed/.test(l))) {
      expect(result.status).toBe(0);
      return;
    }
    expect(result.status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ucwa-tray: Electron \d+\.\d+\.\d+ runtime could not be downloaded \(.+\): `npm start` will serve the app's windows to your browser instead/);
    // The strict form, for `npm run electron:install`, says the same and fails.
    const strict = spawnSync(process.execPath, ['scripts/install-electron-runtime.mjs', '--strict'], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, timeout: 30_000 });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/runtime not downloaded \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)/);
  });
});
