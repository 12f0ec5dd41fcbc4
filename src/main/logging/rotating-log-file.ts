// The log file: appended line by line, rotated at a size (ucwa-tray.log → .1 → … → .4, the
// oldest dropped). Writes are synchronous so the last lines before a crash are on disk. A disk
// that refuses (full, read-only, a file where the folder should be) never throws into the app:
// the file says so once on stderr, `write` reports false so the caller can print the line
// instead, and the file is tried again after a while.
import * as nodeFs from 'node:fs';
import { join } from 'node:path';

/** The few file operations the log needs (tests swap in one that fails on demand). */
export interface LogFileSystem {
  mkdir(path: string): void;
  /** Opens for appending; returns the descriptor and the current size. */
  open(path: string): { readonly fd: number; readonly size: number };
  write(fd: number, text: string): void;
  close(fd: number): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** The file's text, or undefined when it does not exist. */
  read(path: string): string | undefined;
}

export const nodeLogFileSystem: LogFileSystem = {
  mkdir: (path) => void nodeFs.mkdirSync(path, { recursive: true, mode: 0o700 }),
  open: (path) => {
    // Logs name servers and addresses: readable by this user only.
    const fd = nodeFs.openSync(path, 'a', 0o600);
    return { fd, size: nodeFs.fstatSync(fd).size };
  },
  write: (fd, text) => {
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) offset += nodeFs.writeSync(fd, bytes, offset);
  },
  close: (fd) => nodeFs.closeSync(fd),
  rename: (from, to) => {
    try {
      nodeFs.renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  },
  remove: (path) => nodeFs.rmSync(path, { force: true }),
  read: (path) => {
    try {
      return nodeFs.readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
};

export interface RotatingLogFileOptions {
  readonly dir: string;
  readonly name?: string;
  /** Rotate before the file would grow past this. */
  readonly maxBytes?: number;
  /** Files kept in all, the current one included. */
  readonly keep?: number;
  readonly fs?: LogFileSystem;
  /** Where the one note about a failing file goes. */
  readonly notice?: (text: string) => void;
  /** After a failure, the file is tried again this much later. */
  readonly retryAfterMs?: number;
  readonly now?: () => number;
}

export const LOG_FILE_NAME = 'ucwa-tray.log';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_KEEP = 5;

export class RotatingLogFile {
  readonly dir: string;
  readonly path: string;
  private readonly name: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly fs: LogFileSystem;
  private readonly notice: (text: string) => void;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  private fd: number | undefined;
  private size = 0;
  private failedAt: number | undefined;
  private noted = false;

  constructor(options: RotatingLogFileOptions) {
    this.dir = options.dir;
    this.name = options.name ?? LOG_FILE_NAME;
    this.path = join(this.dir, this.name);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
    this.fs = options.fs ?? nodeLogFileSystem;
    this.notice = options.notice ?? ((text) => void process.stderr.write(`${text}\n`));
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** True while the file refuses and lines are not being written. */
  get degraded(): boolean {
    return this.failedAt !== undefined;
  }

  /** Appends one line; false when it could not be written (the caller may print it instead). */
  write(line: string): boolean {
    if (this.failedAt !== undefined && this.now() - this.failedAt < this.retryAfterMs) return false;
    const text = `${line}\n`;
    const bytes = Buffer.byteLength(text, 'utf8');
    try {
      if (this.fd === undefined) this.openFile();
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      this.fs.write(this.fd as number, text);
      this.size += bytes;
      this.failedAt = undefined;
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** The current file and the rotated ones, newest first. */
  files(): string[] {
    return Array.from({ length: this.keep }, (_, i) => this.fileAt(i));
  }

  /** The last `count` lines across the files, oldest first; what cannot be read is left out. */
  tail(count: number): string[] {
    const lines: string[] = [];
    for (const file of this.files()) {
      if (lines.length >= count) break;
      let text: string | undefined;
      try {
        text = this.fs.read(file);
      } catch {
        text = undefined;
      }
      if (text === undefined) continue;
      const mine = text.split('\n').filter((l) => l !== '');
      lines.unshift(...mine.slice(Math.max(0, mine.length - (count - lines.length))));
    }
    return lines;
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      this.fs.close(fd);
    } catch {
      // Closing a descriptor of a file that failed: nothing more to lose.
    }
  }

  private fileAt(index: number): string {
    return index === 0 ? this.path : join(this.dir, `${this.name}.${index}`);
  }

  private openFile(): void {
    this.fs.mkdir(this.dir);
    const opened = this.fs.open(this.path);
    this.fd = opened.fd;
    this.size = opened.size;
  }

  private rotate(): void {
    this.close();
    this.fs.remove(this.fileAt(this.keep - 1));
    for (let i = this.keep - 2; i >= 0; i--) this.fs.rename(this.fileAt(i), this.fileAt(i + 1));
    this.openFile();
  }

  private fail(error: unknown): void {
    this.close();
    this.failedAt = this.now();
    if (this.noted) return;
    this.noted = true;
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
    this.notice(`[log] cannot write ${this.path} (${code}); logging to stderr instead`);
  }
}
