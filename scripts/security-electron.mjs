// `npm run security:electron`: Doyensec's Electronegativity over the source (src) and the built app
// (out: the pages with their CSP, the preload, the main bundle). Fails on any finding of MEDIUM
// severity or above. A finding that only asks for a review (openExternal, protocol handlers) is
// settled by an `// eng-disable CHECK_ID (reviewed: why)` note on its line in src, once reviewed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEVERE = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const electron = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const cli = 'node_modules/@doyensec/electronegativity/dist/index.js';

/** One CSV line as Electronegativity writes it: commas, fields optionally in double quotes. */
function fields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(field.trim());
      field = '';
    } else field += c;
  }
  out.push(field.trim());
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
let severe = 0;
try {
  for (const input of ['src', 'out']) {
    const csv = join(dir, `${input}.csv`);
    // -e: the Electron we ship (it cannot detect it from a folder of sources).
    const run = spawnSync(process.execPath, [cli, '-i', input, '-e', electron, '-o', csv, '-r', '-v', 'false'], { encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(`${run.stdout}${run.stderr}\nelectronegativity failed on ${input} (exit ${run.status})\n`);
      process.exit(2);
    }
    const rows = readFileSync(csv, 'utf8').split('\n').slice(1).filter((line) => line.trim() !== '').map(fields);
    for (const [id, severity, confidence, file, location, sample] of rows) {
      const bad = SEVERE.has(severity);
      if (bad) severe++;
      process.stdout.write(`${bad ? 'FAIL' : 'ok  '} ${severity}/${confidence} ${id} ${file}:${location}${sample === 'N/A' ? '' : `  ${sample}`}\n`);
    }
    process.stdout.write(`electronegativity ${input}: ${rows.length} finding(s), ${rows.filter((r) => SEVERE.has(r[1])).length} of MEDIUM severity or above\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (severe > 0) {
  process.stderr.write(`${severe} finding(s) of MEDIUM severity or above: fix them, or review them and note why on their line (eng-disable).\n`);
  process.exit(1);
}
