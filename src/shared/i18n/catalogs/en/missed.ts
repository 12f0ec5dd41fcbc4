// English messages of one area (missed): ICU MessageFormat (plurals, select, dates), keyed 'missed.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const missed = {
} as const;
