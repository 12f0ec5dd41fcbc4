// `npm run mutation [part…]`: Stryker over one part of the code at a time, each with its own
// incremental file, so a run is bounded and a re-run only tests what changed. With no part named,
// every part runs, smallest first. `npm run mutation -- --scores` prints the scores of the last
// runs (reports/mutation/*.json) without running anything. `--unit` runs the parts named against
// the unit tests alone (minutes instead of an hour: a survivor runs no simulator test), without
// the incremental file, into reports/mutation/<part>.unit.json; it is a first look that shows what
// the unit tests miss, and its scores are not the part's. Shared options: stryker.config.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import base from '../stryker.config.mjs';

const UCWA = 'src/main/ucwa';
/**
 * The client and the session are split into parts of about 500 to 700 lines, so each run finishes
 * in well under an hour on two cores (a part's results are written only when it ends).
 */
const PARTS = {
  history: ['src/main/history/**/*.ts'],
  ipc: ['src/main/ipc/**/*.ts'],
  'renderer-state': ['src/renderer/state/**/*.ts'],
  'session-service': ['src/main/session/session-service.ts', 'src/main/session/headless-session.ts', 'src/main/session/reconnect-backoff.ts', 'src/main/session/error-mapping.ts', 'src/main/session/in-memory-settings.ts', 'src/main/session/ports.ts', 'src/main/session/account-history.ts'],
  'session-threads': ['src/main/session/threads-controller.ts', 'src/main/session/conversation-store.ts', 'src/main/session/delivery-queue.ts'],
  'session-people': ['src/main/session/contact-*.ts', 'src/main/session/group-chats.ts', 'src/main/session/invitation-desk.ts', 'src/main/session/missed-box.ts'],
  'ucwa-events': [`${UCWA}/event-*.ts`, `${UCWA}/events.ts`, `${UCWA}/batch.ts`],
  'ucwa-messaging': [`${UCWA}/messaging.ts`, `${UCWA}/messaging-state.ts`],
  'ucwa-conversations': [`${UCWA}/messaging-events.ts`, `${UCWA}/message-parsing.ts`, `${UCWA}/conversation-record.ts`, `${UCWA}/pending-operations.ts`],
  'ucwa-people': [`${UCWA}/people*.ts`, `${UCWA}/presence-subscriber.ts`],
  'ucwa-http': [`${UCWA}/authenticated-http.ts`, `${UCWA}/http-transport.ts`, `${UCWA}/www-authenticate.ts`],
  'ucwa-resources': [`${UCWA}/discovery.ts`, `${UCWA}/json-in-slices.ts`, `${UCWA}/resource.ts`, `${UCWA}/errors.ts`, `${UCWA}/logger.ts`, `${UCWA}/data-uri.ts`],
  'ucwa-network': [`${UCWA}/network-route.ts`, `${UCWA}/tls-trust.ts`, `${UCWA}/certificate-problem.ts`, `${UCWA}/trust-policy.ts`],
  'ucwa-client': [`${UCWA}/ucwa-client.ts`, `${UCWA}/application-resource.ts`, `${UCWA}/activity-reporter.ts`, `${UCWA}/index.ts`, `${UCWA}/conversation-logs.ts`, `${UCWA}/slices.ts`],
};
/** The folders the README reports, and the parts that make them up. */
const FOLDERS = {
  history: ['history'],
  ipc: ['ipc'],
  'renderer/state': ['renderer-state'],
  session: ['session-service', 'session-threads', 'session-people'],
  ucwa: ['ucwa-events', 'ucwa-messaging', 'ucwa-conversations', 'ucwa-people', 'ucwa-http', 'ucwa-resources', 'ucwa-network', 'ucwa-client'],
};

const reportOf = (part) => `reports/mutation/${part}.json`;
/** Kept in git (the reports are not): a fresh clone's next run tests only what changed since. */
const incrementalOf = (part) => `reports/stryker-incremental-${part}.json`;

/**
 * Killed and timed-out mutants count as detected; compile errors and ignored ones do not count.
 * The last run's report, or else the incremental file, which has the same schema.
 */
function counts(part) {
  const file = [reportOf(part), incrementalOf(part)].find((f) => existsSync(f));
  return file === undefined ? undefined : countsIn(file);
}

function countsIn(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const all = Object.values(report.files).flatMap((file) => file.mutants);
  const of = (...statuses) => all.filter((m) => statuses.includes(m.status)).length;
  return { detected: of('Killed', 'Timeout'), valid: of('Killed', 'Timeout', 'Survived', 'NoCoverage') };
}

const percent = (c) => `${((100 * c.detected) / Math.max(1, c.valid)).toFixed(1)} % (${c.detected}/${c.valid}`;

function scoreLine() {
  const lines = [];
  for (const [folder, parts] of Object.entries(FOLDERS)) {
    const found = parts.map(counts);
    if (found.every((c) => c === undefined)) continue;
    const detected = found.reduce((n, c) => n + (c?.detected ?? 0), 0);
    const valid = found.reduce((n, c) => n + (c?.valid ?? 0), 0);
    const missing = parts.filter((_, i) => found[i] === undefined);
    lines.push(`${folder} ${percent({ detected, valid })}${missing.length > 0 ? `; not run: ${missing.join(', ')}` : ''})`);
  }
  return lines.length === 0 ? 'mutation score: no part has run yet (npm run mutation -- <part>)' : `mutation score: ${lines.join(', ')}`;
}

const args = process.argv.slice(2);
if (args.includes('--scores')) {
  process.stdout.write(`${scoreLine()}\n`);
  process.exit(0);
}
const unitOnly = args.includes('--unit');
// Read by vitest.mutation.config.ts in Stryker's test runner processes, which inherit it.
if (unitOnly) process.env.UCWA_MUTATION_UNIT = '1';
const asked = args.filter((name) => name !== '--unit').flatMap((name) => (name in FOLDERS ? FOLDERS[name] : [name]));
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  process.stderr.write(`Unknown part ${unknown.join(', ')}; choose from ${[...new Set([...Object.keys(FOLDERS), ...Object.keys(PARTS)])].join(', ')}.\n`);
  process.exit(2);
}
const parts = asked.length > 0 ? asked : Object.keys(PARTS);
for (const part of parts) {
  await new Stryker({
    ...base,
    // The type checker is most of a mutant's cost; the client checked alone (it imports only
    // shared) is twice as fast as the whole program, with the same mutants rejected.
    ...(part.startsWith('ucwa-') ? { tsconfigFile: 'tsconfig.stryker-ucwa.json' } : {}),
    mutate: PARTS[part],
    ...(unitOnly
      ? { incremental: false, tempDirName: '.stryker-unit', htmlReporter: { fileName: `reports/mutation/${part}.unit.html` }, jsonReporter: { fileName: `reports/mutation/${part}.unit.json` } }
      : { incrementalFile: incrementalOf(part), htmlReporter: { fileName: `reports/mutation/${part}.html` }, jsonReporter: { fileName: reportOf(part) } }),
  }).runMutationTest();
}
if (unitOnly) {
  for (const part of parts) {
    const c = countsIn(`reports/mutation/${part}.unit.json`);
    if (c !== undefined) process.stdout.write(`\n${part} against the unit tests alone: ${percent(c)}) — not the part's score`);
  }
  process.stdout.write('\n');
} else process.stdout.write(`\n${scoreLine()}\n`);
