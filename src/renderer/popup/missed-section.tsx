// Conversations missed while signed out, at the top of the popup with a badge; each opens in a chat
// (its messages added there) and leaves the list. Nothing at all where the server keeps no logs.
import type { UcwaBridge } from '../../shared/ipc-contract';
import { formatDateTime, t } from '../i18n';
import { missed } from '../state/app-state';
import { errorMessage, type Words } from '../state/errors';

export function MissedSection({ bridge, onError }: { readonly bridge: UcwaBridge; readonly onError: (words: Words) => void }) {
  const list = missed.value;
  if (list.length === 0) return null;
  return (
    <section class="missed" aria-labelledby="missed-title" data-testid="missed">
      <h2 id="missed-title">
        {t('missed.heading')}{' '}
        <span class="badge" data-testid="missed-badge" aria-label={t('missed.badge', { count: list.length })}>
          {list.length}
        </span>
      </h2>
      <ul>
        {list.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              class="missed-item"
              aria-label={t('missed.open', { name: m.from.name })}
              onClick={() =>
                void bridge.openMissed({ id: m.id }).then((r) => {
                  if (!r.ok) onError(errorMessage(r.error));
                })
              }
            >
              {t('missed.item', { name: m.from.name, when: formatDateTime(m.time), preview: m.preview })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
