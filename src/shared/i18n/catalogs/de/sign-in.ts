import type { signIn as english } from '../en/sign-in.js';

// German messages of one area (sign-in); the type makes a missing key a compile error.
export const signIn = {
} as const satisfies Record<keyof typeof english, string>;
