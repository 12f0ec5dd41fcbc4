// The contact list a window would hold after a run of pushes, replayed as the renderer's state
// applies them (src/renderer/state/app-state.ts): contactsChanged replaces the list, contactsUpdated
// adds or replaces contacts, presenceChanged patches a listed contact's presence.
import type { Contact, Presence } from '../../src/shared/domain';

export interface Pushed {
  readonly name: string;
  readonly payload: unknown;
}

export function contactsAsWindowSees(pushes: readonly Pushed[]): Contact[] {
  const list = new Map<string, Contact>();
  for (const { name, payload } of pushes) {
    if (name === 'contactsChanged') {
      list.clear();
      for (const c of (payload as { contacts: readonly Contact[] }).contacts) list.set(c.uri.toLowerCase(), c);
    } else if (name === 'contactsUpdated') {
      for (const c of (payload as { contacts: readonly Contact[] }).contacts) list.set(c.uri.toLowerCase(), c);
    } else if (name === 'presenceChanged') {
      const { uri, presence, isMe } = payload as { uri: string; presence: Presence; isMe: boolean };
      const contact = list.get(uri.toLowerCase());
      if (!isMe && contact !== undefined) list.set(uri.toLowerCase(), { ...contact, presence });
    }
  }
  return [...list.values()];
}
