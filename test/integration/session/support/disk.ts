// Real disk failures for history tests: a small tmpfs that fills up, a read-only remount. These
// need root (mount); where mount is refused the tests say so and the fault-layer variants run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MountedDisk {
  readonly dir: string;
  /** `mount -o remount,<options>`: e.g. `size=2m` to make room, `ro` / `rw`. */
  remount(options: string): void;
  unmount(): void;
}

function run(args: readonly string[]): void {
  execFileSync('mount', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Why a tmpfs cannot be mounted here, or `undefined` when it can. */
export const mountRefusal: string | undefined = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'ucwa-mount-probe-'));
  try {
    run(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    execFileSync('umount', [dir]);
    return undefined;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

export function mountTmpfs(size: string): MountedDisk {
  const dir = mkdtempSync(join(tmpdir(), 'ucwa-tmpfs-'));
  run(['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  let mounted = true;
  return {
    dir,
    remount: (options) => run(['-o', `remount,${options}`, dir]),
    unmount: () => {
      if (mounted) execFileSync('umount', ['-l', dir]);
      mounted = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
