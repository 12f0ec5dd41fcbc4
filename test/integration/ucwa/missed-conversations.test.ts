// Conversations missed while signed out (protocol §8.2): read from the conversation logs where the
// server offers them; where it does not, nothing is shown and nothing fails.
import { expect, it } from 'vitest';
import { clientFor, describeEachProfile, startSim } from '../../support/simulator';

describeEachProfile('missed conversations', (profile) => {
  it('a message sent while we were signed out is a missed conversation with its text, marked read once seen', async () => {
    const sim = await startSim({ profile, conversationLogs: true });
    expect(sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Call me when you are back' })).toBe(true);
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'It is about the offer' });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    const missed = await ana.getMissedConversations();
    expect(missed).toHaveLength(1);
    const [first] = missed;
    if (first === undefined) throw new Error('one missed conversation');
    expect(first.from).toEqual({ uri: 'sip:lena@contoso.com', name: 'Lena Adler' });
    expect(first.preview).toBe('It is about the offer');
    expect(first.unread).toBe(true);
    const transcript = await ana.getMissedTranscript(first.id, first.from);
    expect(transcript.map((m) => m.text)).toEqual(['Call me when you are back', 'It is about the offer']);
    expect(transcript[0]?.from.name).toBe('Lena Adler');
    await ana.markMissedRead(first.id);
    expect((await ana.getMissedConversations())[0]?.unread).toBe(false);
  });

  it('an invitation nobody answered is missed too, and the server says so while we are signed in', async () => {
    const sim = await startSim({ profile, conversationLogs: true, invitationTimeoutMs: 300 });
    const ana = clientFor(sim, 'ana@contoso.com');
    const ben = clientFor(sim, 'ben@contoso.com');
    await Promise.all([ana.signIn(), ben.signIn()]);
    await Promise.all([ana.makeMeAvailable(), ben.makeMeAvailable()]);
    const told = ben.waitFor('missedItemsChanged', () => true, 10_000);
    await ana.startConversation({ to: 'ben@contoso.com', message: { text: 'Are you there?' } }).catch(() => undefined);
    await told;
    const missed = await ben.getMissedConversations();
    expect(missed.map((m) => [m.from.name, m.preview])).toEqual([['Ana Ruiz', 'Are you there?']]);
  });

  it('a server without conversation logs: nothing missed, nothing fails', async () => {
    const sim = await startSim({ profile });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'lost' });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    expect(await ana.getMissedConversations()).toEqual([]);
    expect(await ana.getMissedTranscript('nothing', { uri: 'sip:lena@contoso.com', name: 'Lena' })).toEqual([]);
    await ana.markMissedRead('nothing');
  });

  it('logs that fail to load (no Exchange mailbox) show nothing and fail nothing', async () => {
    const sim = await startSim({ profile, conversationLogs: true });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'hidden' });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    sim.control.failNext({ count: 1, status: 500, path: '/conversationLogs', subcode: 'InvalidExchangeServerVersion' });
    expect(await ana.getMissedConversations()).toEqual([]);
    expect(await ana.getMissedConversations()).toHaveLength(1);
  });
});
