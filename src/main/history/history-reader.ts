// Reads stored messages back: backwards from a byte offset (paging), the first one (listing
// conversations), or a scan for a text (search). Damaged lines are skipped and remembered once
// each, by file and byte offset; their line number is filled in once a read has counted the lines
// before them (a read that stops at the last page never learns it).
import type { ChatMessage } from '../../shared/domain';
import { errorCode } from './history-files';
import type { HistoryFiles } from './history-files';
import { linesBackward, linesForward } from './history-lines';
import type { FileLine } from './history-lines';
import type { ParsedLine } from './history-record';

export interface HistoryProblem {
  readonly file: string;
  /** 1-based, where known; absent for an unreadable file and for a line found by a read that stopped short of the file's start. */
  readonly line?: number;
  /** Byte offset of the damaged line; absent when the whole file could not be read. */
  readonly offset?: number;
  readonly reason: string;
}

interface MutableProblem {
  readonly file: string;
  line?: number;
  readonly offset?: number;
  readonly reason: string;
}

export interface StoredMessage {
  readonly message: ChatMessage;
  /** Byte offset of its line: a line start, usable as the end of the next backward read. */
  readonly offset: number;
}

const SCAN_CHUNK_BYTES = 1024 * 1024;

export class HistoryReader {
  private readonly found: MutableProblem[] = [];

  constructor(
    private readonly files: HistoryFiles,
    private readonly parse: (line: string) => ParsedLine,
  ) {}

  /** Grouped by file (in the order first met), each file's in the order of its lines. */
  get problems(): readonly HistoryProblem[] {
    const files = [...new Set(this.found.map((p) => p.file))];
    return files.flatMap((file) => this.found.filter((p) => p.file === file).sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1)));
  }

  damagedLines(file: string): number {
    return this.found.filter((p) => p.file === file && p.offset !== undefined).length;
  }

  /** The file's size, or undefined when there is none (normal) or it cannot be read (reported). */
  async size(file: string): Promise<number | undefined> {
    try {
      return await this.files.size(file);
    } catch (error) {
      this.unreadable(file, error);
      return undefined;
    }
  }

  /** Messages whose lines start before `end` (default: the end of the file), newest first. */
  async *backward(file: string, end?: number): AsyncGenerator<StoredMessage> {
    const size = await this.size(file);
    if (size === undefined) return;
    // Only the damaged lines are remembered, with their place from the end, not every line walked.
    const damaged: { readonly problem: MutableProblem; readonly fromEnd: number }[] = [];
    let walked = 0;
    let lines: AsyncGenerator<FileLine>;
    try {
      lines = linesBackward(this.files, file, Math.min(end ?? size, size), size);
    } catch (error) {
      this.unreadable(file, error);
      return;
    }
    try {
      for await (const line of lines) {
        const parsed = this.parseLine(file, line);
        walked++;
        if (parsed.problem !== undefined) damaged.push({ problem: parsed.problem, fromEnd: walked });
        if (parsed.message !== undefined) yield { message: parsed.message, offset: line.offset };
      }
    } catch (error) {
      this.unreadable(file, error);
      return;
    }
    // Reached the start: every line before the ones found damaged has been counted.
    for (const d of damaged) d.problem.line ??= walked - d.fromEnd + 1;
  }

  /** The first readable message of the file. */
  async first(file: string): Promise<ChatMessage | undefined> {
    const size = await this.size(file);
    if (size === undefined) return undefined;
    let number = 0;
    try {
      for await (const line of linesForward(this.files, file, size)) {
        number++;
        const parsed = this.parseLine(file, line, number);
        if (parsed.message !== undefined) return parsed.message;
      }
    } catch (error) {
      this.unreadable(file, error);
    }
    return undefined;
  }

  /**
   * Every message whose line contains `needle` (lower-case, JSON-escaped), oldest first. A chunk
   * whose lower-cased text lacks it is skipped without looking at its lines.
   */
  async scan(file: string, needle: string, found: (message: ChatMessage) => void): Promise<void> {
    const size = await this.size(file);
    if (size === undefined) return;
    let position = 0;
    let carry: Buffer = Buffer.alloc(0);
    try {
      while (position < size) {
        const chunk = await this.files.readRange(file, position, Math.min(SCAN_CHUNK_BYTES, size - position));
        if (chunk.length === 0) break;
        const buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
        const base = position - carry.length;
        position += chunk.length;
        const whole = position >= size ? buffer.length : buffer.lastIndexOf(0x0a) + 1;
        carry = buffer.subarray(whole);
        const text = buffer.toString('utf8', 0, whole);
        if (!text.toLowerCase().includes(needle)) continue;
        let start = 0;
        for (const lineText of text.split('\n')) {
          const lineStart = start;
          start += lineText.length + 1;
          if (lineText === '' || !lineText.toLowerCase().includes(needle)) continue;
          const offset = base + Buffer.byteLength(text.slice(0, lineStart));
          const parsed = this.parseLine(file, { text: lineText, offset, unfinished: start > text.length && whole === buffer.length && buffer[buffer.length - 1] !== 0x0a });
          if (parsed.message !== undefined) found(parsed.message);
        }
      }
    } catch (error) {
      this.unreadable(file, error);
    }
  }

  private parseLine(file: string, line: FileLine, number?: number): { readonly message?: ChatMessage; readonly problem?: MutableProblem } {
    if (line.text === '') return {};
    const parsed = this.parse(line.text);
    if (parsed.ok) return { message: parsed.message };
    let problem = this.found.find((p) => p.file === file && p.offset === line.offset);
    if (problem === undefined) {
      problem = { file, offset: line.offset, reason: line.unfinished ? `${parsed.reason} (an unfinished last line, as after a crash)` : parsed.reason };
      this.found.push(problem);
    }
    if (number !== undefined) problem.line ??= number;
    return { problem };
  }

  private unreadable(file: string, error: unknown): void {
    // No file yet is normal; anything else (a folder in its place, no permission) is reported.
    const code = errorCode(error);
    if (code === 'ENOENT' || this.found.some((p) => p.file === file && p.offset === undefined)) return;
    this.found.push({ file, reason: `unreadable (${code ?? 'error'})` });
  }
}
