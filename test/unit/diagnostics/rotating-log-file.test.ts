// The log file on a real temporary folder: rotation by size with a fixed number of files, the
// tail across them, and a folder that refuses — no throw, one note, stderr instead, tried again.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appLogSink } from '../../../src/main/logging/app-log-sink';
import { RotatingLogFile, nodeLogFileSystem } from '../../../src/main/logging/rotating-log-file';
import type { LogFileSystem } from '../../../src/main/logging/rotating-log-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ucwa-log-'));
  dirs.push(dir);
  return dir;
}

// 50 bytes with its newline.
const line = (i: number): string => `line ${String(i).padStart(4, '0')} ${'x'.repeat(39)}`;

describe('the rotating log file', () => {
  it('rotates before passing the size, keeps five files, drops the oldest lines', () => {
    const dir = join(tempDir(), 'logs');
    const file = new RotatingLogFile({ dir, maxBytes: 1000 });
    for (let i = 0; i < 200; i++) expect(file.write(line(i))).toBe(true);
    file.close();
    expect(readdirSync(dir).sort()).toEqual(['ucwa-tray.log', 'ucwa-tray.log.1', 'ucwa-tray.log.2', 'ucwa-tray.log.3', 'ucwa-tray.log.4']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(1000);
    // 20 lines of 50 bytes fit in a file: the five files hold the last 100, in order.
    const kept = file.files().reverse().flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l !== ''));
    expect(kept).toEqual(Array.from({ length: 100 }, (_, k) => line(100 + k)));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('appends to what an earlier run wrote, and rotates counting it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ucwa-tray.log'), `${'y'.repeat(980)}\n`);
    const file = new RotatingLogFile({ dir, maxBytes: 1000 });
    file.write(line(1));
    file.close();
    expect(readFileSync(join(dir, 'ucwa-tray.log'), 'utf8')).toBe(`${line(1)}\n`);
    expect(readFileSync(join(dir, 'ucwa-tray.log.1'), 'utf8')).toBe(`${'y'.repeat(980)}\n`);
  });

  it('the tail reads across rotated files, oldest first', () => {
    const file = new RotatingLogFile({ dir: tempDir(), maxBytes: 1000 });
    for (let i = 0; i < 90; i++) file.write(line(i));
    expect(file.tail(30)).toEqual(Array.from({ length: 30 }, (_, k) => line(60 + k)));
    expect(file.tail(1000)).toHaveLength(90);
  });

  it('a file where the folder should be: no throw, one note, lines go to stderr, and the file is tried again later', () => {
    const root = tempDir();
    const dir = join(root, 'logs');
    writeFileSync(dir, 'not a folder');
    let now = 1_000;
    const notes: string[] = [];
    const stderr: string[] = [];
    const file = new RotatingLogFile({ dir, notice: (t) => notes.push(t), retryAfterMs: 60_000, now: () => now });
    const sink = appLogSink({ file, echo: ['error'], stderr: (l) => stderr.push(l), now: () => new Date(now) });
    expect(() => {
      sink('info', 'session', 'first', undefined);
      sink('debug', 'ucwa', 'GET /x -> 200 in 1 ms', undefined);
    }).not.toThrow();
    expect(file.degraded).toBe(true);
    expect(notes).toEqual([`[log] cannot write ${join(dir, 'ucwa-tray.log')} (EEXIST); logging to stderr instead`]);
    expect(stderr.map((l) => l.replace(/^\S+ /, ''))).toEqual(['INFO  session: first', 'DEBUG ucwa: GET /x -> 200 in 1 ms']);
    // The folder becomes usable; a minute later the file is used again, without a second note.
    rmSync(dir);
    sink('info', 'session', 'still early', undefined);
    expect(readdirSync(root)).toEqual([]);
    now += 60_000;
    sink('info', 'session', 'back', undefined);
    expect(file.degraded).toBe(false);
    expect(readFileSync(join(dir, 'ucwa-tray.log'), 'utf8')).toMatch(/INFO {2}session: back\n$/);
    expect(notes).toHaveLength(1);
  });

  it('a disk that fills up mid-run (ENOSPC on write): the app carries on, one note', () => {
    let full = false;
    const fs: LogFileSystem = {
      ...nodeLogFileSystem,
      write: (fd, text) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        nodeLogFileSystem.write(fd, text);
      },
    };
    const notes: string[] = [];
    const file = new RotatingLogFile({ dir: tempDir(), fs, notice: (t) => notes.push(t) });
    expect(file.write('before')).toBe(true);
    full = true;
    expect(file.write('during 1')).toBe(false);
    expect(file.write('during 2')).toBe(false);
    expect(notes).toEqual([expect.stringContaining('(ENOSPC); logging to stderr instead')]);
    expect(file.tail(10)).toEqual(['before']);
  });
});
