import type { corporateNetwork as english } from '../en/corporate-network.js';

// German messages of one area (corporate-network); the type makes a missing key a compile error.
export const corporateNetwork = {
} as const satisfies Record<keyof typeof english, string>;
