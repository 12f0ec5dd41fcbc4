// English messages of one area (network: proxy sign-in, CA files, the app's words for network errors), keyed 'network.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const network = {
  'network.proxyAuth.title': 'Your proxy needs a user name and password',
  'network.proxyAuth.explain': 'The proxy {host} asks for them before it lets the app reach the server. They are sent only to this proxy.',
  'network.proxyAuth.rejected': 'The proxy {host} did not accept that user name and password. Please enter them again.',
  'network.proxyAuth.user': 'Proxy user name',
  'network.proxyAuth.password': 'Proxy password',
  'network.proxyAuth.remember': 'Remember them on this computer (encrypted)',
  'network.proxyAuth.submit': 'Continue signing in',
  'network.proxyAuth.missing': 'Enter the proxy’s user name and password.',
} as const;
