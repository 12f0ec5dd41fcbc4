// Choosing several people from the contact list (new group chat, add people): a filter box and a
// list of checkboxes, each named by the person.
import { useMemo, useState } from 'preact/hooks';
import type { Contact } from '../../shared/domain';
import { t } from '../i18n';
import type { DialogKit } from './dialog-kit';

export function PeoplePicker({ chosen, onChange, exclude = [], kit }: { readonly chosen: readonly string[]; readonly onChange: (uris: readonly string[]) => void; readonly exclude?: readonly string[]; readonly kit: DialogKit }) {
  const { contacts, me, filterContacts, indexContacts, PresenceDot } = kit;
  const [query, setQuery] = useState('');
  const skip = useMemo(() => new Set([...exclude, me.value?.uri ?? ''].map((u) => u.toLowerCase())), [exclude]);
  const all = contacts.value;
  const everyone = useMemo(() => [...all.values()].filter((c) => !skip.has(c.uri.toLowerCase())), [skip, all]);
  const index = useMemo(() => indexContacts(everyone), [everyone]);
  const shown: readonly Contact[] = query.trim() === '' ? everyone : filterContacts(index, query.trim());
  const toggle = (uri: string, on: boolean): void => onChange(on ? [...chosen, uri] : chosen.filter((u) => u !== uri));
  return (
    <div class="people-picker">
      <input type="search" aria-label={t('groups.searchPeople')} placeholder={t('groups.searchPeople')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-autofocus />
      <ul class="picker-list" aria-label={t('groups.searchPeople')}>
        {shown.length === 0 ? <li class="empty">{t('groups.noMatches')}</li> : null}
        {shown.map((c) => (
          <li key={c.uri}>
            <label>
              <input type="checkbox" checked={chosen.includes(c.uri)} onChange={(e) => toggle(c.uri, e.currentTarget.checked)} />
              <PresenceDot availability={c.presence.availability} /> {c.name}
            </label>
          </li>
        ))}
      </ul>
      <p class="picker-count" aria-live="polite">
        {t('groups.selected', { count: chosen.length })}
      </p>
    </div>
  );
}
