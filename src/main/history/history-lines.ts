// A history file's lines read in pages, from a byte offset backwards (opening a conversation reads
// its last page, not the whole file) or from the start forwards (search, listing conversations).
// Lines are split on the byte 0x0a, which never occurs inside a UTF-8 sequence, so offsets are exact.
import type { HistoryFiles } from './history-files';

export const CHUNK_BYTES = 64 * 1024;

export interface FileLine {
  readonly text: string;
  /** Byte offset of the line's first byte. */
  readonly offset: number;
  /** The file ends inside this line (no newline after it): a write a crash cut short. */
  readonly unfinished: boolean;
}

/** Lines that start before `end` (a line start, or the file's size), newest first; empty lines are yielded too. */
export async function* linesBackward(files: HistoryFiles, file: string, end: number, fileSize: number, chunkBytes = CHUNK_BYTES): AsyncGenerator<FileLine> {
  let position = end;
  // Bytes of the line that began before the chunk just read (its start not seen yet).
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  // Set while the line ending at the file's end without a newline has not been yielded yet.
  let cut = end === fileSize && end > 0;
  while (position > 0) {
    const start = Math.max(0, position - chunkBytes);
    const chunk = await files.readRange(file, start, position - start);
    if (chunk.length < position - start) throw Object.assign(new Error('the history file shrank while being read'), { code: 'ESHRANK' });
    const buffer = carry.length === 0 ? chunk : Buffer.concat([chunk, carry]);
    let lineEnd = buffer.length;
    if (first && buffer[buffer.length - 1] === 0x0a) {
      cut = false;
      lineEnd = buffer.length - 1;
    }
    first = false;
    // (lastIndexOf with a negative offset would count from the end: stop at 0 explicitly.)
    while (lineEnd > 0) {
      const newline = buffer.lastIndexOf(0x0a, lineEnd - 1);
      if (newline < 0) break;
      yield { text: buffer.toString('utf8', newline + 1, lineEnd), offset: start + newline + 1, unfinished: cut };
      cut = false;
      lineEnd = newline;
    }
    carry = buffer.subarray(0, lineEnd);
    position = start;
    if (position === 0) yield { text: carry.toString('utf8'), offset: 0, unfinished: cut };
  }
}

/** Every line from the start, oldest first, a chunk at a time (memory stays at one chunk and one line). */
export async function* linesForward(files: HistoryFiles, file: string, fileSize: number, chunkBytes = 4 * CHUNK_BYTES): AsyncGenerator<FileLine> {
  let position = 0;
  let carry: Buffer = Buffer.alloc(0);
  while (position < fileSize) {
    const chunk = await files.readRange(file, position, Math.min(chunkBytes, fileSize - position));
    if (chunk.length === 0) break;
    const base = position - carry.length;
    const buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    position += chunk.length;
    let lineStart = 0;
    for (let newline = buffer.indexOf(0x0a); newline >= 0; newline = buffer.indexOf(0x0a, lineStart)) {
      yield { text: buffer.toString('utf8', lineStart, newline), offset: base + lineStart, unfinished: false };
      lineStart = newline + 1;
    }
    carry = buffer.subarray(lineStart);
  }
  if (carry.length > 0) yield { text: carry.toString('utf8'), offset: position - carry.length, unfinished: true };
}
