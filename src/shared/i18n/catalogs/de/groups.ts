import type { groups as english } from '../en/groups.js';

// German messages of one area (groups); the type makes a missing key a compile error.
export const groups = {
} as const satisfies Record<keyof typeof english, string>;
