// English messages of one area (cli): ICU MessageFormat (plurals, select, dates), keyed 'cli.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const cli = {
} as const;
