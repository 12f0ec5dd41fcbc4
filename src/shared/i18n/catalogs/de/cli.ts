import type { cli as english } from '../en/cli.js';

// German messages of one area (cli); the type makes a missing key a compile error.
export const cli = {
} as const satisfies Record<keyof typeof english, string>;
