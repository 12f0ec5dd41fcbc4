// The request log is a ring buffer: the latest entries, oldest first.
import { describe, expect, it } from 'vitest';
import { RequestLog } from '../../../src/simulator/request-log';

const entry = (n: number) => ({ method: 'GET', path: `/${n}`, status: 200, at: n });

describe('RequestLog', () => {
  it('keeps at most its capacity, dropping the oldest, in order', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 7; n++) log.push(entry(n));
    expect(log.toArray().map((e) => e.path)).toEqual(['/5', '/6', '/7']);
    expect(log.size).toBe(3);
    expect(log.total).toBe(7);
  });

  it('before it fills up, keeps everything; clear empties it', () => {
    const log = new RequestLog(5);
    log.push(entry(1));
    log.push(entry(2));
    expect(log.toArray().map((e) => e.path)).toEqual(['/1', '/2']);
    log.clear();
    expect(log.toArray()).toEqual([]);
    log.push(entry(3));
    expect(log.toArray().map((e) => e.path)).toEqual(['/3']);
  });

  it('hands out the entries themselves, so a status filled in later shows', () => {
    const log = new RequestLog(2);
    const pending = { ...entry(1), status: 0 };
    log.push(pending);
    pending.status = 204;
    expect(log.toArray()[0]?.status).toBe(204);
  });
});
