import { beforeAll, describe, expect, it } from 'vitest';
import { setPageLocale } from '../../../src/renderer/i18n';
import { AVAILABILITIES } from '../../../src/shared/domain';
import { availabilityLabel, availabilityTone, connectionLabel, initials } from '../../../src/renderer/state/presence-labels';
import { errorDetail } from '../../../src/shared/error-detail';
import { loadErrorWording } from '../../../src/renderer/state/errors';

// The windows load their language's catalog before they show any text; so do these tests.
beforeAll(() => setPageLocale('en'));

describe('presence labels', () => {
  it('has words and a colour for every availability', () => {
    for (const a of AVAILABILITIES) {
      expect(availabilityLabel(a)).toMatch(/\w/);
      expect(['available', 'busy', 'dnd', 'away', 'offline']).toContain(availabilityTone(a));
    }
    expect(availabilityTone('DoNotDisturb')).toBe('dnd');
    expect(availabilityTone('IdleOnline')).toBe('away');
  });

  it('says when the app is not connected, and when it tries again', async () => {
    expect(connectionLabel({ state: 'connected' })).toBeUndefined();
    expect(connectionLabel({ state: 'reconnecting', nextAttemptAt: 31_000 }, 1_000)).toBe('Reconnecting in 30 s…');
    // The detail's words load with the first one shown; the general sentence says it until then.
    expect(connectionLabel({ state: 'failed', detail: errorDetail('sessionEndedByServer', {}) })).toBe('Signed out by the server.');
    await loadErrorWording();
    expect(connectionLabel({ state: 'failed', detail: errorDetail('sessionEndedByServer', {}) })).toBe('The server ended the session. Sign in again later.');
  });

  it('makes initials from names', () => {
    expect(initials('Ana Ruiz')).toBe('AR');
    expect(initials('cher')).toBe('C');
    expect(initials('  ')).toBe('?');
  });
});
