// `npm run mutation [folder…]`: Stryker over one folder at a time (history, ipc, renderer-state,
// session, ucwa — all of them, smallest first, when none is named), each with its own incremental
// file, so a run is bounded and a re-run only tests what changed. Prints the score per folder.
// Options shared by every folder are in stryker.config.mjs.
import { Stryker } from '@stryker-mutator/core';
import base from '../stryker.config.mjs';

const FOLDERS = {
  history: 'src/main/history',
  ipc: 'src/main/ipc',
  'renderer-state': 'src/renderer/state',
  session: 'src/main/session',
  ucwa: 'src/main/ucwa',
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in FOLDERS));
if (unknown.length > 0) {
  process.stderr.write(`Unknown folder ${unknown.join(', ')}; choose from ${Object.keys(FOLDERS).join(', ')}.\n`);
  process.exit(2);
}

const scores = [];
for (const name of asked.length > 0 ? asked : Object.keys(FOLDERS)) {
  const results = await new Stryker({
    ...base,
    mutate: [`${FOLDERS[name]}/**/*.ts`],
    incrementalFile: `reports/stryker-incremental-${name}.json`,
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
  }).runMutationTest();
  const count = (...statuses) => results.filter((r) => statuses.includes(r.status)).length;
  const detected = count('Killed', 'Timeout');
  const valid = detected + count('Survived', 'NoCoverage');
  scores.push(`${name} ${valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`} (${detected} of ${valid} detected)`);
}
process.stdout.write(`\nmutation score: ${scores.join(', ')}\n`);
