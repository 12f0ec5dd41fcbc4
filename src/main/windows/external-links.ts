// Links leave the app only to the system browser or mail client, and only for these schemes.
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

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
