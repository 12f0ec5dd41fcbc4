// English messages of one area (errors): ICU MessageFormat (plurals, select, dates), keyed 'errors.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const errors = {
} as const;
