// One event that cannot be handled is logged and skipped alone: the rest of its batch still
// counts (a message after it is not lost).
import { describe, expect, it } from 'vitest';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { parseEventBatch } from '../../../src/main/ucwa/event-batch';
import type { RawEvent } from '../../../src/main/ucwa/event-batch';
import { EventDispatcher } from '../../../src/main/ucwa/event-dispatcher';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import type { Messaging } from '../../../src/main/ucwa/messaging';
import type { People } from '../../../src/main/ucwa/people';
import type { PresenceSubscriber } from '../../../src/main/ucwa/presence-subscriber';

describe('EventDispatcher', () => {
  it('skips an event whose handler throws and handles the rest of the batch', async () => {
    const handled: string[] = [];
    const warnings: string[] = [];
    const messaging = {
      handle: async (event: RawEvent) => {
        if (event.url.pathname.endsWith('/1')) throw new RangeError('Invalid code point 1114112');
        handled.push(event.url.pathname);
      },
    } as unknown as Messaging;
    const people = { batchUrl: () => undefined } as unknown as People;
    const logger = createLogger('test', (level, _scope, message) => level === 'warn' && warnings.push(message), new SecretRedactor());
    const dispatcher = new EventDispatcher({} as AuthenticatedHttp, messaging, people, {} as PresenceSubscriber, () => undefined, logger);
    const conversation = '/ucwa/oauth/v1/applications/1/communication/conversations/c1';
    const batch = parseEventBatch(
      {
        _links: { next: { href: '/events?ack=2' } },
        sender: [{ rel: 'conversation', href: conversation, events: [1, 2, 3].map((n) => ({ link: { rel: 'message', href: `${conversation}/messaging/messages/${n}` }, type: 'completed', status: 'Success' })) }],
      },
      new URL('https://pool.contoso.com/events?ack=1'),
    );
    await dispatcher.dispatch(batch.events);
    expect(handled).toEqual([`${conversation}/messaging/messages/2`, `${conversation}/messaging/messages/3`]);
    expect(warnings).toContain('skipped an event that could not be handled');
  });
});
