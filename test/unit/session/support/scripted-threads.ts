// The conversations part of the session (ThreadsController) with a UCWA client whose commands the
// test scripts and records: nothing goes over the network. What the controller pushes to windows
// and notifies is recorded; the clock, the contacts, the history and whether the session is up are
// the test's to set.
import { expect } from 'vitest';
import type { ChatMessage, Contact, ConversationSummary } from '../../../../src/shared/domain';
import type { EventName } from '../../../../src/shared/ipc-contract';
import { ThreadsController } from '../../../../src/main/session/threads-controller';
import type { ThreadsHost } from '../../../../src/main/session/threads-controller';
import type { HistoryPort } from '../../../../src/main/session/ports';
import { UcwaClient } from '../../../../src/main/ucwa/index';
import type { MessageBody, StartConversationInput, UcwaEvent } from '../../../../src/main/ucwa/index';

export class ScriptedThreadsClient extends UcwaClient {
  readonly log: string[] = [];
  /** What each startConversation was asked, in full (thread id, operation id, message body), in order. */
  readonly starts: StartConversationInput[] = [];
  /** What each sendMessage was asked, in full. */
  readonly sendInputs: { readonly conversationId: string; readonly body: MessageBody }[] = [];
  private started = 0;
  /** What startConversation answers (given what it was asked): by default a new conversation each time, conv-1, conv-2… */
  nextStart: (input: StartConversationInput) => Promise<string> = async () => `conv-${++this.started}`;
  nextSend: () => Promise<{ operationId: string }> = async () => ({ operationId: 'op' });
  /** What addParticipant and leaveConversation do after they are logged: succeed, or throw. */
  addOutcome: (uri: string) => Promise<void> = async () => undefined;
  leaveOutcome: () => Promise<void> = async () => undefined;

  constructor() {
    super({ server: 'https://127.0.0.1:1', user: 'ana@contoso.com', password: 'x', endpointId: 'scripted' });
  }

  override startConversation(input: StartConversationInput): Promise<string> {
    this.log.push(`start ${input.to} ${input.message?.text ?? ''}`);
    this.starts.push(input);
    return this.nextStart(input);
  }

  override sendMessage(conversationId: string, body: MessageBody): Promise<{ readonly operationId: string }> {
    this.log.push(`send ${conversationId} ${body.text}${body.html === undefined ? '' : ` ${body.html}`}`);
    this.sendInputs.push({ conversationId, body });
    return this.nextSend();
  }

  override async setTyping(conversationId: string): Promise<void> {
    this.log.push(`typing ${conversationId}`);
  }

  override async acceptInvitation(invitationId: string): Promise<string> {
    this.log.push(`accept ${invitationId}`);
    return 'conv-1';
  }

  override async declineInvitation(invitationId: string): Promise<void> {
    this.log.push(`decline ${invitationId}`);
  }

  override addParticipant(conversationId: string, uri: string): Promise<void> {
    this.log.push(`add ${conversationId} ${uri}`);
    return this.addOutcome(uri);
  }

  override leaveConversation(conversationId: string): Promise<void> {
    this.log.push(`leave ${conversationId}`);
    return this.leaveOutcome();
  }
}

export const ana = { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' };
export const ben = { uri: 'sip:ben@contoso.com', name: 'Ben Osei' };
export const carl = { uri: 'sip:carl@contoso.com', name: 'Carl Berg' };

export interface ThreadsHarnessOptions {
  history?: HistoryPort;
  contacts?: Contact[];
  /** Overrides of the host the controller is given (isUp, autoAccept, windows…). */
  host?: Partial<ThreadsHost>;
}

export function threadsHarness(options: ThreadsHarnessOptions = {}) {
  const client = new ScriptedThreadsClient();
  const pushes: { name: EventName; payload: unknown }[] = [];
  const notified: string[] = [];
  /** Each notification of a message: its text, the title it is shown under and the group it names. */
  const notifications: { text: string; title: string; group: string | undefined }[] = [];
  const clock = { now: 1_000_000 };
  const threads = new ThreadsController(
    {
      push: (name, payload) => pushes.push({ name, payload }),
      windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
      notify: {
        incomingMessage: (m, title, group) => {
          notified.push(m.text);
          notifications.push({ text: m.text, title, group });
        },
      },
      client: () => client,
      me: () => ({ ...ana, presence: { availability: 'Online' } }),
      contact: (uri) => options.contacts?.find((c) => c.uri === uri),
      history: () => options.history,
      isUp: () => true,
      now: () => clock.now,
      autoAccept: () => true,
      ...options.host,
    },
    { outboxTimeoutMs: 60_000, retryBaseMs: 10 },
  );
  /** Every message pushed to the windows, added or updated, in order. */
  const added = (): ChatMessage[] => pushes.filter((p) => p.name === 'messageAdded' || p.name === 'messageUpdated').map((p) => p.payload as ChatMessage);
  const receive = (text: string, extra: Partial<Extract<UcwaEvent, { type: 'messageReceived' }>> = {}): void => {
    threads.onEvent({ type: 'messageReceived', conversationId: 'conv-1', messageId: `m-${text}`, from: ben, time: new Date(clock.now), text, ...extra }, client);
  };
  /** What the windows were last told about this conversation. */
  const shown = (id: string): ConversationSummary | undefined =>
    pushes
      .filter((p) => p.name === 'conversationChanged')
      .map((p) => p.payload as ConversationSummary)
      .filter((c) => c.id === id)
      .at(-1);
  return { client, threads, pushes, notified, notifications, clock, added, receive, shown };
}

export type ThreadsHarness = ReturnType<typeof threadsHarness>;

/** Waits for `check` (the outbox's retries sleep a few real milliseconds), at most two seconds. */
export async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(check()).toBe(true);
}

/** A history holding these conversations, each page all of its messages; `ids` lists them (or fails). */
export function historyOf(conversations: Record<string, ChatMessage[]>, ids: () => Promise<string[]> = async () => Object.keys(conversations)): HistoryPort {
  return {
    save: async () => undefined,
    onUnsaved: () => () => undefined,
    flush: async () => 0,
    page: async (id) => ({ messages: conversations[id] ?? [] }),
    find: async () => undefined,
    conversationIds: ids,
    search: async () => [],
  };
}
