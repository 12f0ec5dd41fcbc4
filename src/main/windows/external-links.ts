// Links leave the app only to the system browser, mail client or phone app, and only for these
// schemes (`tel:` from the contact card's phone numbers).
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
    // Credentials in a URL are a phishing trick; refuse them.
    return parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
