// Two clients sign in to the simulator over real HTTP and walk through send-an-im.txt, then the
// reverse direction, typing, HTML and a remote hang-up.
import { describe, expect, it } from 'vitest';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import { autoAccept, startSim, twoUsers } from '../../support/simulator';

function record(events: UcwaEvent[]): (e: UcwaEvent) => void {
  return (e) => events.push(e);
}

describe('send an IM (the walkthrough, step by step)', () => {
  it('starts messaging, connects, sends "What\'s up?", gets the delivery result and stops messaging', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    const anaEvents: UcwaEvent[] = [];
    const benEvents: UcwaEvent[] = [];
    ana.on(record(anaEvents));
    ben.on(record(benEvents));
    autoAccept(ben);
    sim.control.resetRequestLog();

    // Steps 1–8: POST startMessaging (201 + Location), the invitation and conversation go Connected.
    const conversation = await ana.startConversation({ to: 'sip:ben@contoso.com', subject: 'Task Sample' });
    expect(anaEvents).toContainEqual({ type: 'messagingStateChanged', conversationId: conversation, state: 'Connected', formats: ['Plain', 'Html'] });
    expect(anaEvents).toContainEqual(expect.objectContaining({ type: 'invitationCompleted', conversationId: conversation, direction: 'Outgoing' }));
    expect(anaEvents).toContainEqual({ type: 'participantAdded', conversationId: conversation, participant: { uri: 'sip:ben@contoso.com', name: 'Ben Osei' } });
    const invitation = benEvents.find((e) => e.type === 'incomingInvitation');
    expect(invitation).toMatchObject({ from: { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' }, subject: 'Task Sample' });

    // Steps 9–12: POST sendMessage (text/plain, operationId) → 201, then message completed Success.
    const received = ben.waitFor('messageReceived', (e) => e.text === "What's up?");
    const result = await ana.sendMessage(conversation, { text: "What's up?" });
    expect(anaEvents).toContainEqual({ type: 'messageDelivered', conversationId: conversation, operationId: result.operationId });
    const message = await received;
    expect(message.from).toEqual({ uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' });
    expect(message.html).toBeUndefined();
    expect(Math.abs(message.time.getTime() - Date.now())).toBeLessThan(10_000);

    // Steps 13–14: POST stopMessaging → 204; Ben sees Ana leave.
    const left = ben.waitFor('participantRemoved', (e) => e.participant.uri === 'sip:ana@contoso.com');
    await ana.stopMessaging(conversation);
    await left;

    const requests = sim.control.requests().filter((r) => r.method !== 'GET' || !r.path.includes('/events'));
    const anaPosts = requests.filter((r) => r.method === 'POST');
    expect(anaPosts.map((r) => [r.path.replace(/[0-9a-f]{12,}/g, 'ID').replace(/operationId=[^&]+/, 'operationId=OP'), r.status])).toEqual(
      expect.arrayContaining([
        ['/ucwa/oauth/v1/applications/ID/communication/messagingInvitations', 201],
        ['/ucwa/oauth/v1/applications/ID/communication/conversations/ID/messaging/messages?operationId=OP', 201],
        ['/ucwa/oauth/v1/applications/ID/communication/conversations/ID/messaging/terminate', 204],
      ]),
    );
  });

  it('the reverse direction: Ben writes first, his first line is shown once, and Ana answers', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ana);
    const anaMessages: { text: string; conversationId: string }[] = [];
    ana.on((e) => {
      if (e.type === 'messageReceived') anaMessages.push({ text: e.text, conversationId: e.conversationId });
    });
    // The first line rides in the invitation and arrives again as a message event (§10.12).
    const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Lunch at 12:30?' } });
    await ben.sendMessage(conversation, { text: 'Second line' });
    await expect.poll(() => anaMessages.map((m) => m.text)).toEqual(['Lunch at 12:30?', 'Second line']);
    await ana.settled();
    expect(anaMessages.map((m) => m.text)).toEqual(['Lunch at 12:30?', 'Second line']);

    const reply = ben.waitFor('messageReceived', (e) => e.text === 'Sure!' && e.conversationId === conversation);
    await ana.sendMessage(anaMessages[0]?.conversationId ?? '', { text: 'Sure!' });
    expect((await reply).from.name).toBe('Ana Ruiz');
  });
});

describe('typing, HTML and hang-up', () => {
  it('typing shows and clears on the other side', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    const started = ben.waitFor('typingChanged', (e) => e.isTyping && e.participant.uri === 'sip:ana@contoso.com');
    await ana.setTyping(conversation);
    await started;
    await ben.waitFor('typingChanged', (e) => !e.isTyping, 3_000);
  });

  it('sends HTML as text/html when both sides negotiated it; the receiver gets html and its text', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    const received = ben.waitFor('messageReceived');
    await ana.sendMessage(conversation, { text: 'bold & plain', html: '<b>bold</b> &amp; plain' });
    const message = await received;
    expect(message.html).toBe('<b>bold</b> &amp; plain');
    expect(message.text).toBe('bold & plain');
  });

  it('a remote hang-up: participant leaves, messaging disconnects, and a new message re-adds messaging', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const benCompleted = ben.waitFor('invitationCompleted');
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    const benConversation = (await benCompleted).conversationId;
    const removed = ana.waitFor('participantRemoved', (e) => e.conversationId === conversation);
    const disconnected = ana.waitFor('messagingStateChanged', (e) => e.conversationId === conversation && e.state === 'Disconnected');
    await ben.leaveConversation(benConversation);
    expect((await removed).participant.uri).toBe('sip:ben@contoso.com');
    await disconnected;
    // Messaging again in the same conversation goes through addMessaging (§6.7).
    const again = ben.waitFor('messageReceived', (e) => e.text === 'Still there?');
    await ana.sendMessage(conversation, { text: 'Still there?' });
    await again;
  });
});
