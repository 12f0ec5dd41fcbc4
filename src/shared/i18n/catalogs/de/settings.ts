import type { settings as english } from '../en/settings.js';

// German messages of one area (settings); the type makes a missing key a compile error.
export const settings = {
} as const satisfies Record<keyof typeof english, string>;
