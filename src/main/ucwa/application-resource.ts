// Creating the application (protocol §3.2–3.3): POST the identity to `applications`; the server
// answers with the application, or only its Location. Either way it must carry the events link and
// the communication resource, or nothing else can work.
import type { AuthenticatedHttp } from './authenticated-http';
import { UcwaError } from './errors';
import { Resource } from './resource';

export interface ApplicationIdentity {
  readonly UserAgent: string;
  readonly EndpointId: string;
  readonly Culture: string;
}

export async function createApplication(http: AuthenticatedHttp, applicationsUrl: URL, identity: ApplicationIdentity): Promise<Resource> {
  const res = await http.postJson(applicationsUrl, identity);
  const location = typeof res.headers.location === 'string' ? new URL(res.headers.location, applicationsUrl) : undefined;
  let app: Resource;
  if (res.text.trim() === '') {
    if (location === undefined) throw new UcwaError('malformed-response', 'The server created an application but did not say where.');
    app = await http.getResource(location, 'application');
  } else {
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      throw new UcwaError('malformed-response', 'The server sent a malformed application.');
    }
    app = Resource.parse(json, location ?? applicationsUrl, 'application');
  }
  if (app.link('events') === undefined || app.embedded('communication') === undefined) throw new UcwaError('malformed-response', 'The application lacks its events link or communication resource.');
  return app;
}
