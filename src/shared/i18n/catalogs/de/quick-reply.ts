import type { quickReply as english } from '../en/quick-reply.js';

// German messages of one area (quick-reply); the type makes a missing key a compile error.
export const quickReply = {
} as const satisfies Record<keyof typeof english, string>;
