// People as the client reports them (protocol §7). Availability values it does not know become
// `Unknown` rather than an error (§7.2).

export const KNOWN_AVAILABILITIES = ['Online', 'Busy', 'DoNotDisturb', 'BeRightBack', 'Away', 'IdleOnline', 'IdleBusy', 'Offwork', 'Offline'] as const;
export type Availability = (typeof KNOWN_AVAILABILITIES)[number] | 'Unknown';
export const SETTABLE_AVAILABILITIES = ['Online', 'Busy', 'DoNotDisturb', 'BeRightBack', 'Away', 'Offwork'] as const;
export type SettableAvailability = (typeof SETTABLE_AVAILABILITIES)[number];

export function toAvailability(value: unknown): Availability {
  return typeof value === 'string' && (KNOWN_AVAILABILITIES as readonly string[]).includes(value) ? (value as Availability) : 'Unknown';
}

export interface PresenceInfo {
  readonly availability: Availability;
  readonly activity?: string;
  readonly deviceType?: string;
  readonly lastActive?: Date;
}

/** What the contact list shows of a contact beyond its name; absent where the server had none. */
export interface ContactDetails {
  readonly uri: string;
  readonly presence?: PresenceInfo;
  readonly note?: string;
}

export interface ContactInfo {
  readonly uri: string;
  readonly name: string;
  readonly title?: string;
  readonly department?: string;
  readonly company?: string;
  readonly office?: string;
  readonly type?: string;
  readonly emails: readonly string[];
  readonly phones: readonly { readonly type: string; readonly number: string }[];
}

export type GroupKind = 'pinned' | 'default' | 'group' | 'distribution' | 'other';

export interface GroupInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: GroupKind;
  readonly contactUris: readonly string[];
}

export interface Photo {
  readonly contentType: string;
  readonly data: Buffer;
}

export interface SearchResult {
  readonly contacts: readonly ContactInfo[];
  readonly moreResultsAvailable: boolean;
}
