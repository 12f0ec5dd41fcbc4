// English messages of one area (popup): ICU MessageFormat (plurals, select, dates), keyed 'popup.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const popup = {
} as const;
