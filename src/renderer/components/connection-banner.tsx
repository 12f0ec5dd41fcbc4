import { connection } from '../state/app-state';
import { connectionLabel } from '../state/presence-labels';

/** Says, in plain words, when the app is not connected; silent otherwise. */
export function ConnectionBanner() {
  const text = connectionLabel(connection.value);
  if (text === undefined) return null;
  return (
    <div class={`banner banner-${connection.value.state}`} role="status">
      {text}
    </div>
  );
}
