// Each command's options for node:util parseArgs, in one place: the parsers use them, and a test
// checks that the help names every one.
const json = { type: 'boolean', default: false } as const;
const help = { type: 'boolean', short: 'h', default: false } as const;
const verbose = { type: 'boolean', default: false } as const;

/** Where the server is and how to reach it: every command that talks to one, the doctor included. */
const reachFlags = {
  server: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  'trust-domain': { type: 'string', multiple: true },
  ca: { type: 'string', multiple: true },
  proxy: { type: 'string' },
} as const;

const connectionFlags = { ...reachFlags, 'sign-in': { type: 'string' }, 'windows-user': { type: 'string' }, verbose, help } as const;

export const COMMAND_OPTIONS = {
  send: { ...connectionFlags, to: { type: 'string' }, subject: { type: 'string' }, html: { type: 'boolean', default: false } },
  listen: { ...connectionFlags, json },
  people: { ...connectionFlags, json, note: { type: 'string' }, limit: { type: 'string' } },
  doctor: { ...reachFlags, json, verbose, help },
  sim: { port: { type: 'string' }, host: { type: 'string' }, profile: { type: 'string' }, seed: { type: 'string' }, help },
  // The demo picks its own users and profile: only where it listens can be chosen.
  demo: { port: { type: 'string' }, help },
} as const;
