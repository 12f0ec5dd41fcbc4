// Who is in a group chat, live (joins and leaves as they happen), each with presence and a button
// that opens their contact card; "Add people" grows the chat (a two-party chat becomes a group).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Person } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { LazyDialog } from '../components/lazy-dialog';
import { PresenceDot } from '../components/presence-dot';
import { t } from '../i18n';
import { contacts, me } from '../state/app-state';
import type { ChatModel } from '../state/chat-model';

export function useContactCard(bridge: UcwaBridge): { readonly open: (person: Person) => void; readonly dialog: JSX.Element | null } {
  const [person, setPerson] = useState<Person | undefined>(undefined);
  const mine = me.value?.uri.toLowerCase();
  return {
    open: setPerson,
    dialog:
      person === undefined ? null : (
        <LazyDialog onClose={() => setPerson(undefined)} render={({ ContactCardDialog }, kit) => <ContactCardDialog bridge={bridge} uri={person.uri} name={person.name} canMessage={person.uri.toLowerCase() !== mine} onClose={() => setPerson(undefined)} kit={kit} />} />
      ),
  };
}

export function ParticipantPanel({ model, onCard }: { readonly model: ChatModel; readonly onCard: (person: Person) => void }) {
  const summary = model.summary.value;
  if (summary?.group !== true) return null;
  const self = me.value;
  const people = summary.participants;
  return (
    <aside class="participants" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t('groups.participants')} <span class="count">({t('groups.participantCount', { count: people.length + 1 })})</span>
      </h2>
      <ul data-testid="participant-list">
        {self === undefined ? null : (
          <li>
            <button type="button" class="link-button participant" onClick={() => onCard(self)} aria-label={t('groups.showCard', { name: t('groups.you') })}>
              <PresenceDot availability={self.presence.availability} /> {t('groups.you')}
            </button>
          </li>
        )}
        {people.map((p) => {
          const contact = contacts.value.get(p.uri.toLowerCase());
          return (
            <li key={p.uri} data-uri={p.uri}>
              <button type="button" class="link-button participant" onClick={() => onCard(p)} aria-label={t('groups.showCard', { name: p.name })}>
                <PresenceDot availability={contact?.presence.availability ?? 'Unknown'} /> {p.name}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
