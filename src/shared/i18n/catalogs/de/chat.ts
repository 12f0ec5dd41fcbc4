import type { chat as english } from '../en/chat.js';

// German messages of one area (chat); the type makes a missing key a compile error.
export const chat = {
} as const satisfies Record<keyof typeof english, string>;
