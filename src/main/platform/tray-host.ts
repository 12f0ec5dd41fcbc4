// Is there anything on this desktop to show a tray icon? On Linux, Electron's Tray is a
// StatusNotifierItem: it shows only where a StatusNotifierWatcher with a registered host runs on
// the session bus (KDE, Cinnamon, XFCE with its plugin, GNOME with the AppIndicator extension).
// Stock GNOME has none, and `new Tray()` succeeds there all the same: the icon just never
// appears (electron/electron#10427), leaving a popup nobody can open. So we ask the bus first.
// Not covered: a watcher that refuses Electron's registration (electron/electron#53213, GNOME's
// watcher and Electron 43.4.1+): the bus then says yes and the icon still does not show.
import type { BusPort } from './session-bus';

export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';
const WATCHER_PATH = '/StatusNotifierWatcher';

export interface TrayHostAnswer {
  readonly present: boolean;
  /** Why, in a few words, for the log. */
  readonly reason: string;
}

/**
 * On macOS and Windows there is always a tray. On Linux: a watcher with a host means yes; no
 * bus, no watcher, a watcher without a host, or a bus that does not answer mean no — a normal
 * window is always reachable, a tray icon that never shows is not.
 */
export async function detectTrayHost(platform: NodeJS.Platform, openSessionBus: () => BusPort | undefined): Promise<TrayHostAnswer> {
  if (platform !== 'linux') return { present: true, reason: `${platform} always has a tray` };
  const bus = openSessionBus();
  if (bus === undefined) return { present: false, reason: 'no session D-Bus' };
  try {
    if (!(await bus.nameHasOwner(STATUS_NOTIFIER_WATCHER))) return { present: false, reason: 'no StatusNotifierWatcher on the session bus' };
    // Some watchers predate the property: then the watcher alone has to do.
    const hosted = await bus.getProperty(STATUS_NOTIFIER_WATCHER, WATCHER_PATH, STATUS_NOTIFIER_WATCHER, 'IsStatusNotifierHostRegistered').catch(() => true);
    return hosted === false ? { present: false, reason: 'a StatusNotifierWatcher without a host' } : { present: true, reason: 'a StatusNotifierWatcher with a host' };
  } catch (error) {
    return { present: false, reason: `the session bus did not answer (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    bus.close();
  }
}
