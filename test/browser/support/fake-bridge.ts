// An in-page stand-in for window.ucwa with a large, generated model: for rendering tests and the
// renderer benchmark, where the point is the UI's cost, not the session's. It runs inside the
// page (installed with addInitScript), so it is one self-contained function.

export interface FakeModel {
  readonly messages: number;
  readonly contacts: number;
  /** Messages per history page; the app asks for 100. */
  readonly pageSize?: number;
  /** The language the snapshot names (default English). */
  readonly locale?: 'en' | 'de' | 'en-XA';
  /** Signed out: the sign-in form shows; signing in meets a proxy asking for a password (407), the connection check reports. */
  readonly signedOut?: boolean;
}

export function installFakeBridge(model: FakeModel): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const start = Date.UTC(2026, 0, 1, 8, 0);
  const words = ['release', 'build', 'lunch', 'review', 'notes', 'deploy', 'meeting', 'today', 'tomorrow', 'the', 'plan', 'is', 'ready'];
  const message = (i: number) => ({
    id: `m${i}`,
    conversationId: 'c1',
    direction: i % 3 === 0 ? 'out' : 'in',
    from: i % 3 === 0 ? { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' } : { uri: 'sip:ben@contoso.com', name: 'Ben Osei' },
    text: `message ${i}: ${Array.from({ length: 3 + (i % 17) }, (_, k) => words[(i + k) % words.length]).join(' ')}`,
    time: start + i * 97_000,
    delivery: 'delivered',
  });
  const firstNames = ['Ana', 'Ben', 'Carl', 'Dana', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jill', 'Kai', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia'];
  const lastNames = ['Ruiz', 'Osei', 'Berg', 'Kim', 'Novak', 'Silva', 'Moreau', 'Tanaka', 'Weber', 'Haddad', 'Olsen', 'Rossi'];
  const contacts = Array.from({ length: model.contacts }, (_, i) => {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]} ${i}`;
    return { uri: `sip:person${i}@contoso.com`, name, title: i % 2 === 0 ? 'Engineer' : 'Designer', presence: { availability: ['Online', 'Busy', 'Away', 'Offline'][i % 4] } };
  });
  const me = { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', presence: { availability: 'Online' } };
  const summary = { id: 'c1', title: 'Ben Osei', participants: [{ uri: 'sip:ben@contoso.com', name: 'Ben Osei' }], state: 'connected', unread: 0, typing: [] };
  const settings = { account: { server: '', user: 'ana@contoso.com' }, rememberMe: false, notifications: { enabled: true, sound: true, showMessageText: true, suppressWhenBusy: false }, autoStart: false, startHidden: false, acceptChatsAutomatically: true };
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const calls: string[] = [];
  const api: Record<string, unknown> = {
    ready: () => ok(null),
    getSnapshot: () =>
      ok({
        connection: { state: model.signedOut === true ? 'signed-out' : 'connected' },
        ...(model.signedOut === true ? {} : { me }),
        groups: [{ id: 'all', name: 'Everyone', kind: 'group', contactUris: contacts.map((c) => c.uri) }],
        contacts,
        conversations: [summary],
        unreadTotal: 0,
        settings,
        canRememberPassword: true,
        locale: model.locale ?? 'en',
      }),
    getConversation: () => ok({ summary, participants: summary.participants }),
    getHistory: ({ before, limit = 100 }: { before?: string; limit?: number }) => {
      limit = model.pageSize ?? limit;
      calls.push(`getHistory:${before ?? ''}`);
      const end = before === undefined ? model.messages : Number(before);
      const from = Math.max(0, end - limit);
      return ok({ messages: Array.from({ length: end - from }, (_, k) => message(from + k)), ...(from > 0 ? { olderCursor: String(from) } : {}) });
    },
    search: ({ query }: { query: string }) => {
      calls.push(`search:${query}`);
      return ok([]);
    },
    searchHistory: ({ query }: { query: string }) => {
      calls.push(`searchHistory:${query}`);
      return ok([]);
    },
    // What the sign-in page meets only after a round trip: the proxy's question, the doctor's report, an error.
    signInDemo: () => Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'the demo is not there' } }),
    signIn: () => Promise.resolve({ ok: false, error: { code: 'proxy-auth-required', message: 'proxy authentication required', host: 'proxy.contoso.com:8080' } }),
    runDoctor: ({ user }: { user: string }) =>
      ok({
        user,
        steps: [{ kind: 'candidates', title: { key: 'doctor.title.candidates' }, status: 'ok', seen: [{ key: 'doctor.candidates.server', values: { server: 'https://lyncweb.contoso.com' } }] }],
        verdict: 'ok',
        summary: [{ key: 'doctor.summary.ok' }],
      }),
    markRead: () => ok(null),
    setTyping: () => ok(null),
    sendMessage: ({ text }: { text: string }) => {
      const sent = { ...message(model.messages), id: `sent-${calls.length}`, direction: 'out', text, time: Date.now(), delivery: 'sending' };
      return ok(sent);
    },
  };
  const bridge = new Proxy(api, {
    get: (target, name: string) =>
      name === 'on'
        ? (event: string, listener: Listener) => {
            const set = listeners.get(event) ?? new Set<Listener>();
            listeners.set(event, set);
            set.add(listener);
            return () => set.delete(listener);
          }
        : (target[name] ?? (() => ok(null))),
  });
  Object.defineProperty(globalThis, 'ucwa', { value: bridge });
  Object.defineProperty(globalThis, '__fakeBridgeCalls', { value: calls });
}
