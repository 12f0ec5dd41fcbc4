// Contacts that live inside the server: the echo bot answers every message after showing that it
// types; silent parties accept and say nothing (tests and the control API speak for them).
import type { ScriptedPartyConfig } from './directory';
import type { PartyRef } from './conversation-view';
import type { ImSession } from './im-session';

export interface ScriptedHost {
  typing(session: ImSession, who: PartyRef): void;
  stopTyping(session: ImSession, uri: string): void;
  deliverFromScripted(session: ImSession, party: ScriptedPartyConfig, text: string): void;
}

export class ScriptedParties {
  constructor(
    private readonly host: ScriptedHost,
    private readonly delayMs: number,
  ) {}

  onMessage(session: ImSession, party: ScriptedPartyConfig, _from: PartyRef, text: string): void {
    if (party.behavior !== 'echo') return;
    const typing = setTimeout(() => this.host.typing(session, { uri: party.uri, name: party.name }), this.delayMs);
    typing.unref();
    const reply = setTimeout(() => {
      this.host.stopTyping(session, party.uri);
      this.host.deliverFromScripted(session, party, `Echo: ${text}`);
    }, this.delayMs * 2);
    reply.unref();
  }
}
