// Windows integrated sign-in in the app (urn:microsoft.rtc:windows): the token request goes through
// Chromium's network stack (session.fetch), which answers the token service's NTLM/Negotiate
// challenge with the logged-on user's credentials — but only for the domains the trust policy
// allows, set with session.allowNTLMCredentialsForDomains just before. No password is typed.
import type { TokenFetcher } from '../ucwa/index';

/** The part of Electron's Session this needs. */
export interface FetchingSession {
  fetch(input: string, init?: RequestInit): Promise<Response>;
  allowNTLMCredentialsForDomains(domains: string): void;
}

export function windowsTokenFetcher(session: FetchingSession): TokenFetcher {
  return async (request) => {
    // Never an empty list: Chromium reads "" as "no domain", which is what we want when none is trusted.
    session.allowNTLMCredentialsForDomains(request.allowedDomains.join(','));
    const res = await session.fetch(request.issuer.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
      body: request.body,
      credentials: 'include',
      // A redirect could take the Windows credentials elsewhere: the trusted issuer answers itself.
      redirect: 'error',
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? undefined, text: await res.text() };
  };
}
