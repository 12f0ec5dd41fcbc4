import type { Availability } from '../../shared/domain';
import { initials } from '../state/presence-labels';
import { PresenceDot } from './presence-dot';

export function Avatar({ name, photo, availability, size = 'small' }: { readonly name: string; readonly photo?: string | undefined; readonly availability?: Availability | undefined; readonly size?: 'small' | 'large' }) {
  return (
    <span class={`avatar avatar-${size}`} aria-hidden={availability === undefined ? 'true' : undefined}>
      {photo !== undefined && photo.startsWith('data:image/') ? <img src={photo} alt="" /> : <span class="avatar-initials">{initials(name)}</span>}
      {availability === undefined ? null : <PresenceDot availability={availability} />}
    </span>
  );
}
