// A company network in a test: the company's CA, the simulator over https with a certificate the
// CA signed, and "this computer's trust store" as a certificate source that holds that CA — so a
// test trusts the CA only through the mechanism it tests.
import * as tls from 'node:tls';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificateSource } from '../../src/main/ucwa/index';
import type { SimulatorOptions, UcwaSimulator } from '../../src/simulator/index';
import { companyCa, serverCertificate } from '../integration/diagnostics/support/certificates';
import type { KeyAndCert, LeafOptions } from '../integration/diagnostics/support/certificates';
import { startSim } from './simulator';

let cachedCa: KeyAndCert | undefined;

/** One company CA per test file (generating RSA keys is slow on a shared machine). */
export function testCa(): KeyAndCert {
  cachedCa ??= companyCa('Contoso Test Root CA');
  return cachedCa;
}

/** The simulator over https at 127.0.0.1 with a certificate for `names` signed by the test CA. */
export async function startHttpsSim(names: readonly string[] = ['127.0.0.1', 'localhost'], leaf: LeafOptions = {}, options: SimulatorOptions = {}): Promise<UcwaSimulator> {
  const tlsFiles = serverCertificate(names, { ca: testCa(), ...leaf });
  return startSim({ ...options, tls: { key: tlsFiles.key, cert: tlsFiles.cert } });
}

/** Node's own certificates, plus `system` as the OS store would give them (Node 22.15+ API). */
export function osTrustStoreWith(system: readonly string[]): CertificateSource {
  return {
    rootCertificates: tls.rootCertificates,
    getCACertificates: (type) => (type === 'system' ? [...system] : type === 'default' || type === 'bundled' ? [...tls.rootCertificates] : []),
  };
}

/** Node before 22.15: no way to read the OS store. */
export const NODE_WITHOUT_SYSTEM_STORE: CertificateSource = { rootCertificates: tls.rootCertificates };

/** Writes the test CA to a file, as a user would save the one IT gives them. */
export function caFile(pem: string = testCa().cert): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ucwa-ca-')), 'company-ca.pem');
  writeFileSync(file, pem);
  return file;
}
