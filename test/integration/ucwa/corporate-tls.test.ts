// Issue #14: a server whose certificate comes from the company's CA. The client signs in when that
// CA is in the OS store (read through tls.getCACertificates('system')) or in a CA file, and each
// certificate problem gets its own message — never "cannot reach".
import { afterEach, describe, expect, it } from 'vitest';
import { UcwaError, buildTlsTrust, createNetworkRoute } from '../../../src/main/ucwa/index';
import type { CertificateSource, NetworkRoute , UcwaClient} from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { companyCa } from '../diagnostics/support/certificates';
import { NODE_WITHOUT_SYSTEM_STORE, caFile, osTrustStoreWith, startHttpsSim, testCa } from '../../support/corporate-network';
import { clientFor } from '../../support/simulator';

const routes: NetworkRoute[] = [];
const clients: UcwaClient[] = [];
afterEach(async () => {
  // Signed out first: closing an agent waits for the pending long poll.
  await Promise.all(clients.splice(0).map((c) => c.signOut().catch(() => undefined)));
  await Promise.all(routes.splice(0).map((r) => r.close()));
});

function route(source: CertificateSource, caFiles: string[] = []): NetworkRoute {
  const made = createNetworkRoute(buildTlsTrust({ systemStore: true, caFiles }, source, {}), { kind: 'direct' });
  routes.push(made);
  return made;
}

async function signInError(sim: UcwaSimulator, via: NetworkRoute, server = sim.url): Promise<UcwaError | undefined> {
  const client = clientFor(sim, 'ana@contoso.com', { server, dispatcher: via.source });
  clients.push(client);
  return client.signIn().then(
    () => undefined,
    (error: unknown) => (error instanceof UcwaError ? error : new UcwaError('http', String(error))),
  );
}

describe('the company CA', () => {
  it('in the OS trust store: sign-in over https works', async () => {
    const sim = await startHttpsSim();
    expect(await signInError(sim, route(osTrustStoreWith([testCa().cert])))).toBeUndefined();
    expect(sim.appsOf('ana@contoso.com')).toHaveLength(1);
  });

  it('in a CA file from the settings or --ca: sign-in works where this Node cannot read the OS store', async () => {
    const sim = await startHttpsSim();
    expect(await signInError(sim, route(NODE_WITHOUT_SYSTEM_STORE, [caFile()]))).toBeUndefined();
  });

  it('nowhere: the error names an untrusted issuer, not an unreachable server', async () => {
    const sim = await startHttpsSim();
    const error = await signInError(sim, route(osTrustStoreWith([])));
    expect(error?.code).toBe('tls');
    expect(error?.certificateProblem).toBe('untrusted-issuer');
    expect(error?.message).toMatch(/certificate authority this computer does not trust/);
    expect(error?.message).not.toMatch(/cannot reach/i);
  });

  it('another CA in the store does not make the server trusted', async () => {
    const sim = await startHttpsSim();
    const error = await signInError(sim, route(osTrustStoreWith([companyCa('Fabrikam Root CA').cert])));
    expect(error?.certificateProblem).toBe('untrusted-issuer');
  });
});

describe('certificate problems each get their own message', () => {
  it('a certificate for another name: name mismatch', async () => {
    const sim = await startHttpsSim(['lyncweb.contoso.com']);
    const error = await signInError(sim, route(osTrustStoreWith([testCa().cert])));
    expect(error?.code).toBe('tls');
    expect(error?.certificateProblem).toBe('name-mismatch');
    expect(error?.message).toMatch(/made out for a different name/);
  });

  it('an expired certificate: expired', async () => {
    const sim = await startHttpsSim(['127.0.0.1'], { startDate: '20200101000000Z', endDate: '20200201000000Z' });
    const error = await signInError(sim, route(osTrustStoreWith([testCa().cert])));
    expect(error?.code).toBe('tls');
    expect(error?.certificateProblem).toBe('expired');
    expect(error?.message).toMatch(/has expired/);
  });
});

describe('CA files', () => {
  it('a missing file or one without a certificate is a clear error before anything is sent', () => {
    expect(() => buildTlsTrust({ systemStore: false, caFiles: ['/nonexistent/ca.pem'] }, NODE_WITHOUT_SYSTEM_STORE, {})).toThrow(/The CA file \/nonexistent\/ca\.pem cannot be read \(ENOENT\)/);
    const notPem = caFile('hello');
    expect(() => buildTlsTrust({ systemStore: false, caFiles: [notPem] }, NODE_WITHOUT_SYSTEM_STORE, {})).toThrow(/contains no PEM certificate/);
  });

  it('the OS store is reported as unavailable on a Node without it, and used where it exists', () => {
    expect(buildTlsTrust({ systemStore: true }, NODE_WITHOUT_SYSTEM_STORE, {}).systemStore).toBe('unavailable');
    expect(buildTlsTrust({ systemStore: true }, NODE_WITHOUT_SYSTEM_STORE, {}).ca).toBeUndefined();
    const used = buildTlsTrust({ systemStore: true }, osTrustStoreWith([testCa().cert]), {});
    expect(used.systemStore).toBe('used');
    expect(used.ca).toContain(testCa().cert);
  });
});
