// The EndpointId must be stable per installation (protocol §3.1): the CLI keeps one in its
// config folder, created on first use.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.UCWA_TRAY_CONFIG_DIR !== undefined && env.UCWA_TRAY_CONFIG_DIR !== '') return env.UCWA_TRAY_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'ucwa-tray');
}

export function loadEndpointId(env: NodeJS.ProcessEnv): string {
  const dir = configDir(env);
  const file = join(dir, 'cli-endpoint-id');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f-]{36}$/i.test(existing)) return existing;
  } catch {
    // First run: fall through and create one.
  }
  const id = randomUUID();
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${id}\n`, { mode: 0o600 });
  } catch {
    // A read-only home still lets the CLI work; only the id changes per run.
  }
  return id;
}
