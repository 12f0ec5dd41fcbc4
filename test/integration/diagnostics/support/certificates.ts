// Certificates for the doctor's tests, made with openssl per run: a company CA and leaves it
// signs, a self-signed one, one for another name, and one that expired (`openssl ca` takes the
// validity dates as given, so no clock tricks are needed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndCert {
  readonly key: string;
  readonly cert: string;
}

function openssl(args: readonly string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function inTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ucwa-doctor-tls-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const san = (hosts: readonly string[]): string => `subjectAltName=${hosts.map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',')}`;

/** A certificate authority, as a company runs one for its internal servers. */
export function companyCa(name = 'Contoso Root CA'): KeyAndCert {
  return inTempDir((dir) => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
    return { key: readFileSync(join(dir, 'ca.key'), 'utf8'), cert: readFileSync(join(dir, 'ca.pem'), 'utf8') };
  });
}

export interface LeafOptions {
  /** Sign with this CA; absent: self-signed. */
  readonly ca?: KeyAndCert;
  /** openssl dates (YYYYMMDDHHMMSSZ); absent: valid from now for 30 days. */
  readonly startDate?: string;
  readonly endDate?: string;
}

/** A server certificate for `hosts` (the first is its CN). */
export function serverCertificate(hosts: readonly string[], options: LeafOptions = {}): KeyAndCert {
  return inTempDir((dir) => {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${hosts[0] ?? 'localhost'}`, '-addext', san(hosts)], dir);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), `${Date.now().toString(16).padStart(16, '0')}\n`);
    writeFileSync(
      join(dir, 'ca.cnf'),
      ['[ca]', 'default_ca = d', '[d]', 'database = index.txt', 'new_certs_dir = .', 'serial = serial', 'default_md = sha256', 'policy = p', 'copy_extensions = copy', 'unique_subject = no', 'default_days = 30', '[p]', 'commonName = supplied', ''].join('\n'),
    );
    const dates = [...(options.startDate === undefined ? [] : ['-startdate', options.startDate]), ...(options.endDate === undefined ? [] : ['-enddate', options.endDate])];
    if (options.ca === undefined) {
      openssl(['ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'leaf.key', '-in', 'leaf.csr', '-out', 'leaf.pem', '-notext', ...dates], dir);
    } else {
      writeFileSync(join(dir, 'ca.key'), options.ca.key);
      writeFileSync(join(dir, 'ca.pem'), options.ca.cert);
      openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'leaf.csr', '-out', 'leaf.pem', '-notext', ...dates], dir);
    }
    return { key: readFileSync(join(dir, 'leaf.key'), 'utf8'), cert: readFileSync(join(dir, 'leaf.pem'), 'utf8') };
  });
}
