// Autodiscovery (protocol §1.2, §1.5): the root with `user` (or `redirect` hops first) and the
// user resource, which challenges without a token and links `applications` with one.
import type { ServerResponse } from 'node:http';
import { APPLICATIONS_PATH } from './application';
import { sendChallenge } from './auth';
import { sendJson } from './wire';

export const ROOT_PATH = '/autodiscover/autodiscoverservice.svc/root';
export const USER_PATH = `${ROOT_PATH}/oauth/user`;

export function sendRoot(res: ServerResponse, url: URL, publicUrl: string, redirectHops: number, domain: string): void {
  const hop = Number(url.searchParams.get('hop') ?? '0');
  if (hop < redirectHops) {
    return sendJson(res, 200, { _links: { self: { href: `${publicUrl}${ROOT_PATH}?hop=${hop}` }, redirect: { href: `${publicUrl}${ROOT_PATH}?hop=${hop + 1}` } } });
  }
  sendJson(res, 200, {
    _links: {
      self: { href: `${publicUrl}${ROOT_PATH}` },
      user: { href: `${publicUrl}${USER_PATH}?originalDomain=${domain}` },
      xframe: { href: `${publicUrl}/Autodiscover/XFrame/XFrame.html` },
    },
  });
}

export function sendUser(res: ServerResponse, publicUrl: string, authenticated: boolean, grants?: string): void {
  if (!authenticated) return sendChallenge(res, publicUrl, grants);
  sendJson(res, 200, {
    _links: {
      self: { href: `${publicUrl}${USER_PATH}` },
      applications: { href: `${publicUrl}${APPLICATIONS_PATH}` },
      xframe: { href: `${publicUrl}/Autodiscover/XFrame/XFrame.html` },
    },
  });
}
