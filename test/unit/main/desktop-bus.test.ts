// What the desktop's D-Bus answers, through the port: is there a tray host (a StatusNotifierWatcher
// with a registered host), and which lock signals are there. The real adapter is tested against a
// real dbus-daemon in test/integration/main/session-bus.test.ts.
import { describe, expect, it } from 'vitest';
import { watchScreenLock } from '../../../src/main/platform/screen-lock';
import type { BusPort, SignalMatch } from '../../../src/main/platform/session-bus';
import { detectTrayHost } from '../../../src/main/platform/tray-host';

interface ScriptedBus extends BusPort {
  closed: number;
  signal(iface: string, member: string, body: unknown[], path?: string): void;
}

function scriptedBus(owners: string[], properties: Record<string, unknown> = {}, calls: Record<string, unknown[]> = {}): ScriptedBus {
  const listeners: { match: SignalMatch; listener: (body: readonly unknown[]) => void }[] = [];
  const bus: ScriptedBus = {
    closed: 0,
    nameHasOwner: async (name) => owners.includes(name),
    getProperty: async (_destination, _path, _iface, property) => {
      if (!(property in properties)) throw new Error('org.freedesktop.DBus.Error.UnknownProperty');
      return properties[property];
    },
    call: async (_destination, _path, iface, member) => {
      const answer = calls[`${iface}.${member}`];
      if (answer === undefined) throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
      return answer;
    },
    onSignal: async (match, listener) => void listeners.push({ match, listener }),
    close: () => void bus.closed++,
    signal: (iface, member, body, path) => {
      for (const { match, listener } of listeners) if (match.interface === iface && match.member === member && (match.path === undefined || match.path === path)) listener(body);
    },
  };
  return bus;
}

const WATCHER = 'org.kde.StatusNotifierWatcher';

describe('tray host', () => {
  it('macOS and Windows always have one; the bus is not asked', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(await detectTrayHost(platform, () => { throw new Error('asked'); })).toMatchObject({ present: true });
    }
  });

  it('Linux: a watcher with a registered host says yes; no bus, no watcher or no host say no', async () => {
    const hosted = scriptedBus([WATCHER], { IsStatusNotifierHostRegistered: true });
    expect(await detectTrayHost('linux', () => hosted)).toEqual({ present: true, reason: 'a StatusNotifierWatcher with a host' });
    expect(hosted.closed).toBe(1);
    expect(await detectTrayHost('linux', () => undefined)).toEqual({ present: false, reason: 'no session D-Bus' });
    expect(await detectTrayHost('linux', () => scriptedBus([]))).toMatchObject({ present: false, reason: 'no StatusNotifierWatcher on the session bus' });
    expect(await detectTrayHost('linux', () => scriptedBus([WATCHER], { IsStatusNotifierHostRegistered: false }))).toMatchObject({ present: false });
  });

  it('Linux: a watcher without the property counts; a bus that fails counts as none', async () => {
    expect(await detectTrayHost('linux', () => scriptedBus([WATCHER]))).toMatchObject({ present: true });
    const broken: BusPort = { ...scriptedBus([]), nameHasOwner: async () => Promise.reject(new Error('D-Bus: no answer to NameHasOwner within 2000 ms')) };
    expect(await detectTrayHost('linux', () => broken)).toEqual({ present: false, reason: 'the session bus did not answer (D-Bus: no answer to NameHasOwner within 2000 ms)' });
  });
});

describe('screen lock on Linux', () => {
  it('follows the screensaver\'s ActiveChanged, each change once', async () => {
    const session = scriptedBus(['org.gnome.ScreenSaver']);
    const seen: string[] = [];
    const watch = await watchScreenLock({ session: () => session, system: () => undefined }, { locked: () => seen.push('locked'), unlocked: () => seen.push('unlocked') });
    expect(watch).toMatchObject({ kind: 'signals', sources: ['org.gnome.ScreenSaver'] });
    for (const active of [true, true, false, false, true]) session.signal('org.gnome.ScreenSaver', 'ActiveChanged', [active]);
    expect(seen).toEqual(['locked', 'unlocked', 'locked']);
    watch.stop();
    expect(session.closed).toBe(1);
  });

  it('follows logind\'s Lock and Unlock of our own session only', async () => {
    const system = scriptedBus(['org.freedesktop.login1'], {}, { 'org.freedesktop.login1.Manager.GetSessionByPID': ['/org/freedesktop/login1/session/_32'] });
    const seen: string[] = [];
    const watch = await watchScreenLock({ session: () => scriptedBus([]), system: () => system }, { locked: () => seen.push('locked'), unlocked: () => seen.push('unlocked') }, 4242);
    expect(watch).toMatchObject({ kind: 'signals', sources: ['org.freedesktop.login1.Session'] });
    system.signal('org.freedesktop.login1.Session', 'Lock', [], '/org/freedesktop/login1/session/c7');
    system.signal('org.freedesktop.login1.Session', 'Lock', [], '/org/freedesktop/login1/session/_32');
    system.signal('org.freedesktop.login1.Session', 'Unlock', [], '/org/freedesktop/login1/session/_32');
    expect(seen).toEqual(['locked', 'unlocked']);
  });

  it('without any lock signal it is idle time only, and the buses are let go', async () => {
    const session = scriptedBus([]);
    const system = scriptedBus([]);
    const watch = await watchScreenLock({ session: () => session, system: () => system }, { locked: () => undefined, unlocked: () => undefined });
    expect(watch.kind).toBe('idle-only');
    expect([session.closed, system.closed]).toEqual([1, 1]);
  });
});
