#!/usr/bin/env node
// Launcher for the built CLI: keeps `npx ucwa-tray` working without a TypeScript loader.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/ucwa-tray.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('ucwa-tray: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
await import(pathToFileURL(built).href);
