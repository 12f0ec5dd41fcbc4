// The history's only contact with the disk: append whole lines durably, read a file, list a
// folder. Kept behind an interface so the store's retry logic can be exercised with injected
// faults where a test cannot make the disk really fail (no permission to mount).
import { mkdir, open, readFile, readdir, stat } from 'node:fs/promises';

export interface HistoryFiles {
  /** Appends `text` (whole lines) to `file` in `dir` and syncs it; on failure leaves the file as it was where it can. */
  append(dir: string, file: string, text: string): Promise<void>;
  /** The file's text; rejects with ENOENT when there is none. */
  read(file: string): Promise<string>;
  list(dir: string): Promise<string[]>;
  /** The file's size in bytes; rejects with ENOENT when there is none. */
  size(file: string): Promise<number>;
  /** Up to `length` bytes from `start` (fewer at the end of the file). */
  readRange(file: string, start: number, length: number): Promise<Buffer>;
}

export const nodeHistoryFiles: HistoryFiles = {
  async append(dir, file, text) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // a+ (not a): the last byte is read to see whether a crash left the last line unfinished.
    const handle = await open(file, 'a+', 0o600);
    let sizeBefore: number | undefined;
    try {
      sizeBefore = (await handle.stat()).size;
      let prefix = '';
      if (sizeBefore > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, sizeBefore - 1);
        // The next line starts fresh, so a damaged tail never swallows it.
        if (last[0] !== 0x0a) prefix = '\n';
      }
      await handle.appendFile(prefix + text, 'utf8');
      await handle.datasync();
    } catch (error) {
      // A full disk can take part of the write: cut it off again so the retry does not leave a
      // damaged line behind. (Another process appending at that very moment would lose its line
      // too; both would be failing on the same full disk, and theirs would be retried as well.)
      if (sizeBefore !== undefined) await handle.truncate(sizeBefore).catch(() => undefined);
      throw error;
    } finally {
      await handle.close().catch(() => undefined);
    }
  },
  read: (file) => readFile(file, 'utf8'),
  list: (dir) => readdir(dir),
  size: async (file) => (await stat(file)).size,
  async readRange(file, start, length) {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
    } finally {
      await handle.close().catch(() => undefined);
    }
  },
};

/** The error code of a failed file operation (`ENOSPC`, …), or `undefined` for anything else. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota used up',
  EROFS: 'the disk is read-only',
  EACCES: 'no permission to write the history folder',
  EPERM: 'no permission to write the history folder',
  EISDIR: 'a folder is where the history file should be',
  ENOTDIR: 'a file is where the history folder should be',
  EIO: 'the disk reported an error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the history file is busy',
};

/** Why a write failed, in words a user understands. */
export function plainReason(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined) return REASONS[code] ?? `the disk refused it (${code})`;
  return 'an unexpected error';
}
