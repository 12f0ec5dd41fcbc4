// English messages of one area (corporate-network): ICU MessageFormat (plurals, select, dates), keyed 'corporateNetwork.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const corporateNetwork = {
  'corporateNetwork.certificate.untrustedIssuer':
    'The certificate of {host} comes from a certificate authority this computer does not trust ({code}). Nothing was sent. If it is your company’s server, ask IT for the certificate of the company’s CA and add it as a trusted CA file.',
  'corporateNetwork.certificate.nameMismatch':
    'The certificate of {host} is made out for a different name ({code}). Nothing was sent. Use the server name the certificate is for, or ask IT to add {host} to it.',
  'corporateNetwork.certificate.expired':
    'The certificate of {host} has expired ({code}). Nothing was sent. The server’s administrator must renew it; if it should still be valid, check this computer’s date and time.',
  'corporateNetwork.certificate.notYetValid':
    'The certificate of {host} is not valid yet ({code}). Nothing was sent. Check this computer’s date and time.',
  'corporateNetwork.certificate.other': 'The secure connection to {host} failed: its certificate was not accepted ({code}). Nothing was sent.',
  'corporateNetwork.certificate.howToTrustCli':
    'This Node.js ({version}) cannot read the certificates this computer trusts. Pass the CA certificate with --ca FILE, or set NODE_EXTRA_CA_CERTS=FILE.',
  'corporateNetwork.caFile.unreadable': 'The CA file {file} cannot be read ({reason}).',
  'corporateNetwork.caFile.noCertificate': 'The CA file {file} contains no PEM certificate (-----BEGIN CERTIFICATE-----).',
  'corporateNetwork.proxy.authRequired': 'The proxy wants a user name and password to reach {host} (407).',
  'corporateNetwork.proxy.refused': 'The proxy refused to connect to {host} ({status}). Ask IT whether this server may be reached through the proxy.',
  'corporateNetwork.doctor.grantTypes': 'Sign-in methods the server offers: {grants}',
  'corporateNetwork.doctor.proxy': 'Proxy for the server: {proxy}',
  'corporateNetwork.identityWindow.title': 'Sign in with your organization',
  'corporateNetwork.method.legend': 'Sign in with',
  'corporateNetwork.method.windows': 'Sign in with Windows',
  'corporateNetwork.method.passive': 'Sign in with your organization',
  'corporateNetwork.method.password': 'Password',
  'corporateNetwork.method.find': 'Find sign-in methods',
  'corporateNetwork.method.finding': 'Asking the server…',
  'corporateNetwork.method.offered': '{count, plural, one {The server offers # method.} other {The server offers # methods.}}',
} as const;
