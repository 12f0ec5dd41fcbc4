import type { tray as english } from '../en/tray.js';

// German messages of one area (tray); the type makes a missing key a compile error.
export const tray = {
} as const satisfies Record<keyof typeof english, string>;
