import type { contactCard as english } from '../en/contact-card.js';

// German messages of one area (contact-card); the type makes a missing key a compile error.
export const contactCard = {
} as const satisfies Record<keyof typeof english, string>;
