import type { Availability } from '../../shared/domain';
import { availabilityLabel, availabilityTone } from '../state/presence-labels';

export function PresenceDot({ availability }: { readonly availability: Availability }) {
  return <span class={`presence-dot tone-${availabilityTone(availability)}`} data-availability={availability} role="img" aria-label={availabilityLabel(availability)} />;
}
