// Signing in with your organization (urn:microsoft.rtc:passive, protocol §2.5): the token service
// answers the first POST with 400 and `ms_rtc_passiveauthuri`; the identity provider's page opens
// in its own window on an isolated session, the user signs in there (MFA and all), and each page it
// loads is followed by the same POST with that session's cookies, until a token comes back or the
// user closes the window.
import { z } from 'zod';
import { UcwaError } from '../ucwa/index';
import type { TokenFetcher, TokenResponse } from '../ucwa/index';
import type { FetchingSession } from './windows-token-fetcher';
import { errorDetail } from '../../shared/error-detail';

export interface IdentityWindow {
  /** Called after each page the window finishes loading. */
  onPageLoaded(listener: () => void): void;
  onClosed(listener: () => void): void;
  close(): void;
}

export interface PassiveDeps {
  /** The isolated session of the sign-in window (its cookies are the federation cookies). */
  readonly session: Pick<FetchingSession, 'fetch'>;
  /** Opens the identity provider's page; navigation stays on `allowedHosts`. */
  readonly openWindow: (url: URL, allowedHosts: readonly string[]) => IdentityWindow;
}

const passiveAnswer = z.object({ error: z.string().optional(), ms_rtc_passiveauthuri: z.string().url().optional() }).passthrough();

export function passiveTokenFetcher(deps: PassiveDeps): TokenFetcher {
  const post = async (issuer: URL, body: string): Promise<TokenResponse> => {
    const res = await deps.session.fetch(issuer.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
      body,
      credentials: 'include',
      redirect: 'error',
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? undefined, text: await res.text() };
  };
  return async (request) => {
    const first = await post(request.issuer, request.body);
    const page = first.status === 400 ? passivePage(first.text) : undefined;
    if (page === undefined) return first;
    // The window may go to the server and to the identity provider, nowhere else.
    const allowed = [...new Set([request.issuer.hostname, page.hostname])];
    return new Promise<TokenResponse>((resolve, reject) => {
      let settled = false;
      const window = deps.openWindow(page, allowed);
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        outcome();
        window.close();
      };
      window.onPageLoaded(() => {
        void post(request.issuer, request.body).then(
          (answer) => {
            if (answer.status === 200) finish(() => resolve(answer));
          },
          (error: unknown) => finish(() => reject(error)),
        );
      });
      window.onClosed(() => finish(() => reject(new UcwaError('cancelled', errorDetail('signInWindowClosed', {})))));
    });
  };
}

function passivePage(text: string): URL | undefined {
  try {
    const parsed = passiveAnswer.safeParse(JSON.parse(text));
    const uri = parsed.success ? parsed.data.ms_rtc_passiveauthuri : undefined;
    if (uri === undefined) return undefined;
    const url = new URL(uri);
    return url.protocol === 'https:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost' ? url : undefined;
  } catch {
    return undefined;
  }
}
