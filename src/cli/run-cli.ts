// The ucwa-tray commands. Each prints one clear line on failure and returns the exit code.
import { parseArgs } from 'node:util';
import { isUcwaError, systemStoreAvailable } from '../main/ucwa/index';
import { toIpcFailure } from '../main/session/error-mapping';
import { errorText } from '../shared/error-text';
import { wordDetail } from '../shared/error-detail';
import { t } from './cli-language';
import { createCliClient } from './client-factory';
import { parseSimulatorFlags, runDemo, runSimulator } from './commands/simulator';
import { createListener } from './commands/listen';
import { listContacts, parseAvailability, searchDirectory, setMyPresence, showMyPresence } from './commands/people';
import { sendOne } from './commands/send';
import { doctorCommand } from './commands/doctor';
import { CliUsageError, resolveConnection } from './connection-options';
import { help, isHelpTopic } from './help';
import { COMMAND_OPTIONS } from './command-options';


export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(help('main'));
    return command === undefined ? 1 : 0;
  }
  try {
    switch (command) {
      case 'send':
        return await send(rest, env);
      case 'listen':
        return await listen(rest, env);
      case 'presence':
      case 'contacts':
      case 'search':
        return await people(command, rest, env);
      case 'doctor':
        return await doctorCommand(rest, env, { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) });
      case 'sim': {
        const { values } = parseArgs({ args: [...rest], options: COMMAND_OPTIONS.sim, strict: true });
        if (values.help) return usage(command);
        const flags = parseSimulatorFlags(values.profile, values.seed);
        if (typeof flags === 'string') throw new CliUsageError(flags);
        return await runSimulator(portOf(values.port) ?? 8443, values.host ?? '127.0.0.1', flags);
      }
      case 'demo': {
        const { values } = parseArgs({ args: [...rest], options: COMMAND_OPTIONS.demo, strict: true });
        if (values.help) return usage(command);
        return await runDemo(portOf(values.port) ?? 0);
      }
      default:
        throw new CliUsageError(t('cli.unknownCommand', { command }));
    }
  } catch (error) {
    process.stderr.write(`${t('cli.commandFailed', { command, reason: describe(error) })}\n`);
    return error instanceof CliUsageError ? 2 : 1;
  }
}

function portOf(value: string | undefined): number | undefined {
  const port = value === undefined ? undefined : Number(value);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new CliUsageError(t('cli.portRange'));
  return port;
}

function usage(command: string): number {
  process.stdout.write(`${isHelpTopic(command) ? help(command) : ''}\n${['send', 'listen', 'presence', 'contacts', 'search'].includes(command) ? help('connection') : ''}`);
  return 0;
}

async function send(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: COMMAND_OPTIONS.send,
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return usage('send');
  if (values.to === undefined) throw new CliUsageError(t('cli.missingTo'));
  const text = positionals.join(' ');
  if (text.trim() === '') throw new CliUsageError(t('cli.missingText'));
  const connection = resolveConnection(values, env);
  const client = createCliClient(connection, env, values.verbose);
  await client.signIn();
  try {
    // HTML must be enabled explicitly, which makeMeAvailable does (protocol §10.9).
    if (values.html) await client.makeMeAvailable();
    await sendOne(client, { to: values.to, subject: values.subject, html: values.html, text });
  } finally {
    await client.signOut();
  }
  process.stderr.write(`${t('cli.delivered', { to: values.to })}\n`);
  return 0;
}

async function listen(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: COMMAND_OPTIONS.listen, strict: true });
  if (values.help) return usage('listen');
  const connection = resolveConnection(values, env);
  const service = createListener((options) => createCliClient({ ...connection, server: options.server, user: options.user, password: options.password }, env, values.verbose), values.json, {
    line: (text) => process.stdout.write(`${text}\n`),
    note: (text) => process.stderr.write(`${text}\n`),
  });
  const me = await service.signIn({ server: connection.server, user: connection.user, password: connection.password, rememberMe: false });
  process.stderr.write(`${t('cli.listening', { name: me.name, uri: me.uri })}\n`);
  // Between reconnect attempts nothing else may hold the event loop open; this does, until a signal.
  const keepAlive = setInterval(() => undefined, 60_000);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  await service.signOut();
  return 0;
}

async function people(command: 'presence' | 'contacts' | 'search', args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: COMMAND_OPTIONS.people,
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return usage(command);
  const print = (text: string): void => void process.stdout.write(`${text}\n`);
  const setting = command === 'presence' && positionals[0] === 'set';
  if (command === 'presence' && positionals.length > 0 && !setting) throw new CliUsageError(t('cli.unknownArgument', { argument: positionals[0] ?? '' }));
  const availability = setting ? parseAvailability(positionals[1]) : undefined;
  const query = positionals.join(' ').trim();
  if (command === 'search' && query === '') throw new CliUsageError(t('cli.missingSearch'));
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliUsageError(t('cli.limitRange'));
  const client = createCliClient(resolveConnection(values, env), env, values.verbose);
  await client.signIn();
  try {
    if (availability !== undefined) await setMyPresence(client, availability, values.note, print);
    else if (command === 'presence') await showMyPresence(client, values.json, print);
    else if (command === 'contacts') await listContacts(client, values.json, print);
    else await searchDirectory(client, query, limit, values.json, print);
  } finally {
    await client.signOut();
  }
  return 0;
}

export function describe(error: unknown): string {
  if (isUcwaError(error)) {
    const failure = toIpcFailure(error);
    const reason = failure.detail === undefined ? errorText(t, failure) : wordDetail(t, failure.detail);
    if (error.code === 'untrusted-server') return error.host === undefined ? t('cli.untrustedServerUnknown', { reason }) : t('cli.untrustedServer', { reason, host: error.host });
    // Without the OS store (Node before 22.15) the company CA can only come from a file.
    if (error.code === 'tls' && error.certificateProblem === 'untrusted-issuer' && !systemStoreAvailable()) return `${reason} ${t('corporateNetwork.certificate.howToTrustCli', { version: process.version })}`;
    return reason;
  }
  if (error instanceof CliUsageError) return error.message;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) return error.message;
  return error instanceof Error ? error.message : String(error);
}

