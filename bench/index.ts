// npm run bench: figures and ratios for the UCWA client, the simulator and the renderer. Never fails on speed.
import { benchEventDispatch, benchSendLatency, benchSignIn } from './client-bench';
import { benchContacts } from './presence-bench';
import { benchRenderer } from './renderer-bench';

console.log(`UCWA Tray benchmarks (node ${process.version}, ${process.platform}/${process.arch})\n`);
await benchSignIn(20);
await benchSendLatency(200);
await benchEventDispatch(20_000);
await benchContacts(2_000);
await benchRenderer();
