// An IM session links the conversation views of everyone in one conversation: users' applications
// and scripted parties that live inside the server.
import { randomBytes } from 'node:crypto';
import type { ScriptedPartyConfig } from './directory';
import type { ConversationView, PartyRef } from './conversation-view';

export type Member =
  | { readonly kind: 'app'; readonly conv: ConversationView }
  | { readonly kind: 'scripted'; readonly party: ScriptedPartyConfig };

export interface ImSession {
  readonly id: string;
  readonly members: Member[];
  /** Escalated to a conference (§6.8): newcomers get an onlineMeetingInvitation (§6.5). */
  conference: boolean;
  /** Invitations still waiting for an answer, by invited URI. */
  readonly pending: Map<string, { readonly invitee: string; readonly views: ConversationView[] }>;
}

export function newId(bytes = 8): string {
  return randomBytes(bytes).toString('hex');
}

export function memberRef(member: Member): PartyRef {
  return member.kind === 'app'
    ? { uri: member.conv.app.user.uri, name: member.conv.app.user.name }
    : { uri: member.party.uri, name: member.party.name };
}

export function memberUri(member: Member): string {
  return memberRef(member).uri.toLowerCase();
}

export class SessionRegistry {
  private readonly sessions = new Map<string, ImSession>();

  create(): ImSession {
    const session: ImSession = { id: newId(), members: [], pending: new Map(), conference: false };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): ImSession | undefined {
    return this.sessions.get(id);
  }

  remove(id: string): void {
    this.sessions.delete(id);
  }

  all(): IterableIterator<ImSession> {
    return this.sessions.values();
  }

  /** A live session between a scripted party and a user's application, for injected messages (the latest first). */
  findWith(scriptedUri: string, userUri: string): ImSession | undefined {
    for (const session of [...this.sessions.values()].reverse()) {
      const uris = session.members.map(memberUri);
      if (uris.includes(scriptedUri.toLowerCase()) && uris.includes(userUri.toLowerCase())) return session;
    }
    return undefined;
  }
}
