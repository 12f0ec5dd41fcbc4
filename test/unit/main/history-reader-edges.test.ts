// The history reader on its own, over files held in memory: so a test can cut a file short, make a
// read fail at the n-th call, and see exactly which byte ranges a search asks for. What it pins:
// which problems are reported (once each, in which order, numbered how), and that a search finds
// every line holding the text wherever the 1 MiB chunks it reads happen to cut the file.
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import type { HistoryFiles } from '../../../src/main/history/history-files';
import { HistoryReader } from '../../../src/main/history/history-reader';
import type { StoredMessage } from '../../../src/main/history/history-reader';
import { parseHistoryLine } from '../../../src/main/history/history-record';
import { checksum, encodeHistoryLine } from '../../../src/main/history/history-store';

const MiB = 1024 * 1024;
/** More reads than any test here needs: a reader that loops on a file fails instead of hanging. */
const READ_LIMIT = 10_000;

interface Fault {
  readonly file: string;
  readonly on: 'size' | 'read';
  readonly error: unknown;
  skip: number;
  times: number;
}

class MemoryFiles implements HistoryFiles {
  /** Every readRange asked for, as [start, length]. */
  readonly ranges: [number, number][] = [];
  private readonly contents = new Map<string, Buffer>();
  private readonly faults: Fault[] = [];
  /** Bytes size() reports beyond the content: the file was cut after it was measured. */
  private readonly cut = new Map<string, number>();
  private reads = 0;

  put(file: string, content: string, cutAfterMeasuring = 0): void {
    this.contents.set(file, Buffer.from(content));
    this.cut.set(file, cutAfterMeasuring);
  }

  /** The file's size() or readRange() throws `error`, after `skip` calls that work, `times` times. */
  fail(file: string, on: 'size' | 'read', error: unknown, skip = 0, times = Number.POSITIVE_INFINITY): void {
    this.faults.push({ file, on, error, skip, times });
  }

  append(): Promise<void> {
    return Promise.reject(new Error('the reader never writes'));
  }

  read(): Promise<string> {
    return Promise.reject(new Error('the reader reads ranges, never a whole file'));
  }

  list(): Promise<string[]> {
    return Promise.resolve([]);
  }

  async size(file: string): Promise<number> {
    this.trip(file, 'size');
    return this.content(file).length + (this.cut.get(file) ?? 0);
  }

  async readRange(file: string, start: number, length: number): Promise<Buffer> {
    this.trip(file, 'read');
    if (++this.reads > READ_LIMIT) throw new Error('read again and again');
    this.ranges.push([start, length]);
    return Buffer.from(this.content(file).subarray(start, start + length));
  }

  private content(file: string): Buffer {
    const content = this.contents.get(file);
    if (content === undefined) throw failure('ENOENT');
    return content;
  }

  private trip(file: string, on: 'size' | 'read'): void {
    for (const fault of this.faults) {
      if (fault.file !== file || fault.on !== on) continue;
      if (fault.skip > 0) fault.skip--;
      else if (fault.times > 0) {
        fault.times--;
        throw fault.error;
      }
    }
  }
}

function failure(code?: string): Error {
  return Object.assign(new Error(code ?? 'something odd'), code === undefined ? {} : { code });
}

function message(id: string, text: string): ChatMessage {
  return { id, conversationId: 'chat:ben', direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text, time: 1_700_000_000_000, delivery: 'delivered' };
}

const line = (id: string, text: string): string => encodeHistoryLine(message(id, text));
/** A whole line whose checksum does not match its message. */
const tampered = (id: string, text: string): string => `${JSON.stringify({ v: 1, c: '0'.repeat(16), m: message(id, text) })}\n`;
/** Byte offset where the `index`-th of these lines starts. */
const offsetOf = (lines: readonly string[], index: number): number => Buffer.byteLength(lines.slice(0, index).join(''));

function newReader(files: MemoryFiles): HistoryReader {
  return new HistoryReader(files, (text) => parseHistoryLine(text, checksum));
}

async function all(source: AsyncIterable<StoredMessage>): Promise<StoredMessage[]> {
  const out: StoredMessage[] = [];
  for await (const stored of source) out.push(stored);
  return out;
}

async function search(reader: HistoryReader, file: string, needle: string): Promise<string[]> {
  const texts: string[] = [];
  await reader.scan(file, needle, (m) => texts.push(m.text));
  return texts;
}

/** Every way the reader touches a file, twice over. */
async function touchTwice(reader: HistoryReader, file: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await reader.size(file);
    await all(reader.backward(file));
    await reader.first(file);
    await search(reader, file, 'x');
  }
}

describe('history reader problems', () => {
  it('reports a file it cannot read once, with the error code (or "error" without one), each file on its own, and a missing file not at all', async () => {
    const files = new MemoryFiles();
    files.put('a', line('a1', 'hi'));
    files.put('b', line('b1', 'hi'));
    files.fail('a', 'size', failure('EACCES'));
    files.fail('b', 'size', failure());
    const reader = newReader(files);
    for (const file of ['a', 'b', 'missing']) await touchTwice(reader, file);
    expect(reader.problems).toEqual([
      { file: 'a', reason: 'unreadable (EACCES)' },
      { file: 'b', reason: 'unreadable (error)' },
    ]);
    expect(reader.damagedLines('a')).toBe(0);
  });

  it("lists a file's unreadable entry before its damaged lines, whichever was met first, and counts only the damaged lines", async () => {
    const files = new MemoryFiles();
    const reader = newReader(files);
    // Damaged lines first, then the file cannot be read.
    files.put('a', `garbage\n${line('a1', 'one')}`);
    await all(reader.backward('a'));
    files.fail('a', 'size', failure('EIO'), 0, 1);
    expect(await all(reader.backward('a'))).toEqual([]);
    // Unreadable first, then readable with damaged lines.
    const b = ['junk\n', line('b1', 'one'), 'more junk\n', line('b2', 'two')];
    files.put('b', b.join(''));
    files.fail('b', 'size', failure('EACCES'), 0, 1);
    expect(await reader.size('b')).toBeUndefined();
    expect((await all(reader.backward('b'))).map((s) => s.message.text)).toEqual(['two', 'one']);
    expect(reader.problems).toEqual([
      { file: 'a', reason: 'unreadable (EIO)' },
      { file: 'a', line: 1, offset: 0, reason: 'not JSON' },
      { file: 'b', reason: 'unreadable (EACCES)' },
      { file: 'b', line: 1, offset: 0, reason: 'not JSON' },
      { file: 'b', line: 3, offset: offsetOf(b, 2), reason: 'not JSON' },
    ]);
    expect([reader.damagedLines('a'), reader.damagedLines('b')]).toEqual([1, 2]);
  });

  it('reports a file whose read fails midway, and leaves the damaged lines met before unnumbered', async () => {
    const files = new MemoryFiles();
    const lines = Array.from({ length: 400 }, (_, i) => line(`m${i}`, `message ${i}`));
    lines.push('garbage\n');
    files.put('f', lines.join(''));
    // The last 64 KiB read back, the next read fails.
    files.fail('f', 'read', failure('EIO'), 1);
    const reader = newReader(files);
    const stored = await all(reader.backward('f'));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(400);
    expect(reader.problems).toEqual([
      { file: 'f', reason: 'unreadable (EIO)' },
      { file: 'f', offset: offsetOf(lines, 400), reason: 'not JSON' },
    ]);
  });

  it('remembers a damaged line met again (forwards, backwards, by a search) once, and never a blank line', async () => {
    const files = new MemoryFiles();
    files.put('f', `garbage\n\n${line('m1', 'one')}\n`);
    const reader = newReader(files);
    await reader.first('f');
    await all(reader.backward('f'));
    await all(reader.backward('f'));
    expect(await search(reader, 'f', 'garbage')).toEqual([]);
    expect(reader.problems).toEqual([{ file: 'f', line: 1, offset: 0, reason: 'not JSON' }]);
    expect(reader.damagedLines('f')).toBe(1);
  });
});

describe('history reader first message', () => {
  it('passes over damaged and blank lines before it, numbering the damaged ones by their place', async () => {
    const files = new MemoryFiles();
    const lines = ['garbage\n', '\n', tampered('m0', 'zero'), line('m1', 'one'), line('m2', 'two')];
    files.put('f', lines.join(''));
    const reader = newReader(files);
    expect((await reader.first('f'))?.text).toBe('one');
    expect(reader.problems).toEqual([
      { file: 'f', line: 1, offset: 0, reason: 'not JSON' },
      { file: 'f', line: 3, offset: offsetOf(lines, 2), reason: 'checksum mismatch' },
    ]);
  });

  it('is undefined, and the file reported, when the file cannot be read', async () => {
    const files = new MemoryFiles();
    files.put('f', line('m1', 'one'));
    files.fail('f', 'read', failure('EIO'));
    const reader = newReader(files);
    expect(await reader.first('f')).toBeUndefined();
    expect(reader.problems).toEqual([{ file: 'f', reason: 'unreadable (EIO)' }]);
  });
});

describe('history reader backwards from an offset', () => {
  it('reads the lines starting before the offset, and the whole file for an offset past its end (the file was cut since)', async () => {
    const files = new MemoryFiles();
    const lines = [line('m0', 'zero'), line('m1', 'one'), line('m2', 'two')];
    files.put('f', lines.join(''));
    const reader = newReader(files);
    expect((await all(reader.backward('f', offsetOf(lines, 2)))).map((s) => s.message.text)).toEqual(['one', 'zero']);
    expect((await all(reader.backward('f', offsetOf(lines, 3) + 100))).map((s) => [s.message.text, s.offset])).toEqual([
      ['two', offsetOf(lines, 2)],
      ['one', offsetOf(lines, 1)],
      ['zero', 0],
    ]);
    expect(reader.problems).toEqual([]);
  });
});

describe('history reader search', () => {
  it('hands over only the messages whose line holds the text, and looks at no other line', async () => {
    const files = new MemoryFiles();
    files.put('f', [line('m1', 'Report one'), 'garbage\n', line('m2', 'lunch?'), '\n', line('m3', 'REPORT two')].join(''));
    const reader = newReader(files);
    expect(await search(reader, 'f', 'report')).toEqual(['Report one', 'REPORT two']);
    expect(reader.problems).toEqual([]);
  });

  it('reports a file whose read fails while searching', async () => {
    const files = new MemoryFiles();
    files.put('f', line('m1', 'Report one'));
    files.fail('f', 'read', failure('EIO'));
    const reader = newReader(files);
    expect(await search(reader, 'f', 'report')).toEqual([]);
    expect(reader.problems).toEqual([{ file: 'f', reason: 'unreadable (EIO)' }]);
  });

  it('reports a damaged line holding the text', async () => {
    const files = new MemoryFiles();
    // Any damaged text would do; this one is also what the mutation tool puts in place of '' (the blank-line check).
    files.put('f', `${line('m1', 'one')}Stryker was here!\n`);
    const reader = newReader(files);
    expect(await search(reader, 'f', 'was here')).toEqual([]);
    expect(reader.problems).toEqual([{ file: 'f', offset: Buffer.byteLength(line('m1', 'one')), reason: 'not JSON' }]);
  });

  it('calls only a cut-short last line unfinished, and finds a last line that lacks just its newline', async () => {
    const files = new MemoryFiles();
    const lines = [line('m1', 'Report a'), tampered('m2', 'Report b'), line('m3', 'Report c'), line('m4', 'Report d').slice(0, -4)];
    files.put('cut', lines.join(''));
    files.put('whole', `${line('m5', 'Report e')}${line('m6', 'Report f').trimEnd()}`);
    const reader = newReader(files);
    expect(await search(reader, 'cut', 'report')).toEqual(['Report a', 'Report c']);
    expect(await search(reader, 'whole', 'report')).toEqual(['Report e', 'Report f']);
    expect(reader.problems).toEqual([
      { file: 'cut', offset: offsetOf(lines, 1), reason: 'checksum mismatch' },
      { file: 'cut', offset: offsetOf(lines, 3), reason: 'not JSON (an unfinished last line, as after a crash)' },
    ]);
  });

  it('stops at the end of a file cut short after it was measured', async () => {
    const files = new MemoryFiles();
    files.put('f', [line('m1', 'Report one'), line('m2', 'Report two')].join(''), 100);
    const reader = newReader(files);
    expect(await search(reader, 'f', 'report')).toEqual(['Report one', 'Report two']);
    expect(reader.problems).toEqual([]);
  });

  describe('through a file of several chunks', () => {
    let built: BigFile | undefined;
    const big = (): BigFile => (built ??= bigFile());

    it('reads it once, in 1 MiB chunks, asking nothing past its end', async () => {
      const files = new MemoryFiles();
      files.put('f', big().text);
      await search(newReader(files), 'f', 'report');
      const size = Buffer.byteLength(big().text);
      expect(files.ranges).toEqual([
        [0, MiB],
        [MiB, MiB],
        [2 * MiB, size - 2 * MiB],
      ]);
    });

    it('finds the lines on both sides of a chunk boundary and the one across it (cut inside a character), with exact byte offsets', async () => {
      const files = new MemoryFiles();
      files.put('f', big().text);
      const reader = newReader(files);
      expect(await search(reader, 'f', 'report')).toEqual(big().found);
      expect(reader.problems).toEqual([{ file: 'f', offset: big().damagedOffset, reason: 'checksum mismatch' }]);
      // A later read backwards meets the same line at the same offset: still one problem, now numbered.
      await all(reader.backward('f'));
      expect(reader.problems).toEqual([{ file: 'f', line: big().damagedLine, offset: big().damagedOffset, reason: 'checksum mismatch' }]);
    });
  });
});

interface BigFile {
  readonly text: string;
  /** Texts a search for "report" finds, oldest first. */
  readonly found: readonly string[];
  readonly damagedOffset: number;
  readonly damagedLine: number;
}

/**
 * About 2.5 MiB: a line holding "report" ends just before the first 1 MiB boundary, the next one
 * crosses it (the boundary falls inside a two-byte "é"), then a damaged one and a whole one follow.
 */
function bigFile(): BigFile {
  const lines: string[] = [];
  let bytes = 0;
  const add = (...added: string[]): void => {
    for (const l of added) {
      lines.push(l);
      bytes += Buffer.byteLength(l);
    }
  };
  const filler = (): string => line(`f${lines.length}`, `filler ${lines.length} ${'é'.repeat(lines.length % 7)}`);
  add(line('first', 'Report at the start'));
  while (bytes < MiB - 4_000) add(filler());
  const before = line('before', 'Report just before the boundary');
  const acrossText = `Report across the boundary ${'é'.repeat(300)}`;
  const across = line('across', acrossText);
  const accentAt = Buffer.from(across).indexOf(Buffer.from('é'));
  // Padding puts `across` where the boundary falls 101 bytes into its accents: inside the 51st "é".
  const acrossStart = MiB - accentAt - 101;
  add(line('pad', 'x'.repeat(acrossStart - bytes - Buffer.byteLength(line('pad', '')) - Buffer.byteLength(before))));
  add(before, across, filler());
  const damagedIndex = lines.length;
  add(tampered('damaged', 'Report damaged'), filler(), line('after', 'Report after the boundary'));
  while (bytes < 2.5 * MiB) add(filler());
  const text = lines.join('');
  const boundaryByte = Buffer.from(text)[MiB];
  // The fixture is what it claims to be.
  expect(offsetOf(lines, lines.indexOf(across))).toBe(acrossStart);
  expect(boundaryByte !== undefined && (boundaryByte & 0xc0) === 0x80).toBe(true);
  return {
    text,
    found: ['Report at the start', 'Report just before the boundary', acrossText, 'Report after the boundary'],
    damagedOffset: offsetOf(lines, damagedIndex),
    damagedLine: damagedIndex + 1,
  };
}
