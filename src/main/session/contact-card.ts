// The contact card (popup and chat header): what the directory says of someone (title,
// department, office, email, phones), their presence with note and location read fresh, and the
// photo. A person the directory does not know still gets a card with their address.
import type { Contact, ContactCard } from '../../shared/domain';
import type { ContactInfo, UcwaClient } from '../ucwa/index';
import { photoDataUrl, toPresence } from './contact-details';

export async function contactCard(client: UcwaClient, known: Contact | undefined, address: string): Promise<ContactCard> {
  const uri = /^sip:/i.test(address) ? address : `sip:${address}`;
  let info: ContactInfo | undefined = client.getKnownContact(uri);
  if (info === undefined) {
    // Not in the contact list: the directory search finds them by address (§7.5).
    const found = await client.search(uri.replace(/^sip:/i, ''), 5).catch(() => undefined);
    info = found?.contacts.find((c) => c.uri.toLowerCase() === uri.toLowerCase());
  }
  const [presence, note, location, picture] = await Promise.all([
    client.getContactPresence(uri).catch(() => undefined),
    client.getContactNote(uri).catch(() => undefined),
    client.getContactLocation(uri).catch(() => undefined),
    known?.photo === undefined ? client.getContactPhoto(uri).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const photo = known?.photo ?? photoDataUrl(picture);
  const noteNow = note ?? known?.presence.note;
  return {
    uri: info?.uri ?? known?.uri ?? uri,
    name: info?.name ?? known?.name ?? uri.replace(/^sip:/i, ''),
    ...optional('title', info?.title ?? known?.title),
    ...optional('department', info?.department ?? known?.department),
    ...optional('company', info?.company ?? known?.company),
    ...optional('office', info?.office ?? known?.office),
    emails: info?.emails ?? known?.emails ?? [],
    phones: info?.phones ?? known?.phones ?? [],
    presence: {
      ...(presence === undefined ? (known?.presence ?? { availability: 'Unknown' }) : toPresence(presence)),
      ...(noteNow === undefined || noteNow === '' ? {} : { note: noteNow }),
      ...(location === undefined || location === '' ? {} : { location }),
    },
    ...(photo === undefined ? {} : { photo }),
  };
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [name]: value } as Record<K, string>);
}
