// A scripted stand-in for AuthenticatedHttp: resources by URL (everything else answers 404, as a
// server does for a completed operation), POST answers chosen per test, and a log of every request.
// For unit tests of the messaging logic where the exact order of events and responses matters.
import { httpError } from '../../../../src/main/ucwa/authenticated-http';
import type { AuthenticatedHttp, Request } from '../../../../src/main/ucwa/authenticated-http';
import type { HttpResponse } from '../../../../src/main/ucwa/http-transport';
import { Resource } from '../../../../src/main/ucwa/resource';

export const ORIGIN = 'https://pool.contoso.com';
export const APP = '/ucwa/oauth/v1/applications/3017';

export function abs(path: string): URL {
  return new URL(path, ORIGIN);
}

export interface PostReply {
  readonly location?: string;
  readonly status?: number;
  /** The response body; empty unless given. */
  readonly text?: string;
  /** Runs before the response is returned: events that beat the 201 (§10.10). */
  readonly before?: () => Promise<void> | void;
}

export class ScriptedHttp {
  readonly resources = new Map<string, unknown>();
  readonly requests: string[] = [];
  readonly posts: { url: string; body: string | undefined }[] = [];
  /** Every request made through send(), headers and all (the raw-body POSTs and DELETEs). */
  readonly sent: Request[] = [];
  onPost: (url: URL, body: string | undefined) => PostReply = () => ({ status: 204 });
  /** Held before a GET answers: lets a test put a response in between. */
  beforeGet: (url: URL) => Promise<void> = () => Promise.resolve();

  asHttp(): AuthenticatedHttp {
    return this as unknown as AuthenticatedHttp;
  }

  async getResource(url: URL, what: string): Promise<Resource> {
    this.requests.push(`GET ${url.pathname}`);
    await this.beforeGet(url);
    const raw = this.resources.get(url.pathname);
    if (raw === undefined) throw httpError({ url, status: 404, headers: {}, text: '' });
    return Resource.parse(raw, url, what);
  }

  postJson(url: URL, body: unknown): Promise<HttpResponse> {
    return this.post(url, JSON.stringify(body));
  }

  postEmpty(url: URL): Promise<HttpResponse> {
    return this.post(url, undefined);
  }

  send(req: Request): Promise<HttpResponse> {
    this.sent.push(req);
    if (req.method === 'POST') return this.post(req.url, req.body);
    this.requests.push(`${req.method} ${req.url.pathname}`);
    return Promise.resolve({ url: req.url, status: 204, headers: {}, text: '' });
  }

  private async post(url: URL, body: string | undefined): Promise<HttpResponse> {
    this.requests.push(`POST ${url.pathname}`);
    this.posts.push({ url: url.href, body });
    const reply = this.onPost(url, body);
    await reply.before?.();
    const status = reply.status ?? 201;
    const res: HttpResponse = { url, status, headers: reply.location === undefined ? {} : { location: reply.location }, text: reply.text ?? '' };
    // Worded by AuthenticatedHttp's own function: a stand-in that words them otherwise hid a 410 (gone) once.
    if (status >= 400) throw httpError(res);
    return res;
  }
}
