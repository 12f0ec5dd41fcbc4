// A contact's presence or note event that comes before the contact list is loaded (signing in,
// recovering) is kept and applied when the contact appears, not dropped.
import { expect, it } from 'vitest';
import { ContactBook } from '../../../src/main/session/contact-book';

it('presence and note told before the contact is known are applied when it is added', () => {
  const pushes: unknown[] = [];
  const book = new ContactBook((name, payload) => pushes.push([name, payload]), () => undefined);
  book.presenceChanged('sip:Lena@contoso.com', { availability: 'Busy' });
  book.noteChanged('sip:lena@contoso.com', 'Back at 3');
  // The open chats with Lena hear of it at once.
  expect(pushes.at(0)).toEqual(['presenceChanged', { uri: 'sip:Lena@contoso.com', presence: { availability: 'Busy' }, isMe: false }]);
  const lena = book.contactFor({ uri: 'sip:lena@contoso.com', name: 'Lena Adler', emails: [], phones: [] });
  expect(lena.presence).toEqual({ availability: 'Busy', note: 'Back at 3' });
  book.clear();
  expect(book.contactFor({ uri: 'sip:lena@contoso.com', name: 'Lena Adler', emails: [], phones: [] }).presence).toEqual({ availability: 'Unknown' });
});
