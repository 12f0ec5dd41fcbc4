// English messages of one area (notifications): ICU MessageFormat (plurals, select, dates), keyed 'notifications.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const notifications = {
} as const;
