// English messages of one area (settings): ICU MessageFormat (plurals, select, dates), keyed 'settings.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const settings = {
} as const;
