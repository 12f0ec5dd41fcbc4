// English messages of one area (tray): ICU MessageFormat (plurals, select, dates), keyed 'tray.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const tray = {
} as const;
