// Availability words as the windows show them: each availability has its own label, not a
// catch-all "Presence unknown".
import { beforeAll, describe, expect, it } from 'vitest';
import { setPageLocale } from '../../../src/renderer/i18n';
import { AVAILABILITIES } from '../../../src/shared/domain';
import { availabilityLabel } from '../../../src/renderer/state/presence-labels';

beforeAll(() => setPageLocale('en'));

describe('availability labels', () => {
  it('names each availability in words of its own', () => {
    expect(availabilityLabel('Online')).toBe('Available');
    expect(availabilityLabel('Busy')).toBe('Busy');
    expect(availabilityLabel('DoNotDisturb')).toBe('Do not disturb');
    expect(availabilityLabel('Offwork')).toBe('Off work');
    expect(new Set(AVAILABILITIES.map(availabilityLabel)).size).toBe(AVAILABILITIES.length);
  });
});
