// English messages of one area (quick-reply): ICU MessageFormat (plurals, select, dates), keyed 'quickReply.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const quickReply = {
} as const;
