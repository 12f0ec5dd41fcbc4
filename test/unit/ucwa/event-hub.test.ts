// The client's listeners: every event reaches each of them in the order they came, one that throws
// is logged and never stops the others, and `waitFor` answers the first matching event or a timeout.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUcwaError } from '../../../src/main/ucwa/errors';
import { EventHub } from '../../../src/main/ucwa/event-hub';
import type { UcwaEvent } from '../../../src/main/ucwa/events';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import type { LogLevel } from '../../../src/main/ucwa/logger';

function hubWithLog(): { hub: EventHub; logs: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] } {
  const logs: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] = [];
  const logger = createLogger('test', (level, _scope, message, fields) => void logs.push({ level, message, ...(fields === undefined ? {} : { fields }) }), new SecretRedactor());
  return { hub: new EventHub(logger), logs };
}

const ended = (conversationId: string): UcwaEvent => ({ type: 'conversationEnded', conversationId });

afterEach(() => {
  vi.useRealTimers();
});

describe('EventHub', () => {
  it('gives every event to every listener until it turns itself off', () => {
    const { hub } = hubWithLog();
    const a: string[] = [];
    const b: string[] = [];
    const offA = hub.on((e) => void a.push(e.type));
    hub.on((e) => void b.push(e.type));
    hub.emit({ type: 'meChanged' });
    offA();
    hub.emit({ type: 'missedItemsChanged' });
    expect(a).toEqual(['meChanged']);
    expect(b).toEqual(['meChanged', 'missedItemsChanged']);
  });

  it('logs a listener that throws and still reaches the listeners after it', () => {
    const { hub, logs } = hubWithLog();
    const seen: string[] = [];
    hub.on(() => {
      throw new Error('window is gone');
    });
    hub.on(() => {
      throw 'plain string';
    });
    hub.on((e) => void seen.push(e.type));
    hub.emit({ type: 'meChanged' });
    expect(seen).toEqual(['meChanged']);
    expect(logs).toEqual([
      { level: 'error', message: 'listener failed', fields: { type: 'meChanged', reason: 'window is gone' } },
      { level: 'error', message: 'listener failed', fields: { type: 'meChanged', reason: 'plain string' } },
    ]);
  });

  it('does not give an event to a listener added while it is being given out', () => {
    const { hub } = hubWithLog();
    const late: string[] = [];
    hub.on(() => {
      hub.on((e) => void late.push(e.type));
    });
    hub.emit({ type: 'meChanged' });
    expect(late).toEqual([]);
    hub.emit({ type: 'missedItemsChanged' });
    expect(late).toEqual(['missedItemsChanged']);
  });

  it('waitFor answers the first event of the type that matches, and stops listening', async () => {
    const { hub } = hubWithLog();
    const tested: string[] = [];
    const waiting = hub.waitFor('conversationEnded', (e) => (tested.push(e.conversationId), e.conversationId === 'c2'), 1000);
    hub.emit({ type: 'meChanged' });
    hub.emit(ended('c1'));
    hub.emit(ended('c2'));
    hub.emit(ended('c3'));
    await expect(waiting).resolves.toEqual(ended('c2'));
    expect(tested).toEqual(['c1', 'c2']);
  });

  it('waitFor rejects with a timeout when no event matches in time, and stops listening', async () => {
    vi.useFakeTimers();
    const { hub } = hubWithLog();
    let asked = 0;
    const waiting = hub.waitFor('conversationEnded', () => (asked++, false), 500);
    const outcome = waiting.then(
      () => 'resolved',
      (error: unknown) => (isUcwaError(error, 'timeout') ? (error as Error).message : 'other error'),
    );
    hub.emit(ended('c1'));
    await vi.advanceTimersByTimeAsync(499);
    hub.emit(ended('c2'));
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('No conversationEnded event within 500 ms.');
    hub.emit(ended('c3'));
    expect(asked).toBe(2);
  });

  it('waitFor that matched does not time out later', async () => {
    vi.useFakeTimers();
    const { hub } = hubWithLog();
    const waiting = hub.waitFor('meChanged', () => true, 100);
    hub.emit({ type: 'meChanged' });
    await expect(waiting).resolves.toEqual({ type: 'meChanged' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
