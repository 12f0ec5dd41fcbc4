// Idle wake-ups (bench/index.ts): signed in, available, presence subscribed, the event GET pending
// against a simulator in another process; counts every timer callback in THIS process over a window.
// Prints `IDLE {"wakeups":…,"seconds":…,"timers":{…}}`.
import { createHook } from 'node:async_hooks';
import { UcwaClient } from '../src/main/ucwa/index';

const [url = '', secondsArg = '60'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const types = new Map<number, string>();
const fired: string[] = [];
let counting = false;
// A Timeout resource's `before` runs each time its callback fires, re-armed (refresh) ones included.
createHook({
  init(id, type, _trigger, resource) {
    if (type === 'Timeout') types.set(id, String((resource as { _onTimeout?: { name?: string } })._onTimeout?.name ?? 'anonymous'));
  },
  before(id) {
    const name = types.get(id);
    if (counting && name !== undefined) fired.push(name);
  },
  destroy(id) {
    types.delete(id);
  },
}).enable();

const client = new UcwaClient({ server: url, user: 'ana@contoso.com', password: 'demo', endpointId: 'bench-idle' });
await client.signIn();
await client.makeMeAvailable();
await client.subscribePresence(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
// Settle first: sockets used while signing in close after undici's keep-alive timeout (4 s), once.
await new Promise((resolve) => setTimeout(resolve, 6_000));
counting = true;
// The window's own timer fires once at its end: not counted (the flag drops first, in its callback).
await new Promise<void>((resolve) => setTimeout(() => {
  counting = false;
  resolve();
}, seconds * 1000));
const byName: Record<string, number> = {};
for (const name of fired.slice(0, -1)) byName[name] = (byName[name] ?? 0) + 1;
const wakeups = Math.max(0, fired.length - 1);
console.log(`IDLE ${JSON.stringify({ wakeups, seconds, timers: byName })}`);
await client.signOut();
process.exit(0);
