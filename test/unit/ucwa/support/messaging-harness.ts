// Messaging on a scripted server: the tests post what the server would answer and deliver the
// event batches it would send, in the order they choose.
import { parseEventBatch } from '../../../../src/main/ucwa/event-batch';
import type { UcwaEvent } from '../../../../src/main/ucwa/events';
import { Messaging } from '../../../../src/main/ucwa/messaging';
import { APP, ORIGIN, ScriptedHttp, abs } from './scripted-http';

export interface MessagingHarness {
  readonly http: ScriptedHttp;
  readonly messaging: Messaging;
  readonly events: UcwaEvent[];
  deliver(senders: unknown[]): Promise<void>;
}

export function messagingHarness(invitationMs = 2_000): MessagingHarness {
  const http = new ScriptedHttp();
  const events: UcwaEvent[] = [];
  const messaging = new Messaging(http.asHttp(), (e) => events.push(e), () => abs(`${APP}/communication/messagingInvitations`), { invitationMs, deliveryMs: 2_000 });
  return {
    http,
    messaging,
    events,
    async deliver(senders) {
      const batch = parseEventBatch({ _links: { next: { href: `${APP}/events?ack=9` } }, sender: senders }, new URL(`${ORIGIN}${APP}/events?ack=8`));
      for (const event of batch.events) await messaging.handle(event, (e) => (e.resource !== undefined ? Promise.resolve(e.resource) : http.getResource(e.url, e.rel).catch(() => undefined)));
    },
  };
}
