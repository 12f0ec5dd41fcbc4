// Everyone the directory knows, their presence, and each user's contact list (protocol §7).
import type { ContactListConfig, DirectoryConfig } from './directory';

export interface Person {
  readonly uri: string;
  readonly name: string;
  readonly title: string;
  readonly department: string;
  readonly email: string;
  readonly workPhone: string;
  readonly office?: string;
  readonly type: 'User' | 'Bot';
  readonly hasPhoto: boolean;
}

export interface PresenceState {
  availability: string;
  activity: string | undefined;
  note: string;
  location: string;
  lastActive: number;
}

export type ContactGroupConfig = ContactListConfig;

const FIRST = ['Alex', 'Sam', 'Kim', 'Noor', 'Jo', 'Lee', 'Mia', 'Omar', 'Ines', 'Raj', 'Tess', 'Yuki', 'Zane', 'Priya', 'Hugo', 'Lina'];
const LAST = ['Novak', 'Haddad', 'Silva', 'Okafor', 'Larsen', 'Chen', 'Moreau', 'Rossi', 'Kowalski', 'Ibrahim', 'Dubois', 'Tanaka'];
const DEPARTMENTS = ['Engineering', 'Sales', 'Support', 'Finance', 'Design', 'Legal'];

export class PeopleDirectory {
  private readonly people = new Map<string, Person>();
  private readonly presence = new Map<string, PresenceState>();
  private readonly generated: string[] = [];

  constructor(
    private readonly config: DirectoryConfig,
    generatedContacts: number,
  ) {
    for (const user of config.users) {
      this.add({ uri: user.uri, name: user.name, title: user.title ?? '', department: user.department ?? '', email: user.email ?? user.uri.replace(/^sip:/, ''), workPhone: phoneFor(user.uri), office: officeFor(user.uri), type: 'User', hasPhoto: true });
    }
    for (const party of config.scripted) {
      // Lena has no photo, so clients meet a contact whose photo is missing (404).
      this.add({ uri: party.uri, name: party.name, title: party.title ?? '', department: 'Demo', email: party.uri.replace(/^sip:/, ''), workPhone: phoneFor(party.uri), office: officeFor(party.uri), type: party.behavior === 'echo' ? 'Bot' : 'User', hasPhoto: party.behavior === 'echo' });
      this.presence.set(party.uri.toLowerCase(), { availability: 'Online', activity: undefined, note: party.behavior === 'echo' ? 'I repeat everything you say' : '', location: '', lastActive: Date.now() });
    }
    for (let i = 0; i < generatedContacts; i++) {
      const first = FIRST[i % FIRST.length] ?? 'Alex';
      const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Novak';
      const uri = `sip:person${String(i).padStart(4, '0')}@${config.domain}`;
      this.generated.push(uri);
      this.add({ uri, name: `${first} ${last} ${i}`, title: 'Staff', department: DEPARTMENTS[i % DEPARTMENTS.length] ?? 'Staff', email: uri.replace(/^sip:/, ''), workPhone: phoneFor(uri), type: 'User', hasPhoto: i % 3 !== 0 });
      this.presence.set(uri.toLowerCase(), { availability: ['Online', 'Busy', 'Away', 'Offline'][i % 4] ?? 'Online', activity: undefined, note: '', location: '', lastActive: Date.now() });
    }
  }

  find(uri: string): Person | undefined {
    return this.people.get(normalize(uri));
  }

  /** Offline unless a live application or the control API says otherwise. */
  presenceOf(uri: string): PresenceState {
    const key = normalize(uri);
    let state = this.presence.get(key);
    if (state === undefined) {
      state = { availability: 'Offline', activity: undefined, note: '', location: '', lastActive: 0 };
      this.presence.set(key, state);
    }
    return state;
  }

  /** Groups of a user's contact list: everyone else, the bots pinned, a team and a distribution group. */
  groupsOf(userUri: string): ContactGroupConfig[] {
    const me = normalize(userUri);
    const configured = Object.entries(this.config.contactLists ?? {}).find(([uri]) => normalize(uri) === me)?.[1];
    if (configured !== undefined) return [...configured];
    const users = this.config.users.map((u) => u.uri).filter((u) => normalize(u) !== me);
    const scripted = this.config.scripted.map((p) => p.uri);
    return [
      { id: 'pinned', name: 'Favorites', kind: 'pinnedGroup', members: scripted.slice(0, 1) },
      { id: 'other', name: 'Other Contacts', kind: 'defaultGroup', members: [...scripted.slice(1), ...this.generated] },
      { id: 'team', name: 'Team', kind: 'group', members: users },
      { id: 'all-staff', name: 'All Staff', kind: 'distributionGroup', members: this.config.users.map((u) => u.uri) },
    ];
  }

  contactsOf(userUri: string): Person[] {
    const seen = new Set<string>();
    const out: Person[] = [];
    for (const group of this.groupsOf(userUri)) {
      if (group.kind === 'distributionGroup') continue;
      for (const uri of group.members) {
        const person = this.find(uri);
        if (person !== undefined && !seen.has(normalize(uri))) {
          seen.add(normalize(uri));
          out.push(person);
        }
      }
    }
    return out;
  }

  search(query: string, limit: number): { results: Person[]; more: boolean } {
    const q = query.trim().toLowerCase();
    const matches = [...this.people.values()].filter((p) => p.name.toLowerCase().includes(q) || p.email.toLowerCase().includes(q) || p.uri.toLowerCase().includes(q) || p.workPhone.includes(q));
    return { results: matches.slice(0, limit), more: matches.length > limit };
  }

  private add(person: Person): void {
    this.people.set(normalize(person.uri), person);
  }
}

function normalize(uri: string): string {
  const lower = uri.trim().toLowerCase();
  return lower.startsWith('sip:') ? lower : `sip:${lower}`;
}

/** A made-up but stable office (§7.4 `office`): building and room from the address. */
function officeFor(uri: string): string {
  let n = 7;
  for (const ch of uri) n = (n * 17 + ch.charCodeAt(0)) % 1_000;
  return `Building ${(n % 4) + 1}, room ${100 + (n % 300)}`;
}

function phoneFor(uri: string): string {
  let n = 0;
  for (const ch of uri) n = (n * 31 + ch.charCodeAt(0)) % 10_000;
  return `tel:+1425555${String(n).padStart(4, '0')}`;
}
