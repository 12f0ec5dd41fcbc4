// Which certificate authorities the client trusts (issue #14): Node's own list, the OS store where
// this Node can read it, CA files from the settings or --ca, and NODE_EXTRA_CA_CERTS as Node reads
// it — setting `ca` replaces Node's defaults, so each of them must be in the list handed to undici.
import * as tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { buildTlsTrust, readCaFile, systemStoreAvailable } from '../../../src/main/ucwa/tls-trust';
import { companyCa } from '../../integration/diagnostics/support/certificates';
import { NODE_WITHOUT_SYSTEM_STORE, caFile, osTrustStoreWith, testCa } from '../../support/corporate-network';

const company = (): string => testCa().cert.trim();

describe('CA files', () => {
  it('a bundle gives every certificate in it, in order, and ignores the text around them', () => {
    const other = companyCa('Fabrikam Root CA').cert.trim();
    const bundle = `Contoso Root CA\n${company()}\n\n# intermediate\n${other}\n`;
    expect(readCaFile('bundle.pem', () => bundle)).toEqual([company(), other]);
  });

  it('a file that cannot be read names the file and why, and keeps the system error as its cause', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    let caught: unknown;
    try {
      readCaFile('/etc/company/ca.pem', () => {
        throw denied;
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UcwaError);
    expect((caught as UcwaError).code).toBe('bad-ca-file');
    expect((caught as UcwaError).message).toMatch(/\/etc\/company\/ca\.pem cannot be read \(EACCES\)/);
    expect((caught as UcwaError).cause).toBe(denied);
  });
});

describe('the trust handed to undici', () => {
  it('says whether this Node can read the OS store', () => {
    expect(systemStoreAvailable(NODE_WITHOUT_SYSTEM_STORE)).toBe(false);
    expect(systemStoreAvailable(osTrustStoreWith([]))).toBe(true);
  });

  it("a CA file on a Node without the OS store: Node's own CAs and the file's, nothing else", () => {
    const trust = buildTlsTrust({ systemStore: true, caFiles: [caFile()] }, NODE_WITHOUT_SYSTEM_STORE, {});
    expect(trust.systemStore).toBe('unavailable');
    expect(trust.ca).toEqual([...tls.rootCertificates, company()]);
  });

  it('NODE_EXTRA_CA_CERTS is kept where Node would have read it, and ignored as Node does when it cannot be read', () => {
    const extra = companyCa('Contoso Issuing CA').cert.trim();
    const withExtra = buildTlsTrust({ systemStore: false, caFiles: [caFile()] }, NODE_WITHOUT_SYSTEM_STORE, { NODE_EXTRA_CA_CERTS: caFile(extra) });
    expect(withExtra.ca).toEqual([...tls.rootCertificates, extra, company()]);
    const missing = buildTlsTrust({ systemStore: false, caFiles: [caFile()] }, NODE_WITHOUT_SYSTEM_STORE, { NODE_EXTRA_CA_CERTS: '/nonexistent/extra.pem' });
    expect(missing.ca).toEqual([...tls.rootCertificates, company()]);
  });

  it("with the OS store: Node's defaults, the store and the CA files, each once", () => {
    const trust = buildTlsTrust({ systemStore: true, caFiles: [caFile()] }, osTrustStoreWith([testCa().cert.trim()]), {});
    expect(trust.systemStore).toBe('used');
    expect(trust.ca).toEqual([...tls.rootCertificates, company()]);
  });

  it('the OS store switched off: Node decides alone when no CA file is given', () => {
    const trust = buildTlsTrust({ systemStore: false }, osTrustStoreWith([company()]), {});
    expect(trust).toEqual({ ca: undefined, systemStore: 'off', caFiles: [] });
  });
});
