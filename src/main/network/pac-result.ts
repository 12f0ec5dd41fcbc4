// Chromium's answer to "which proxy for this URL" (session.resolveProxy): the PAC result format,
// entries separated by ";", e.g. "PROXY proxy.contoso.com:8080; DIRECT". undici speaks HTTP(S)
// proxies, so the first PROXY or HTTPS entry is used; SOCKS entries are passed over (said in the
// log by the caller), and DIRECT (or nothing usable) means no proxy.
import type { ProxyServer } from '../ucwa/index';

export interface PacChoice {
  readonly proxy: ProxyServer | undefined;
  /** Entries that were passed over because undici cannot use them. */
  readonly skipped: readonly string[];
}

export function parsePacResult(result: string): PacChoice {
  const skipped: string[] = [];
  for (const raw of result.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [kind = '', target = ''] = entry.split(/\s+/, 2);
    const upper = kind.toUpperCase();
    if (upper === 'DIRECT') return { proxy: undefined, skipped };
    if ((upper === 'PROXY' || upper === 'HTTP') && target !== '') return { proxy: { url: `http://${target}` }, skipped };
    if (upper === 'HTTPS' && target !== '') return { proxy: { url: `https://${target}` }, skipped };
    skipped.push(entry);
  }
  return { proxy: undefined, skipped };
}
