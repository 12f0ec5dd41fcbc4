// A fake desktop behind src/main/platform/session-bus.ts's port, for the composition-root tests:
// which names own the session bus (a tray host, a screensaver), the watcher's property, and the
// screensaver's ActiveChanged signal. The real adapter is tested against a real dbus-daemon
// (test/integration/main/session-bus.test.ts). Install with:
//   vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus'));
import type { BusPort, SignalMatch } from '../../../src/main/platform/session-bus';

type Listener = { readonly match: SignalMatch; readonly listener: (body: readonly unknown[]) => void };

export const fakeDesktop = {
  /** 'hosted': a StatusNotifierWatcher with a host (KDE, or GNOME with the extension); 'none': stock GNOME. */
  trayHost: 'hosted' as 'hosted' | 'watcher-only' | 'none',
  /** false: no DBUS_SESSION_BUS_ADDRESS at all. */
  sessionBus: true,
  /** The screensaver that owns its name on the session bus, if any. */
  screensaver: 'org.freedesktop.ScreenSaver' as 'org.freedesktop.ScreenSaver' | 'org.gnome.ScreenSaver' | undefined,
  listeners: [] as Listener[],
  opened: 0,
  closed: 0,

  /** The desktop's screensaver (and lock) turns on or off. */
  screensaverActive(active: boolean): void {
    const name = fakeDesktop.screensaver;
    if (name === undefined) throw new Error('this desktop has no screensaver on the bus');
    for (const { match, listener } of fakeDesktop.listeners) if (match.interface === name && match.member === 'ActiveChanged') listener([active]);
  },

  reset(): void {
    fakeDesktop.trayHost = 'hosted';
    fakeDesktop.sessionBus = true;
    fakeDesktop.screensaver = 'org.freedesktop.ScreenSaver';
    fakeDesktop.listeners = [];
    fakeDesktop.opened = 0;
    fakeDesktop.closed = 0;
  },
};

function owners(): string[] {
  return [...(fakeDesktop.trayHost === 'none' ? [] : ['org.kde.StatusNotifierWatcher']), ...(fakeDesktop.screensaver === undefined ? [] : [fakeDesktop.screensaver])];
}

export function openBus(kind: 'session' | 'system'): BusPort | undefined {
  // No logind here: the system bus is not reachable (as in a container).
  if (kind === 'system' || !fakeDesktop.sessionBus) return undefined;
  fakeDesktop.opened++;
  const mine: Listener[] = [];
  return {
    nameHasOwner: async (name) => owners().includes(name),
    getProperty: async (destination, _path, _iface, property) => {
      if (!owners().includes(destination)) throw new Error(`org.freedesktop.DBus.Error.ServiceUnknown: ${destination}`);
      if (property === 'IsStatusNotifierHostRegistered') return fakeDesktop.trayHost === 'hosted';
      throw new Error(`org.freedesktop.DBus.Error.UnknownProperty: ${property}`);
    },
    call: async (destination) => {
      throw new Error(`org.freedesktop.DBus.Error.ServiceUnknown: ${destination}`);
    },
    onSignal: async (match, listener) => {
      const entry = { match, listener };
      mine.push(entry);
      fakeDesktop.listeners.push(entry);
    },
    close: () => {
      fakeDesktop.closed++;
      fakeDesktop.listeners = fakeDesktop.listeners.filter((l) => !mine.includes(l));
    },
  };
}
