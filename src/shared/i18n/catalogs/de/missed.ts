import type { missed as english } from '../en/missed.js';

// German messages of one area (missed); the type makes a missing key a compile error.
export const missed = {
} as const satisfies Record<keyof typeof english, string>;
