import type { corporateNetwork as english } from '../en/corporate-network.js';

// German messages of one area (corporate-network); the type makes a missing key a compile error.
export const corporateNetwork = {
  'corporateNetwork.certificate.untrustedIssuer':
    'Das Zertifikat von {host} stammt von einer Zertifizierungsstelle, der dieser Computer nicht vertraut ({code}). Es wurde nichts gesendet. Wenn es der Server Ihres Unternehmens ist, erbitten Sie von der IT das Zertifikat der Unternehmens-CA und fügen Sie es als vertrauenswürdige CA-Datei hinzu.',
  'corporateNetwork.certificate.nameMismatch':
    'Das Zertifikat von {host} ist auf einen anderen Namen ausgestellt ({code}). Es wurde nichts gesendet. Verwenden Sie den Servernamen, für den das Zertifikat gilt, oder bitten Sie die IT, {host} aufzunehmen.',
  'corporateNetwork.certificate.expired':
    'Das Zertifikat von {host} ist abgelaufen ({code}). Es wurde nichts gesendet. Der Administrator des Servers muss es erneuern; sollte es noch gültig sein, prüfen Sie Datum und Uhrzeit dieses Computers.',
  'corporateNetwork.certificate.notYetValid':
    'Das Zertifikat von {host} ist noch nicht gültig ({code}). Es wurde nichts gesendet. Prüfen Sie Datum und Uhrzeit dieses Computers.',
  'corporateNetwork.certificate.other': 'Die sichere Verbindung zu {host} ist fehlgeschlagen: Das Zertifikat wurde nicht akzeptiert ({code}). Es wurde nichts gesendet.',
  'corporateNetwork.certificate.howToTrustCli':
    'Dieses Node.js ({version}) kann die Zertifikate, denen dieser Computer vertraut, nicht lesen. Geben Sie das CA-Zertifikat mit --ca DATEI an oder setzen Sie NODE_EXTRA_CA_CERTS=DATEI.',
  'corporateNetwork.caFile.unreadable': 'Die CA-Datei {file} kann nicht gelesen werden ({reason}).',
  'corporateNetwork.caFile.noCertificate': 'Die CA-Datei {file} enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----).',
  'corporateNetwork.proxy.authRequired': 'Der Proxy verlangt einen Benutzernamen und ein Kennwort, um {host} zu erreichen (407).',
  'corporateNetwork.proxy.refused': 'Der Proxy hat die Verbindung zu {host} abgelehnt ({status}). Fragen Sie die IT, ob dieser Server über den Proxy erreichbar sein darf.',
  'corporateNetwork.doctor.grantTypes': 'Anmeldeverfahren, die der Server anbietet: {grants}',
  'corporateNetwork.doctor.proxy': 'Proxy für den Server: {proxy}',
  'corporateNetwork.identityWindow.title': 'Mit Ihrer Organisation anmelden',
  'corporateNetwork.method.legend': 'Anmelden mit',
  'corporateNetwork.method.windows': 'Mit Windows anmelden',
  'corporateNetwork.method.passive': 'Mit Ihrer Organisation anmelden',
  'corporateNetwork.method.password': 'Kennwort',
  'corporateNetwork.method.find': 'Anmeldeverfahren ermitteln',
  'corporateNetwork.method.finding': 'Der Server wird gefragt…',
  'corporateNetwork.method.offered': '{count, plural, one {Der Server bietet # Verfahren an.} other {Der Server bietet # Verfahren an.}}',
} as const satisfies Record<keyof typeof english, string>;
