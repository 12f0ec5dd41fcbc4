// The desktop's D-Bus (Linux), reduced to the three things the app asks of it: does a name have an
// owner, what is a property, tell me of a signal. Everything else (tray-host.ts, screen-lock.ts)
// talks to this port, so tests inject answers; the real one is @jellybrick/dbus-next, a pure
// JavaScript D-Bus client (no native build) that is maintained, unlike the dbus-next it forks.
import { Message, MessageType, sessionBus, systemBus } from '@jellybrick/dbus-next';
import type { MessageBus } from '@jellybrick/dbus-next';

export interface SignalMatch {
  readonly interface: string;
  readonly member: string;
  /** Only signals from this object (e.g. our own login session). */
  readonly path?: string;
}

export interface BusPort {
  nameHasOwner(name: string): Promise<boolean>;
  getProperty(destination: string, path: string, iface: string, property: string): Promise<unknown>;
  call(destination: string, path: string, iface: string, member: string, signature: string, body: readonly unknown[]): Promise<readonly unknown[]>;
  onSignal(match: SignalMatch, listener: (body: readonly unknown[]) => void): Promise<void>;
  close(): void;
}

/** A bus that does not answer is as good as none: nothing at start may wait on it for long. */
const CALL_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`D-Bus: no answer to ${what} within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class DbusNextPort implements BusPort {
  private readonly listeners: { readonly match: SignalMatch; readonly listener: (body: readonly unknown[]) => void }[] = [];

  constructor(private readonly bus: MessageBus) {
    // A lost connection (the desktop session ended) must not crash the app: calls then fail. The
    // bus emits 'error' (an EventEmitter would throw it unheard) though its typings leave it out.
    (bus as unknown as NodeJS.EventEmitter).on('error', () => undefined);
    bus.on('message', (message: Message) => {
      if (message.type !== MessageType.SIGNAL) return;
      for (const { match, listener } of this.listeners) {
        if (message.interface === match.interface && message.member === match.member && (match.path === undefined || message.path === match.path)) listener(message.body);
      }
    });
  }

  async call(destination: string, path: string, iface: string, member: string, signature: string, body: readonly unknown[]): Promise<readonly unknown[]> {
    const reply = await withTimeout(this.bus.call(new Message({ destination, path, interface: iface, member, signature, body: [...body] })), `${iface}.${member}`);
    return reply?.body ?? [];
  }

  async nameHasOwner(name: string): Promise<boolean> {
    const [owned] = await this.call('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'NameHasOwner', 's', [name]);
    return owned === true;
  }

  async getProperty(destination: string, path: string, iface: string, property: string): Promise<unknown> {
    const [variant] = await this.call(destination, path, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [iface, property]);
    return typeof variant === 'object' && variant !== null && 'value' in variant ? (variant as { value: unknown }).value : variant;
  }

  async onSignal(match: SignalMatch, listener: (body: readonly unknown[]) => void): Promise<void> {
    const rule = [`type='signal'`, `interface='${match.interface}'`, `member='${match.member}'`, ...(match.path === undefined ? [] : [`path='${match.path}'`])].join(',');
    await this.call('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'AddMatch', 's', [rule]);
    this.listeners.push({ match, listener });
  }

  close(): void {
    this.listeners.length = 0;
    this.bus.disconnect();
  }
}

/**
 * The user's session bus (DBUS_SESSION_BUS_ADDRESS) or the system bus; undefined where there is
 * none to connect to (a session without D-Bus, or not Linux).
 */
export function openBus(kind: 'session' | 'system', env: NodeJS.ProcessEnv = process.env): BusPort | undefined {
  if (kind === 'session' && (env.DBUS_SESSION_BUS_ADDRESS ?? '') === '') return undefined;
  try {
    const bus = kind === 'session' ? sessionBus({ busAddress: env.DBUS_SESSION_BUS_ADDRESS ?? '' }) : systemBus();
    return new DbusNextPort(bus);
  } catch {
    return undefined;
  }
}
