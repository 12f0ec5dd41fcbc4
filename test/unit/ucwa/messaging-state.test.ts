// What the messaging commands and events share: outcomes kept until a 201 names them, how a failed
// add is worded, which conversation an href lies under, and derivations (§6.8, §10.10).
import { describe, expect, it } from 'vitest';
import type { EventReason } from '../../../src/main/ucwa/event-batch';
import type { UcwaEvent } from '../../../src/main/ucwa/events';
import type { EarlyCompletion } from '../../../src/main/ucwa/messaging-state';
import { MessagingState } from '../../../src/main/ucwa/messaging-state';
import { messagingHarness } from './support/messaging-harness';
import { APP, abs } from './support/scripted-http';

const C = (id: string): string => `${APP}/communication/conversations/${id}`;
const PINV = (n: number | string): string => abs(`${APP}/communication/participantInvitations/${n}`).href;
const communication = (events: unknown[]): unknown => ({ rel: 'communication', href: `${APP}/communication`, events });

function stateWithEvents(): { readonly state: MessagingState; readonly events: UcwaEvent[] } {
  const events: UcwaEvent[] = [];
  return { state: new MessagingState((e) => events.push(e)), events };
}

describe('adding someone: the outcome (§6.8)', () => {
  const CARL = { uri: 'sip:carl@contoso.com', name: 'carl@contoso.com' };
  function adding(state: MessagingState, operationId: string): void {
    state.participantAdds.set(operationId, { conversationId: 'c1', to: 'sip:carl@contoso.com' });
  }

  it('words a failure by the server’s message, else its subcode, else generically, and tells nothing of a success', () => {
    const { state, events } = stateWithEvents();
    const outcomes: [string | undefined, EventReason | undefined][] = [
      ['Success', undefined],
      ['Failure', { code: 'RemoteFailure', subcode: 'Declined', message: 'Carl declined.' }],
      ['Failure', { subcode: 'Timeout' }],
      ['Failure', { code: 'Forbidden' }],
      [undefined, undefined],
    ];
    outcomes.forEach(([status, reason], i) => {
      adding(state, `op${i}`);
      state.participantOutcome(PINV(i), `op${i}`, status, reason);
    });
    expect(events).toEqual([
      { type: 'participantAddFailed', conversationId: 'c1', participant: CARL, reason: { code: 'RemoteFailure', subcode: 'Declined', message: 'Carl declined.' } },
      { type: 'participantAddFailed', conversationId: 'c1', participant: CARL, reason: { subcode: 'Timeout', message: 'They could not be added (Timeout).' } },
      { type: 'participantAddFailed', conversationId: 'c1', participant: CARL, reason: { code: 'Forbidden', message: 'They could not be added.' } },
      { type: 'participantAddFailed', conversationId: 'c1', participant: CARL, reason: { message: 'They could not be added.' } },
    ]);
  });

  it('reports the failure in the conference that replaced the conversation', () => {
    const { state, events } = stateWithEvents();
    adding(state, 'op');
    state.noteReplacement('c1', 'c2');
    state.participantOutcome(PINV(1), 'op', 'Failure', undefined);
    expect(events).toMatchObject([{ type: 'participantAddFailed', conversationId: 'c2' }]);
  });

  it('keeps 500 outcomes it cannot place until a 201 names them, dropping the oldest beyond that', () => {
    const { state, events } = stateWithEvents();
    adding(state, 'kept');
    adding(state, 'dropped');
    // Ours first (the oldest), then other endpoints' outcomes, up to 500 in all.
    state.participantOutcome(PINV('kept'), undefined, 'Failure', undefined);
    for (let i = 0; i < 499; i += 1) state.participantOutcome(PINV(`other${i}`), undefined, 'Failure', undefined);
    state.bindParticipantAdd(PINV('kept'), 'kept');
    expect(events).toHaveLength(1);
    state.participantOutcome(PINV('dropped'), undefined, 'Failure', undefined);
    for (let i = 0; i < 500; i += 1) state.participantOutcome(PINV(`more${i}`), undefined, 'Failure', undefined);
    state.bindParticipantAdd(PINV('dropped'), 'dropped');
    expect(events).toHaveLength(1);
  });
});

describe('completions kept until a 201 names them (§10.10)', () => {
  const completion: EarlyCompletion = { rel: 'message', status: 'Success', reason: undefined, conversationUrl: undefined };

  it('hands a kept completion over when the Location names it, keeping 500 and dropping the oldest beyond that', () => {
    const { state } = stateWithEvents();
    const bound: string[] = [];
    state.onEarlyBound = (operationId) => bound.push(operationId);
    state.keepEarly('m/kept', completion);
    for (let i = 0; i < 499; i += 1) state.keepEarly(`m/other${i}`, completion);
    state.bindOperation('m/kept', 'op-kept');
    expect(bound).toEqual(['op-kept']);
    state.keepEarly('m/dropped', completion);
    for (let i = 0; i < 500; i += 1) state.keepEarly(`m/more${i}`, completion);
    state.bindOperation('m/dropped', 'op-dropped');
    expect(bound).toEqual(['op-kept']);
  });
});

describe('the conversation an href lies under', () => {
  it('is the one whose href is a path prefix of it, not one whose id merely begins the same', () => {
    const { state } = stateWithEvents();
    state.recordFor(abs(C('c1')));
    state.recordFor(abs(C('c10')));
    expect(state.conversationUnder(abs(`${C('c10')}/messaging/messages/3`))?.id).toBe('c10');
    expect(state.conversationUnder(abs(`${C('c1')}/messaging/messages/3`))?.id).toBe('c1');
    expect(state.conversationUnder(abs(`${APP}/communication/messagingInvitations/9`))).toBeUndefined();
    expect(state.conversationUnder(abs(C('c1')))).toBeUndefined();
  });
});

describe('derivations (§6.8)', () => {
  it('a cycle of derivations from a confused server does not hang the lookup', () => {
    const { state } = stateWithEvents();
    state.noteReplacement('c1', 'c2');
    state.noteReplacement('c2', 'c1');
    expect(['c1', 'c2']).toContain(state.liveId('c1'));
  });

  it('tells a later waiter of the replacement after an earlier one gave up', async () => {
    const { state } = stateWithEvents();
    const impatient = state.replacementOf('c1', 10);
    const patient = state.replacementOf('c1', 5_000);
    expect(await impatient).toBeUndefined();
    state.noteReplacement('c1', 'c2');
    expect(await patient).toBe('c2');
  });

  it('the deletion of a conversation that moved into a conference ends nothing: the chat goes on there', async () => {
    const h = messagingHarness();
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c2') }, type: 'added', _embedded: { conversation: { state: 'Conferenced', _links: { self: { href: C('c2') } }, rel: 'conversation' } } }])]);
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c1') }, type: 'updated', _embedded: { conversation: { state: 'Disconnected', _links: { self: { href: C('c1') }, derivedConversation: { href: C('c2') } }, rel: 'conversation' } } }])]);
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c1') }, type: 'deleted' }])]);
    expect(h.events.filter((e) => e.type === 'conversationEnded')).toEqual([]);
    expect(h.messaging.conversationIds()).toEqual(['c2']);
  });

  it('the deletion of a conversation whose conference is gone too is an ending', () => {
    const { state, events } = stateWithEvents();
    const record = state.recordFor(abs(C('c1')));
    record.replacedBy = 'c2';
    state.end('c1', 'The conversation ended.');
    expect(events).toEqual([{ type: 'conversationEnded', conversationId: 'c1' }]);
  });
});
