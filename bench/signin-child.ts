// A cold sign-in (bench/index.ts): a fresh process loads the session and signs in once against a
// simulator in another process. Prints `SIGNIN {"loadMs":…,"clientMs":…,"connectedMs":…}`:
// loading the code, the client's sign-in (discovery, token, application, makeMeAvailable), and the
// session's whole way to "connected" (my presence and note included).
import { performance } from 'node:perf_hooks';

const [url = ''] = process.argv.slice(2);
const loadStart = performance.now();
const { headlessSession } = await import('../src/main/session/headless-session');
const { UcwaClient } = await import('../src/main/ucwa/index');
const loadMs = performance.now() - loadStart;

let clientStart = 0;
let clientMs = 0;
let connectedMs = 0;
const start = performance.now();
const session = headlessSession({
  createClient: (o) => {
    const client = new UcwaClient({ ...o, endpointId: 'bench-cold' });
    client.on((e) => {
      if (e.type === 'connectionChanged' && e.state === 'connecting') clientStart = performance.now();
    });
    const makeMeAvailable = client.makeMeAvailable.bind(client);
    client.makeMeAvailable = async (...args) => {
      await makeMeAvailable(...args);
      clientMs = performance.now() - clientStart;
    };
    return client;
  },
  push: (name, payload) => {
    if (name === 'connectionChanged' && (payload as { state: string }).state === 'connected' && connectedMs === 0) connectedMs = performance.now() - start;
  },
});
await session.signIn({ server: url, user: 'ana@contoso.com', password: 'demo', rememberMe: false });
console.log(`SIGNIN ${JSON.stringify({ loadMs, clientMs, connectedMs })}`);
await session.signOut();
process.exit(0);
