// English messages of one area (sign-in): ICU MessageFormat (plurals, select, dates), keyed 'signIn.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const signIn = {
} as const;
