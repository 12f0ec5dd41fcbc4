// English messages of one area (corporate-network): ICU MessageFormat (plurals, select, dates), keyed 'corporateNetwork.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const corporateNetwork = {
} as const;
