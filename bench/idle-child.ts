// Idle wake-ups (bench/index.ts): signed in, available, presence subscribed, the event GET pending
// against a simulator in another process; counts every timer callback in THIS process over a window.
// Prints `IDLE {"wakeups":…,"seconds":…,"timers":{…},"settledMs":…}`.
import { createHook } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
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
// Settle first, until the client has been quiet for longer than undici's keep-alive (4 s at most,
// 3 s on the simulator's hint): every request it made (signing in, and its answer to the presence
// events the server sends a few seconds after the subscription) leaves a socket whose keep-alive
// timer fires once, ending it. Those are the aftermath of activity, not idling; with a fixed 6 s
// they fell into the window (two onParserTimeout, the me/presence GET's and the batch POST's).
let lastRequest = Date.now();
const touch = (): void => void (lastRequest = Date.now());
subscribe('undici:request:create', touch);
subscribe('undici:request:headers', touch);
const settleStart = Date.now();
while (Date.now() - lastRequest < 8_000 && Date.now() - settleStart < 60_000) await new Promise((resolve) => setTimeout(resolve, 250));
const settledMs = Date.now() - settleStart;
counting = true;
// The window's own timer fires once at its end: not counted (the flag drops first, in its callback).
await new Promise<void>((resolve) => setTimeout(() => {
  counting = false;
  resolve();
}, seconds * 1000));
const byName: Record<string, number> = {};
for (const name of fired.slice(0, -1)) byName[name] = (byName[name] ?? 0) + 1;
const wakeups = Math.max(0, fired.length - 1);
console.log(`IDLE ${JSON.stringify({ wakeups, seconds, timers: byName, settledMs })}`);
await client.signOut();
process.exit(0);
