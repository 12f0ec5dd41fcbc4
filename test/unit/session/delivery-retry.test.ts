// Which failures the outbox tries again on its own: only those that prove nothing was sent.
import { describe, expect, it } from 'vitest';
import { isRetryable } from '../../../src/main/session/delivery-queue';
import { UcwaError } from '../../../src/main/ucwa/index';

describe('isRetryable', () => {
  it('retries what the server never took: busy, unreachable, the application or conversation gone before the POST', () => {
    expect(isRetryable(new UcwaError('http', '503', { status: 503 }))).toBe(true);
    expect(isRetryable(new UcwaError('unreachable', 'down'))).toBe(true);
    expect(isRetryable(new UcwaError('application-gone', 'The server no longer knows this application.', { status: 404, subcode: 'ApplicationNotFound' }))).toBe(true);
    expect(isRetryable(new UcwaError('not-found', 'The conversation has ended.'))).toBe(true);
    expect(isRetryable(new UcwaError('invitation-failed', 'away', { subcode: 'TemporarilyUnavailable' }))).toBe(true);
  });

  it('never resends what the server may have delivered, nor what the other side refused', () => {
    expect(isRetryable(new UcwaError('delivery-unconfirmed', 'may have arrived'))).toBe(false);
    expect(isRetryable(new UcwaError('delivery-failed', 'Not delivered.'))).toBe(false);
    expect(isRetryable(new UcwaError('invitation-failed', 'declined', { subcode: 'Declined' }))).toBe(false);
    expect(isRetryable(new UcwaError('http', '403', { status: 403 }))).toBe(false);
  });
});
