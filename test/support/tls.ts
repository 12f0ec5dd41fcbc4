// A throwaway certificate authority-free self-signed certificate, made with openssl for each run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConnector } from 'undici';
import { Agent } from 'undici';

export interface SelfSigned {
  readonly key: string;
  readonly cert: string;
}

export function selfSignedCertificate(hosts: readonly string[]): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'ucwa-tls-'));
  try {
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', `/CN=${hosts[0] ?? 'localhost'}`, '-addext', `subjectAltName=${san}`], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A dispatcher that reaches every host name at one loopback port, verifying TLS against `ca`. */
export function loopbackAgent(port: number, ca?: string): Agent {
  const connector = buildConnector({ ...(ca === undefined ? {} : { ca }), rejectUnauthorized: true });
  return new Agent({
    connect: (options, callback) => connector({ ...options, hostname: '127.0.0.1', port: String(port), servername: options.hostname }, callback),
  });
}
