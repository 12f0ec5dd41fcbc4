// `ucwa-tray sim` and `ucwa-tray demo`: the built-in simulator, alone or with a short chat.
import { t } from '../cli-language';
import { UcwaClient } from '../../main/ucwa/index';
import { DEMO_PASSWORD, DEMO_SCRIPTED, DEMO_USERS, SIMULATOR_PROFILES, createSimulator } from '../../simulator/index';
import type { SimulatorProfile } from '../../simulator/index';

export interface SimulatorFlags {
  readonly profile: SimulatorProfile;
  readonly seed: number | undefined;
}

/** `--profile` and `--seed`, or the one line that says what is wrong with them. */
export function parseSimulatorFlags(profile: string | undefined, seed: string | undefined): SimulatorFlags | string {
  const chosen = profile ?? 'default';
  if (!(SIMULATOR_PROFILES as readonly string[]).includes(chosen)) return `--profile must be one of ${SIMULATOR_PROFILES.join(', ')}`;
  if (seed !== undefined && (!/^\d{1,10}$/.test(seed) || Number(seed) >= 2 ** 32)) return '--seed must be an integer from 0 to 4294967295';
  return { profile: chosen as SimulatorProfile, seed: seed === undefined ? undefined : Number(seed) };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

function printCredentials(url: string, profile?: string): void {
  process.stdout.write(`UCWA simulator listening on ${url}\n${profile === undefined ? '' : `${profile}\n`}\nDemo users (password "${DEMO_PASSWORD}"):\n`);
  for (const user of DEMO_USERS) process.stdout.write(`  ${user.uri.replace(/^sip:/, '').padEnd(22)} ${user.name}\n`);
  process.stdout.write('Scripted contacts:\n');
  for (const party of DEMO_SCRIPTED) process.stdout.write(`  ${party.uri.replace(/^sip:/, '').padEnd(22)} ${party.name}${party.behavior === 'echo' ? ' (echoes every message)' : ''}\n`);
  process.stdout.write(
    `\nTry, in two other terminals:\n` +
      `  UCWA_SERVER=${url} UCWA_USER=ben@contoso.com UCWA_PASSWORD=${DEMO_PASSWORD} npx ucwa-tray listen\n` +
      `  UCWA_SERVER=${url} UCWA_USER=ana@contoso.com UCWA_PASSWORD=${DEMO_PASSWORD} npx ucwa-tray send --to ben@contoso.com "Hello Ben"\n` +
      `Control API for tests (loopback, JSON only):\n` +
      `  curl -H 'content-type: application/json' -d '{"from":"lena@contoso.com","to":"ben@contoso.com","text":"Hi"}' ${url}/_sim/inject-message\n\n`,
  );
}

export async function runSimulator(port: number, host: string, flags: SimulatorFlags = { profile: 'default', seed: undefined }): Promise<number> {
  // The demo server keeps conversation logs (§8.2), so a message sent to a signed-out user shows as missed.
  const sim = createSimulator({ port, host, presenceScriptMs: 20_000, conversationLogs: true, profile: flags.profile, ...(flags.seed === undefined ? {} : { seed: flags.seed }) });
  const { url } = await sim.start();
  // Right after the "listening on" line, which the app's demo launcher reads.
  printCredentials(url, `Profile ${sim.profile}, seed ${sim.seed} (replay: ucwa-tray sim --profile ${sim.profile} --seed ${sim.seed})`);
  await waitForSignal();
  await sim.stop();
  return 0;
}

export async function runDemo(port: number): Promise<number> {
  const sim = createSimulator({ port, botDelayMs: 300 });
  const { url } = await sim.start();
  printCredentials(url);
  const client = new UcwaClient({ server: url, user: 'ana@contoso.com', password: DEMO_PASSWORD, endpointId: 'demo-endpoint', userAgent: 'UcwaTray-Demo/0.1' });
  const me = await client.signIn();
  await client.makeMeAvailable();
  process.stdout.write(`${t('cli.demoSignedIn', { name: me.name })}\n`);
  client.on((event) => {
    if (event.type === 'messageReceived') process.stdout.write(`  ${event.from.name}: ${event.text}\n`);
  });
  const conversation = await client.startConversation({ to: 'echo@contoso.com', subject: 'Demo' });
  for (const text of ['Hello, echo bot!', 'Messages go through a real UCWA event channel.']) {
    process.stdout.write(`  ${me.name}: ${text}\n`);
    await client.sendMessage(conversation, { text });
    await client.waitFor('messageReceived', (e) => e.conversationId === conversation && e.text.includes(text), 10_000);
  }
  process.stdout.write('\nThe simulator keeps running; press Ctrl+C to stop.\n');
  await waitForSignal();
  await client.signOut();
  await sim.stop();
  return 0;
}
