// Each command's options for node:util parseArgs, in one place: the parsers use them, and a test
// checks that the help names every one.
const connectionFlags = {
  server: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  'trust-domain': { type: 'string', multiple: true },
  ca: { type: 'string', multiple: true },
  proxy: { type: 'string' },
  'sign-in': { type: 'string' },
  'windows-user': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const json = { type: 'boolean', default: false } as const;
const help = { type: 'boolean', short: 'h', default: false } as const;

export const COMMAND_OPTIONS = {
  send: { ...connectionFlags, to: { type: 'string' }, subject: { type: 'string' }, html: { type: 'boolean', default: false } },
  listen: { ...connectionFlags, json },
  people: { ...connectionFlags, json, note: { type: 'string' }, limit: { type: 'string' } },
  doctor: {
    server: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    'trust-domain': { type: 'string', multiple: true },
    ca: { type: 'string', multiple: true },
    proxy: { type: 'string' },
    json,
    verbose: { type: 'boolean', default: false },
    help,
  },
  sim: { port: { type: 'string' }, host: { type: 'string' }, profile: { type: 'string' }, seed: { type: 'string' }, help },
  // The demo picks its own users and profile: only where it listens can be chosen.
  demo: { port: { type: 'string' }, help },
} as const;
