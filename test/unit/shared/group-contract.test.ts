// The new methods' inputs (group chats, contact card, copy, missed conversations) are validated by
// the contract's schemas: bad input is refused with a reason, good input passes unchanged.
import { describe, expect, it } from 'vitest';
import { invokeContract } from '../../../src/shared/ipc-contract';

const parse = <M extends keyof typeof invokeContract>(method: M, input: unknown) => invokeContract[method].input.safeParse(input);

describe('group chat, contact card and missed conversation inputs', () => {
  it('startGroupChat needs two to twenty sign-in addresses and at most a 250-character subject', () => {
    expect(parse('startGroupChat', { uris: ['ben@contoso.com', 'sip:carl@contoso.com'], subject: 'Plans' }).success).toBe(true);
    expect(parse('startGroupChat', { uris: ['ben@contoso.com'] }).success).toBe(false);
    expect(parse('startGroupChat', { uris: Array.from({ length: 21 }, (_, i) => `u${i}@contoso.com`) }).success).toBe(false);
    expect(parse('startGroupChat', { uris: ['ben@contoso.com', 'not an address'] }).success).toBe(false);
    expect(parse('startGroupChat', { uris: ['ben@contoso.com', 'carl@contoso.com'], subject: 'x'.repeat(251) }).success).toBe(false);
    expect(parse('startGroupChat', { uris: ['ben@contoso.com', 'carl@contoso.com'], extra: 1 }).success).toBe(false);
  });

  it('addParticipants needs a conversation and one to twenty addresses', () => {
    expect(parse('addParticipants', { conversationId: 'chat:ben@contoso.com', uris: ['carl@contoso.com'] }).success).toBe(true);
    expect(parse('addParticipants', { conversationId: 'chat:ben@contoso.com', uris: [] }).success).toBe(false);
    expect(parse('addParticipants', { conversationId: '', uris: ['carl@contoso.com'] }).success).toBe(false);
    expect(parse('addParticipants', { conversationId: 'chat:x', uris: ['carl@contoso.com\nsip:evil@x'] }).success).toBe(false);
  });

  it('copyText takes one line of at most 512 characters, never control characters', () => {
    expect(parse('copyText', { text: '+1 425 555 0100' }).success).toBe(true);
    expect(parse('copyText', { text: '' }).success).toBe(false);
    expect(parse('copyText', { text: 'a\nb' }).success).toBe(false);
    expect(parse('copyText', { text: 'a\u001b[2Jb' }).success).toBe(false);
    expect(parse('copyText', { text: 'x'.repeat(513) }).success).toBe(false);
  });

  it('getContactCard takes an address; openMissed an id of at most 200 characters', () => {
    expect(parse('getContactCard', { uri: 'lena@contoso.com' }).success).toBe(true);
    expect(parse('getContactCard', { uri: 'lena' }).success).toBe(false);
    expect(parse('openMissed', { id: 'abc' }).success).toBe(true);
    expect(parse('openMissed', { id: '' }).success).toBe(false);
    expect(parse('openMissed', { id: 'x'.repeat(201) }).success).toBe(false);
  });
});
