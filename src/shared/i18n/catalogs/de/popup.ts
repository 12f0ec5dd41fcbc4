import type { popup as english } from '../en/popup.js';

// German messages of one area (popup); the type makes a missing key a compile error.
export const popup = {
} as const satisfies Record<keyof typeof english, string>;
