// Declining, keeping the application alive, and the participant list of a multi-party conversation.
import { describe, expect, it } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/index';
import { autoAccept, clientFor, startSim, twoUsers } from '../../support/simulator';

describe('conversations', () => {
  it('a declined invitation fails the sender\'s start with the reason', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    const benFailures: string[] = [];
    ben.on((e) => {
      if (e.type === 'incomingInvitation') void ben.declineInvitation(e.invitationId);
      if (e.type === 'invitationFailed') benFailures.push(e.reason.subcode ?? '');
    });
    const error: unknown = await ana.startConversation({ to: 'ben@contoso.com' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UcwaError);
    expect((error as UcwaError).code).toBe('invitation-failed');
    expect((error as UcwaError).subcode).toBe('Declined');
    await expect.poll(() => benFailures).toEqual(['Declined']);
  });

  it('an invitation nobody answers fails after the timeout', async () => {
    const sim = await startSim({ invitationTimeoutMs: 300 });
    const { ana } = await twoUsers(sim);
    const error: unknown = await ana.startConversation({ to: 'ben@contoso.com' }).then(() => undefined, (e: unknown) => e);
    expect((error as UcwaError).subcode).toBe('Timeout');
  });

  // The pause while the user is idle is checked tick by tick with fake timers in
  // test/unit/ucwa/activity-reporter.test.ts; here, the real timer against the simulator.
  it('reportMyActivity is posted on its timer after makeMeAvailable', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com', { reportActivityIntervalMs: 100 });
    await ana.signIn();
    await ana.makeMeAvailable();
    const count = (): number => sim.control.requests().filter((r) => r.path.endsWith('/me/reportMyActivity') && r.status === 204).length;
    await expect.poll(count, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
  });

  it('a multi-party conversation: a third person joins, everyone sees the participant list and every message', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    const carl = clientFor(sim, 'carl@contoso.com');
    await carl.signIn();
    await carl.makeMeAvailable();
    autoAccept(ben);
    autoAccept(carl);
    const started = await ana.startConversation({ to: 'ben@contoso.com', subject: 'Planning' });
    // Escalation may derive a new conversation on the same thread (§6.8): follow it.
    let conversation = started;
    ana.on((e) => {
      if (e.type === 'conversationReplaced' && e.conversationId === conversation) conversation = e.by;
    });
    const benSeesCarl = ben.waitFor('participantAdded', (e) => e.participant.uri === 'sip:carl@contoso.com');
    const carlJoined = carl.waitFor('invitationCompleted');
    await ana.addParticipant(started, 'carl@contoso.com');
    await Promise.all([benSeesCarl, carlJoined]);
    const participants = await ana.getParticipants(conversation);
    expect(participants.map((p) => p.uri).sort()).toEqual(['sip:ana@contoso.com', 'sip:ben@contoso.com', 'sip:carl@contoso.com']);
    expect(participants.find((p) => p.uri === 'sip:carl@contoso.com')?.name).toBe('Carl Berg');

    const carlConversation = (await carlJoined).conversationId;
    const toAna = ana.waitFor('messageReceived', (e) => e.text === 'hi all');
    const toBen = ben.waitFor('messageReceived', (e) => e.text === 'hi all');
    await carl.sendMessage(carlConversation, { text: 'hi all' });
    expect((await toAna).from).toEqual({ uri: 'sip:carl@contoso.com', name: 'Carl Berg' });
    expect((await toBen).from.name).toBe('Carl Berg');

    const anaSeesBenLeave = ana.waitFor('participantRemoved', (e) => e.participant.uri === 'sip:ben@contoso.com');
    let benConversation = (await toBen).conversationId;
    ben.on((e) => {
      if (e.type === 'conversationReplaced' && e.conversationId === benConversation) benConversation = e.by;
    });
    await ben.leaveConversation(benConversation);
    await anaSeesBenLeave;
    expect((await ana.getParticipants(conversation)).map((p) => p.uri).sort()).toEqual(['sip:ana@contoso.com', 'sip:carl@contoso.com']);
  });

  it('two endpoints of one user race for an invitation: the one that did not answer sees it completed elsewhere', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    const benDesk = clientFor(sim, 'ben@contoso.com', { endpointId: 'ben-desk' });
    const benLaptop = clientFor(sim, 'ben@contoso.com', { endpointId: 'ben-laptop' });
    await Promise.all([ana.signIn(), benDesk.signIn(), benLaptop.signIn()]);
    await Promise.all([ana.makeMeAvailable(), benDesk.makeMeAvailable(), benLaptop.makeMeAvailable()]);
    autoAccept(benDesk);
    // The laptop may not even see the invitation before the desk answered it (its started event
    // link-only, the invitation gone when read): then only its end, which is what matters.
    const laptopLost = benLaptop.waitFor('invitationFailed');
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    expect(conversation).not.toBe('');
    expect((await laptopLost).reason.subcode).toBe('ConnectedElsewhere');
    const onDesk = benDesk.waitFor('messageReceived', (e) => e.text === 'desk only');
    await ana.sendMessage(conversation, { text: 'desk only' });
    await onDesk;
  });
});
