// Group chats end to end against the simulator (protocol §6.5, §6.8, §10.23), in both profiles
// (the strict one derives a new conversation on escalation and sends much of it link-only):
// starting with several people, adding someone, joining from an onlineMeetingInvitation, a message
// from each of three participants with its own sender, and someone leaving.
import { expect, it } from 'vitest';
import type { UcwaClient, UcwaEvent } from '../../../src/main/ucwa/index';
import { autoAccept, clientFor, describeEachProfile, startSim } from '../../support/simulator';

async function signedIn(sim: Awaited<ReturnType<typeof startSim>>, user: string): Promise<UcwaClient> {
  const client = clientFor(sim, user);
  await client.signIn();
  await client.makeMeAvailable();
  return client;
}

/** Ana, Ben and Carl signed in and available; Ben and Carl accept what they are invited to. */
async function anaBenAndCarl(sim: Awaited<ReturnType<typeof startSim>>): Promise<{ ana: UcwaClient; ben: UcwaClient; carl: UcwaClient }> {
  const [ana, ben, carl] = await Promise.all(['ana@contoso.com', 'ben@contoso.com', 'carl@contoso.com'].map((u) => signedIn(sim, u)));
  if (ana === undefined || ben === undefined || carl === undefined) throw new Error('three clients');
  autoAccept(ben);
  autoAccept(carl);
  return { ana, ben, carl };
}

/** Follows a conversation through escalation: a derived conversation replaces it (§6.8). */
function follow(client: UcwaClient, id: string): () => string {
  let current = id;
  client.on((e: UcwaEvent) => {
    if (e.type === 'conversationReplaced' && e.conversationId === current) current = e.by;
  });
  return () => current;
}

describeEachProfile('group chat', (profile) => {
  it('three people: started by us, joined from an onlineMeetingInvitation, a message from each with its sender, and a leave', async () => {
    const sim = await startSim({ profile });
    const { ana, ben, carl } = await anaBenAndCarl(sim);
    const carlInvited = carl.waitFor('incomingInvitation');
    // Carl has no other conversation; his IM may connect before the awaits below return, so the
    // wait starts now (it raced under load).
    const carlConnected = carl.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 20_000);
    const benJoined = ben.waitFor('invitationCompleted');
    const started = await ana.startConversation({ to: 'ben@contoso.com', subject: 'Planning' });
    const anaConversation = follow(ana, started);
    const benConversation = (await benJoined).conversationId;
    const benFollows = follow(ben, benConversation);

    const anaSeesCarl = ana.waitFor('participantAdded', (e) => e.participant.uri === 'sip:carl@contoso.com');
    const benSeesCarl = ben.waitFor('participantAdded', (e) => e.participant.uri === 'sip:carl@contoso.com');
    await ana.addParticipant(started, 'carl@contoso.com');
    const invitation = await carlInvited;
    // A group invitation is an onlineMeetingInvitation (§10.23), from the person who added Carl.
    expect(invitation.group).toBe(true);
    expect(invitation.from.name).toBe('Ana Ruiz');
    expect((await anaSeesCarl).participant.name).toBe('Carl Berg');
    await benSeesCarl;
    // Joined the meeting, then IM added by the client itself: Carl can write.
    const carlConversation = invitation.conversationId;
    expect((await carlConnected).conversationId).toBe(carlConversation);

    const heard = (client: UcwaClient, text: string): Promise<Extract<UcwaEvent, { type: 'messageReceived' }>> => client.waitFor('messageReceived', (e) => e.text === text, 10_000);
    const fromAna = [heard(ben, 'from ana'), heard(carl, 'from ana')];
    await ana.sendMessage(anaConversation(), { text: 'from ana' });
    const fromBen = [heard(ana, 'from ben'), heard(carl, 'from ben')];
    await ben.sendMessage(benFollows(), { text: 'from ben' });
    const fromCarl = [heard(ana, 'from carl'), heard(ben, 'from carl')];
    await carl.sendMessage(carlConversation, { text: 'from carl' });
    for (const m of await Promise.all(fromAna)) expect(m.from).toEqual({ uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' });
    for (const m of await Promise.all(fromBen)) expect(m.from).toEqual({ uri: 'sip:ben@contoso.com', name: 'Ben Osei' });
    for (const m of await Promise.all(fromCarl)) expect(m.from).toEqual({ uri: 'sip:carl@contoso.com', name: 'Carl Berg' });

    const anaSeesBenLeave = ana.waitFor('participantRemoved', (e) => e.participant.uri === 'sip:ben@contoso.com');
    const carlSeesBenLeave = carl.waitFor('participantRemoved', (e) => e.participant.uri === 'sip:ben@contoso.com');
    await ben.leaveConversation(benFollows());
    await Promise.all([anaSeesBenLeave, carlSeesBenLeave]);
    const after = heard(carl, 'still here');
    await ana.sendMessage(anaConversation(), { text: 'still here' });
    expect((await after).from.name).toBe('Ana Ruiz');
    expect((await ana.getParticipants(anaConversation())).map((p) => p.uri).sort()).toEqual(['sip:ana@contoso.com', 'sip:carl@contoso.com']);
  });

  it('an invitation into a group held by others: join, see who is there, and hear each of them', async () => {
    const sim = await startSim({ profile });
    const ana = await signedIn(sim, 'ana@contoso.com');
    autoAccept(ana);
    const invited = ana.waitFor('incomingInvitation');
    const connected = ana.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 20_000);
    const participants: string[] = [];
    ana.on((e) => {
      if (e.type === 'participantAdded') participants.push(e.participant.name);
    });
    expect(sim.control.groupInvite({ from: 'lena@contoso.com', others: ['echo@contoso.com'], to: 'ana@contoso.com', subject: 'Launch' })).toBe(true);
    const invitation = await invited;
    expect(invitation.group).toBe(true);
    expect(invitation.subject).toBe('Launch');
    expect((await connected).conversationId).toBe(invitation.conversationId);
    // The one who invited is known from the invitation; the others arrive as participants.
    await expect.poll(() => [...new Set([invitation.from.name, ...participants])].sort()).toEqual(['Echo Bot', 'Lena Adler']);
    const echoed = ana.waitFor('messageReceived', (e) => e.text === 'Echo: hello group', 10_000);
    await ana.sendMessage(invitation.conversationId, { text: 'hello group' });
    expect((await echoed).from.name).toBe('Echo Bot');
    const fromLena = ana.waitFor('messageReceived', (e) => e.text === 'welcome', 10_000);
    expect(sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'welcome' })).toBe(true);
    expect((await fromLena).from).toEqual({ uri: 'sip:lena@contoso.com', name: 'Lena Adler' });
    const joined = ana.waitFor('participantRemoved', (e) => e.participant.uri === 'sip:lena@contoso.com');
    sim.control.hangUp({ from: 'lena@contoso.com', to: 'ana@contoso.com' });
    await joined;
  });

  it('adding two people one right after the other reaches both, though the first made the chat a conference', async () => {
    const sim = await startSim({ profile });
    const { ana } = await anaBenAndCarl(sim);
    const started = await ana.startConversation({ to: 'ben@contoso.com', subject: 'Quick' });
    const anaSees = (uri: string): Promise<unknown> => ana.waitFor('participantAdded', (e) => e.participant.uri === uri, 10_000);
    const carlAdded = anaSees('sip:carl@contoso.com');
    const echoAdded = anaSees('sip:echo@contoso.com');
    // The second add names the conversation as the user saw it, before any event could say that the
    // first add moved it into a derived conference (§6.8; the strict profile does so).
    await ana.addParticipant(started, 'carl@contoso.com');
    await ana.addParticipant(started, 'echo@contoso.com');
    await Promise.all([carlAdded, echoAdded]);
  });

  it('a message written right after adding someone reaches everyone in the conference it became', async () => {
    const sim = await startSim({ profile });
    const { ana, ben, carl } = await anaBenAndCarl(sim);
    const carlConnected = carl.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 20_000);
    const started = await ana.startConversation({ to: 'ben@contoso.com', subject: 'Quick' });
    await ana.addParticipant(started, 'carl@contoso.com');
    await carlConnected;
    const benHears = ben.waitFor('messageReceived', (e) => e.text === 'to both', 10_000);
    const carlHears = carl.waitFor('messageReceived', (e) => e.text === 'to both', 10_000);
    // The conversation as the user saw it when they wrote: perhaps before the derivation's events.
    await ana.sendMessage(started, { text: 'to both' });
    await Promise.all([benHears, carlHears]);
  });
});
