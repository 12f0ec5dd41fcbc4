// `npm run deps:graph`: draws who imports whom, one box per folder (the collapse pattern in
// .dependency-cruiser.js), to docs/architecture.svg. Needs Graphviz's `dot` (apt-get install graphviz).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const OUT = 'docs/architecture.svg';

const cruised = spawnSync(
  process.execPath,
  ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'src', '--config', '.dependency-cruiser.js', '--include-only', '^(src|node_modules)/', '--output-type', 'dot'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (cruised.status !== 0) {
  process.stderr.write(cruised.stderr);
  process.exit(cruised.status ?? 1);
}

const drawn = spawnSync('dot', ['-Tsvg'], { input: cruised.stdout, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (drawn.error !== undefined) {
  process.stderr.write(`Graphviz's dot is needed to draw the graph (${drawn.error.message}): apt-get install graphviz\n`);
  process.exit(1);
}
if (drawn.status !== 0) {
  process.stderr.write(drawn.stderr);
  process.exit(drawn.status ?? 1);
}
writeFileSync(OUT, drawn.stdout);
process.stdout.write(`${OUT} written\n`);
