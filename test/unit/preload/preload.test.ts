// The preload exposes exactly the contract: one function per method, `on` for push events, and
// nothing else (never ipcRenderer).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, eventChannel, invokeChannel } from '../../../src/shared/ipc-contract';
import type { EventName, UcwaBridge } from '../../../src/shared/ipc-contract';
import { contextBridge, ipcRenderer } from '../../fakes/electron';

vi.mock('electron', () => import('../../fakes/electron'));

let bridge: UcwaBridge;
beforeAll(async () => {
  await import('../../../src/preload/index');
  bridge = contextBridge.exposed.get('ucwa') as UcwaBridge;
});

describe('preload', () => {
  it('exposes only window.ucwa, with exactly the contract keys plus on', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['ucwa']);
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(JSON.stringify(Object.keys(bridge))).not.toContain('ipcRenderer');
  });

  it('invokes on the derived channel with one input object', async () => {
    await bridge.search({ query: 'ben' });
    expect(ipcRenderer.invocations.at(-1)).toEqual({ channel: invokeChannel('search'), args: [{ query: 'ben' }] });
  });

  it('delivers only the payload of pushed events, unsubscribes, and refuses unknown events', () => {
    const payloads: unknown[] = [];
    const off = bridge.on('typingChanged', (p) => payloads.push(p));
    ipcRenderer.emitFromMain(eventChannel('typingChanged'), { conversationId: 'c', typing: ['Ben'] });
    expect(payloads).toEqual([{ conversationId: 'c', typing: ['Ben'] }]);
    off();
    expect(ipcRenderer.listenerCount(eventChannel('typingChanged'))).toBe(0);
    expect(() => bridge.on('notAnEvent' as EventName, () => undefined)).toThrow(/unknown event/);
  });
});

describe('contract names', () => {
  it('list exactly the contract\'s methods and events', async () => {
    const { invokeContract, eventContract } = await import('../../../src/shared/ipc-contract');
    expect(Object.keys(invokeContract).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...EVENT_NAMES].sort());
  });
});
