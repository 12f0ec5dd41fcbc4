// The people the simulator knows: users who sign in over HTTP, and scripted parties (bots,
// contacts driven by the control API) that live inside the server.

export interface SimUser {
  readonly uri: string;
  readonly name: string;
  readonly password: string;
  readonly title?: string;
  readonly department?: string;
  readonly email?: string;
}

export interface ScriptedPartyConfig {
  readonly uri: string;
  readonly name: string;
  /** echo: accepts every invitation and echoes each message; silent: accepts and says nothing. */
  readonly behavior: 'echo' | 'silent';
  readonly title?: string;
}

export interface ContactListConfig {
  readonly id: string;
  readonly name: string;
  readonly kind: 'pinnedGroup' | 'defaultGroup' | 'group' | 'distributionGroup';
  readonly members: readonly string[];
}

export interface DirectoryConfig {
  readonly domain: string;
  readonly users: readonly SimUser[];
  readonly scripted: readonly ScriptedPartyConfig[];
  /** Contact groups per user address; users not listed get the demo layout. */
  readonly contactLists?: Readonly<Record<string, readonly ContactListConfig[]>>;
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: readonly SimUser[] = [
  { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', password: DEMO_PASSWORD, title: 'Product Manager', department: 'Product' },
  { uri: 'sip:ben@contoso.com', name: 'Ben Osei', password: DEMO_PASSWORD, title: 'Engineer', department: 'Engineering' },
  { uri: 'sip:carl@contoso.com', name: 'Carl Berg', password: DEMO_PASSWORD, title: 'Designer', department: 'Design' },
  { uri: 'sip:dana@contoso.com', name: 'Dana Kim', password: DEMO_PASSWORD, title: 'Support Lead', department: 'Support' },
];

export const DEMO_SCRIPTED: readonly ScriptedPartyConfig[] = [
  { uri: 'sip:echo@contoso.com', name: 'Echo Bot', behavior: 'echo', title: 'Replies with what you write' },
  { uri: 'sip:lena@contoso.com', name: 'Lena Adler', behavior: 'silent', title: 'Sales' },
];

export const DEMO_DIRECTORY: DirectoryConfig = { domain: 'contoso.com', users: DEMO_USERS, scripted: DEMO_SCRIPTED };

export class Directory {
  private readonly users = new Map<string, SimUser>();
  private readonly scripted = new Map<string, ScriptedPartyConfig>();

  constructor(config: DirectoryConfig) {
    for (const user of config.users) this.users.set(user.uri.toLowerCase(), user);
    for (const party of config.scripted) this.scripted.set(party.uri.toLowerCase(), party);
  }

  /** Sign-in names are accepted as `user@domain` or `sip:user@domain`, any case. */
  findUser(nameOrUri: string): SimUser | undefined {
    const key = nameOrUri.trim().toLowerCase();
    return this.users.get(key.startsWith('sip:') ? key : `sip:${key}`);
  }

  findScripted(uri: string): ScriptedPartyConfig | undefined {
    return this.scripted.get(uri.toLowerCase());
  }

  displayName(uri: string): string {
    return this.findUser(uri)?.name ?? this.findScripted(uri)?.name ?? uri.replace(/^sip:/i, '');
  }

  allUsers(): readonly SimUser[] {
    return [...this.users.values()];
  }
}
