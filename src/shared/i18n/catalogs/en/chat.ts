// English messages of one area (chat): ICU MessageFormat (plurals, select, dates), keyed 'chat.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const chat = {
} as const;
