// The history's file layer with injected failures, for where a real disk cannot be made to fail
// (no permission to mount): writes throw errors carrying the code a real disk would give.
import { nodeHistoryFiles } from '../../../../src/main/history/history-files';
import type { HistoryFiles } from '../../../../src/main/history/history-files';

export class FaultyHistoryFiles implements HistoryFiles {
  private failing: { readonly code: string; readonly match: (file: string) => boolean } | undefined;
  private gate: Promise<void> | undefined;
  attempts = 0;

  /** Appends wait until the returned function is called (a slow disk: a write stays under way). */
  hold(): () => void {
    let release = (): void => undefined;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  /** From now on, appends to matching files fail with this code (ENOSPC, EROFS, …). */
  fail(code: string, match: (file: string) => boolean = () => true): void {
    this.failing = { code, match };
  }

  heal(): void {
    this.failing = undefined;
  }

  async append(dir: string, file: string, text: string): Promise<void> {
    this.attempts++;
    await this.gate;
    if (this.failing?.match(file) === true) throw Object.assign(new Error(`${this.failing.code}: injected`), { code: this.failing.code });
    await nodeHistoryFiles.append(dir, file, text);
  }

  read(file: string): Promise<string> {
    return nodeHistoryFiles.read(file);
  }

  list(dir: string): Promise<string[]> {
    return nodeHistoryFiles.list(dir);
  }

  size(file: string): Promise<number> {
    return nodeHistoryFiles.size(file);
  }

  readRange(file: string, start: number, length: number): Promise<Buffer> {
    return nodeHistoryFiles.readRange(file, start, length);
  }
}
