// The popup's sections (recent conversations, contact groups, search results) as one listbox
// driven from the search box: arrows move the active row, Enter opens it.
import type { PopupRow, PopupSection } from './popup-items';
import { Avatar } from '../components/avatar';
import { availabilityLabel } from '../state/presence-labels';

export const rowId = (key: string): string => `row-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

function RowContent({ row }: { readonly row: PopupRow }) {
  if (row.kind === 'conversation') {
    const c = row.conversation;
    return (
      <>
        <Avatar name={c.title} />
        <span class="row-text">
          <span class="row-title">{c.title}</span>
          <span class="row-sub">{c.typing.length > 0 ? 'typing…' : (c.lastMessage?.text ?? '')}</span>
        </span>
        {c.unread > 0 ? (
          <span class="unread-badge" aria-label={`${c.unread} unread`}>
            {c.unread}
          </span>
        ) : null}
      </>
    );
  }
  const p = row.contact;
  return (
    <>
      <Avatar name={p.name} photo={p.photo} availability={p.presence.availability} />
      <span class="row-text">
        <span class="row-title">{p.name}</span>
        <span class="row-sub">{p.presence.note !== undefined && p.presence.note !== '' ? p.presence.note : (p.title ?? availabilityLabel(p.presence.availability))}</span>
      </span>
    </>
  );
}

export interface PopupListProps {
  readonly sections: readonly PopupSection[];
  readonly activeKey: string | undefined;
  readonly onOpen: (row: PopupRow) => void;
  readonly onHover: (key: string) => void;
  readonly emptyText: string;
}

export function PopupList({ sections, activeKey, onOpen, onHover, emptyText }: PopupListProps) {
  const any = sections.some((s) => s.rows.length > 0);
  return (
    <div class="popup-list" id="popup-list" role="listbox" aria-label="Contacts and conversations">
      {any ? null : <p class="empty">{emptyText}</p>}
      {sections.map((section) =>
        section.rows.length === 0 && section.id !== 'directory' ? null : (
          <div role="group" aria-labelledby={`section-${section.id}`} key={section.id} data-section={section.id}>
            <div class="section-title" id={`section-${section.id}`} role="presentation">
              {section.title}
            </div>
            {section.rows.map((row) => (
              <div
                key={row.key}
                id={rowId(row.key)}
                role="option"
                aria-selected={row.key === activeKey}
                class={`row${row.key === activeKey ? ' active' : ''}`}
                data-kind={row.kind}
                data-uri={row.kind === 'contact' ? row.contact.uri : undefined}
                onClick={() => onOpen(row)}
                onMouseMove={() => onHover(row.key)}
              >
                <RowContent row={row} />
              </div>
            ))}
          </div>
        ),
      )}
    </div>
  );
}
