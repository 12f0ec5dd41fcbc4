import type { errors as english } from '../en/errors.js';

// German messages of one area (errors); the type makes a missing key a compile error.
export const errors = {
} as const satisfies Record<keyof typeof english, string>;
