import type { notifications as english } from '../en/notifications.js';

// German messages of one area (notifications); the type makes a missing key a compile error.
export const notifications = {
} as const satisfies Record<keyof typeof english, string>;
