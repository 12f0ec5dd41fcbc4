import type { network as english } from '../en/network.js';

// German messages of one area (network); the type makes a missing key a compile error.
export const network = {
  'network.proxyAuth.title': 'Ihr Proxy verlangt einen Benutzernamen und ein Kennwort',
  'network.proxyAuth.explain': 'Der Proxy {host} fragt danach, bevor er die App zum Server durchlässt. Sie werden nur an diesen Proxy gesendet.',
  'network.proxyAuth.rejected': 'Der Proxy {host} hat diesen Benutzernamen und dieses Kennwort nicht angenommen. Bitte geben Sie beides erneut ein.',
  'network.proxyAuth.user': 'Benutzername für den Proxy',
  'network.proxyAuth.password': 'Kennwort für den Proxy',
  'network.proxyAuth.remember': 'Auf diesem Computer merken (verschlüsselt)',
  'network.proxyAuth.submit': 'Anmeldung fortsetzen',
  'network.proxyAuth.missing': 'Geben Sie den Benutzernamen und das Kennwort für den Proxy ein.',
} as const satisfies Record<keyof typeof english, string>;
