// English messages of one area (groups): ICU MessageFormat (plurals, select, dates), keyed 'groups.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const groups = {
} as const;
