// `ucwa-tray presence`, `presence set`, `contacts` and `search`.
import { t } from '../cli-language';
import { SETTABLE_AVAILABILITIES } from '../../main/ucwa/index';
import type { Availability, ContactInfo, SettableAvailability, UcwaClient } from '../../main/ucwa/index';
import { CliUsageError } from '../connection-options';

export interface Printer {
  (text: string): void;
}

export function parseAvailability(value: string | undefined): SettableAvailability {
  const match = SETTABLE_AVAILABILITIES.find((a) => a.toLowerCase() === (value ?? '').toLowerCase());
  if (match === undefined) throw new CliUsageError(t('cli.availabilityChoices', { choices: SETTABLE_AVAILABILITIES.join(', ') }));
  return match;
}

export async function showMyPresence(client: UcwaClient, json: boolean, print: Printer): Promise<void> {
  await client.makeMeAvailable();
  const [presence, note] = await Promise.all([client.getMyPresence(), client.getMyNote()]);
  const me = client.me;
  if (json) print(JSON.stringify({ uri: me?.uri, name: me?.name, availability: presence.availability, ...(presence.activity === undefined ? {} : { activity: presence.activity }), note }));
  else print(`${me?.name ?? ''} <${me?.uri ?? ''}>: ${presence.availability}${note === '' ? '' : ` — ${note}`}`);
}

export async function setMyPresence(client: UcwaClient, availability: SettableAvailability, note: string | undefined, print: Printer): Promise<void> {
  await client.makeMeAvailable(availability);
  await client.setMyPresence(availability);
  if (note !== undefined) await client.setMyNote(note);
  print(note === undefined ? t('cli.presenceSet', { availability }) : t('cli.presenceSetWithNote', { availability, note }));
}

interface Row {
  readonly contact: ContactInfo;
  readonly availability: Availability;
  readonly note?: string;
}

async function withPresence(client: UcwaClient, contacts: readonly ContactInfo[]): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  const queue = [...contacts];
  // A snapshot per contact, six at a time (§7.2, §8.5); a contact we may not see reads Unknown.
  const worker = async (): Promise<void> => {
    for (let contact = queue.shift(); contact !== undefined; contact = queue.shift()) {
      const availability = await client.getContactPresence(contact.uri).then((p) => p.availability, (): Availability => 'Unknown');
      const note = await client.getContactNote(contact.uri).catch(() => undefined);
      rows.set(contact.uri.toLowerCase(), { contact, availability, ...(note === undefined || note === '' ? {} : { note }) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, queue.length) }, worker));
  return rows;
}

function line(row: Row): string {
  const c = row.contact;
  return `  ${row.availability.padEnd(12)} ${c.name} <${c.uri}>${c.title === undefined ? '' : `  ${c.title}`}${row.note === undefined ? '' : `  “${row.note}”`}`;
}

function jsonRow(row: Row): Record<string, unknown> {
  return { uri: row.contact.uri, name: row.contact.name, ...(row.contact.title === undefined ? {} : { title: row.contact.title }), ...(row.contact.department === undefined ? {} : { department: row.contact.department }), emails: row.contact.emails, availability: row.availability, ...(row.note === undefined ? {} : { note: row.note }) };
}

export async function listContacts(client: UcwaClient, json: boolean, print: Printer): Promise<void> {
  const [contacts, groups] = await Promise.all([client.getContacts(), client.getGroups()]);
  const everyone = new Map(contacts.map((c) => [c.uri.toLowerCase(), c]));
  for (const uri of groups.flatMap((g) => g.contactUris)) {
    const known = client.getKnownContact(uri);
    if (known !== undefined && !everyone.has(uri.toLowerCase())) everyone.set(uri.toLowerCase(), known);
  }
  const rows = await withPresence(client, [...everyone.values()]);
  if (json) {
    print(JSON.stringify({ groups: groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind, contacts: g.contactUris.flatMap((u) => { const row = rows.get(u.toLowerCase()); return row === undefined ? [{ uri: u }] : [jsonRow(row)]; }) })) }));
    return;
  }
  for (const group of groups) {
    print(`${group.name} (${group.contactUris.length})`);
    for (const uri of group.contactUris) {
      const row = rows.get(uri.toLowerCase());
      print(row === undefined ? `  ${'Unknown'.padEnd(12)} <${uri}>` : line(row));
    }
  }
}

export async function searchDirectory(client: UcwaClient, query: string, limit: number, json: boolean, print: Printer): Promise<void> {
  const result = await client.search(query, limit);
  const rows = await withPresence(client, result.contacts);
  const ordered = result.contacts.flatMap((c) => rows.get(c.uri.toLowerCase()) ?? []);
  if (json) {
    print(JSON.stringify({ results: ordered.map(jsonRow), moreResultsAvailable: result.moreResultsAvailable }));
    return;
  }
  if (ordered.length === 0) print(t('cli.nobodyMatches', { query }));
  for (const row of ordered) print(line(row));
  if (result.moreResultsAvailable) print(t('cli.moreResults'));
}
