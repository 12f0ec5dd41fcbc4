// npm run bench: figures and ratios for the client, the session, the history and the renderer.
// Never fails on speed. `-- --quick` runs smaller sizes and fewer rounds (a couple of minutes on two
// busy cores); `-- --json` also prints, as the LAST line, one JSON object with every headline figure.
// The simulator runs in a process of its own wherever its work could be mistaken for the client's.
import { cpus } from 'node:os';
import { benchSignInWarm } from './signin-bench';
import { benchSend } from './send-bench';
import { benchEvents } from './events-bench';
import { benchPresence } from './presence-bench';
import { benchHistory } from './history-bench';
import { benchRenderer } from './renderer-bench';
import { simulatorChild, startChild } from './children';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const started = Date.now();
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}, ${process.platform}/${process.arch}`;
console.log(`UCWA Tray benchmarks${quick ? ' (--quick)' : ''}: ${machine}, ${new Date().toISOString().slice(0, 10)}\n`);

// Idle wake-ups take a minute of wall time but no CPU: measured in the background meanwhile.
const idleSeconds = quick ? 30 : 60;
const idleSim = await simulatorChild({});
const idle = startChild('idle-child.ts', [idleSim.url, String(idleSeconds)]);
const idleResult = idle.line('IDLE ', (idleSeconds + 120) * 1000);

// Cold sign-in: a fresh process, its code not loaded yet; the simulator in another one.
const coldSim = await simulatorChild({});
const cold = JSON.parse(await startChild('signin-child.ts', [coldSim.url]).line('SIGNIN ')) as { loadMs: number; clientMs: number; connectedMs: number };
coldSim.stop();
console.log(`cold sign-in (fresh process): loading the code ${cold.loadMs.toFixed(0)} ms; client sign-in ${cold.clientMs.toFixed(1)} ms; session to "connected" ${cold.connectedMs.toFixed(1)} ms`);
const warm = await benchSignInWarm(quick ? 10 : 20);

const send = await benchSend(quick ? 60 : 200);
const events = await benchEvents(quick);
const presence = await benchPresence([1_000, 4_000, 10_000]);

const memory = JSON.parse(await startChild('memory-child.ts', [quick ? '2' : '3'], ['--expose-gc']).line('MEMORY ')) as { rssMb: number[]; heapMb: number[] };
const growth = memory.rssMb.slice(1).map((rss, i) => rss - (memory.rssMb[i] ?? rss));
// The first 10,000 also pay one-off costs (the allocator's and V8's high-water marks, buffers):
// the growth per 10,000 is taken from the rounds after it, and the first is reported beside it.
const rssMbFirst10kMessages = growth[0] ?? 0;
const rssMbPer10kMessages = Math.max(...growth.slice(1));
console.log(`memory, incoming messages through the session model and the history (5 conversations), after GC: RSS ${memory.rssMb.map((r) => r.toFixed(1)).join(' -> ')} MiB, heap used ${memory.heapMb.map((r) => r.toFixed(1)).join(' -> ')} MiB, one step per 10,000 messages; growth per 10,000 after the first: at most ${rssMbPer10kMessages.toFixed(1)} MiB RSS (first 10,000: ${rssMbFirst10kMessages.toFixed(1)} MiB)`);

const history = await benchHistory(quick ? 3 : 5);
const renderer = await benchRenderer(quick ? 5 : 9);

const idleFigures = JSON.parse(await idleResult) as { wakeups: number; seconds: number; timers: Record<string, number>; settledMs: number };
idleSim.stop();
const idleWakeupsPerMin = (idleFigures.wakeups * 60) / idleFigures.seconds;
console.log(`idle (signed in, event GET pending, presence subscribed; simulator in its own process): ${idleFigures.wakeups} timer wake-ups in ${idleFigures.seconds} s = ${idleWakeupsPerMin.toFixed(1)} a minute ${JSON.stringify(idleFigures.timers)} (counted from 8 s after the client's last request, ${(idleFigures.settledMs / 1000).toFixed(1)} s after presence was subscribed)`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);

if (json) {
  console.log(
    JSON.stringify({
      machine,
      date: new Date().toISOString(),
      quick,
      presenceMs: presence.presenceMs,
      presenceMaxStallMs: presence.presenceMaxStallMs,
      presenceStallsMs: presence.presenceStallsMs,
      presenceStallsWallMs: presence.presenceStallsWallMs,
      coldSignInMs: cold.connectedMs,
      coldClientSignInMs: cold.clientMs,
      coldCodeLoadMs: cold.loadMs,
      warmSignInMs: warm.warmSignInMs,
      signInRequests: warm.signInRequests,
      sendVsRawFloor: send.sendVsRawFloor,
      sendMedianMs: send.sendMedianMs,
      rawFloorMedianMs: send.rawMedianMs,
      eventsPerSecSingle: events.eventsPerSecSingle,
      eventsPerSecSingleWall: events.eventsPerSecSingleWall,
      eventsPerSecBatched: events.eventsPerSecBatched,
      idleWakeupsPerMin,
      rssMbPer10kMessages,
      rssMbFirst10kMessages,
      historyOpen1mMs: history.historyOpen1mMs,
      historySearch1mMs: history.historySearch1mMs,
      ...renderer,
    }),
  );
}
process.exit(0);
