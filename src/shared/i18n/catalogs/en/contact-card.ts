// English messages of one area (contact-card): ICU MessageFormat (plurals, select, dates), keyed 'contactCard.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const contactCard = {
} as const;
