// The typed domain events the client emits, translated from UCWA event batches.

export interface PartyInfo {
  readonly uri: string;
  readonly name: string;
}

export interface MessageBody {
  /** Plain text; for an HTML-only message, its text content. */
  readonly text: string;
  readonly html?: string;
}

export type ConversationStateName = 'Incoming' | 'Connecting' | 'Connected' | 'Conferencing' | 'Conferenced' | 'Disconnecting' | 'Disconnected' | string;
export type ModalityStateName = 'Connecting' | 'Connected' | 'Disconnected' | string;

export interface FailureReason {
  readonly code?: string;
  readonly subcode?: string;
  readonly message: string;
}

export type ConnectionStateName = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

import type { PresenceInfo } from './people-types';
import type { ErrorDetail } from '../../shared/error-detail';

export type UcwaEvent =
  | { readonly type: 'connectionChanged'; readonly state: ConnectionStateName; readonly detail?: ErrorDetail }
  | {
      readonly type: 'incomingInvitation';
      readonly invitationId: string;
      readonly conversationId: string;
      readonly from: PartyInfo;
      readonly subject: string;
      readonly firstMessage?: MessageBody;
      /** The thread this conversation continues (§6.7), when the server names one. */
      readonly threadId?: string;
      /** A group chat: an onlineMeetingInvitation (§6.5, §10.23); accepting it joins and then adds IM. */
      readonly group?: boolean;
    }
  /** `operationId`: ours, for an invitation we started (it may complete after its caller gave up waiting). */
  | { readonly type: 'invitationCompleted'; readonly invitationId: string; readonly conversationId: string; readonly direction: 'Incoming' | 'Outgoing'; readonly operationId?: string }
  | { readonly type: 'invitationFailed'; readonly invitationId: string; readonly conversationId: string; readonly direction: 'Incoming' | 'Outgoing'; readonly reason: FailureReason; readonly operationId?: string }
  | { readonly type: 'conversationStateChanged'; readonly conversationId: string; readonly state: ConversationStateName }
  | { readonly type: 'messagingStateChanged'; readonly conversationId: string; readonly state: ModalityStateName; readonly formats: readonly string[] }
  | ({
      readonly type: 'messageReceived';
      readonly conversationId: string;
      readonly messageId: string;
      readonly from: PartyInfo;
      readonly time: Date;
    } & MessageBody)
  | { readonly type: 'messageDelivered'; readonly conversationId: string; readonly operationId: string }
  | { readonly type: 'messageFailed'; readonly conversationId: string; readonly operationId: string; readonly reason: FailureReason }
  | { readonly type: 'typingChanged'; readonly conversationId: string; readonly participant: PartyInfo; readonly isTyping: boolean }
  | { readonly type: 'participantAdded'; readonly conversationId: string; readonly participant: PartyInfo }
  | { readonly type: 'participantRemoved'; readonly conversationId: string; readonly participant: PartyInfo }
  /** Someone we added could not be (declined, did not answer, unreachable): our participantInvitation failed (§6.8). */
  | { readonly type: 'participantAddFailed'; readonly conversationId: string; readonly participant: PartyInfo; readonly reason: FailureReason }
  /** `threadId`: to continue the same thread when writing again (§6.7, §10.21). */
  | { readonly type: 'conversationEnded'; readonly conversationId: string; readonly threadId?: string }
  /** Escalation moved the conversation to a derived one on the same thread (§6.8): follow `by`, the old one is gone. */
  | { readonly type: 'conversationReplaced'; readonly conversationId: string; readonly by: string }
  /** The server's count of missed conversations changed (§8.2 `missedItems` updated). */
  | { readonly type: 'missedItemsChanged' }
  | { readonly type: 'channelResynced' }
  | { readonly type: 'channelResumed' }
  /** `gone` (410): the server says do not retry; otherwise a new application may be created. */
  | { readonly type: 'applicationLost'; readonly reason: string; readonly detail?: ErrorDetail; readonly gone: boolean }
  | { readonly type: 'meChanged' }
  | { readonly type: 'presenceChanged'; readonly uri: string; readonly presence: PresenceInfo }
  | { readonly type: 'contactNoteChanged'; readonly uri: string; readonly note: string }
  | { readonly type: 'myPresenceChanged'; readonly presence: PresenceInfo }
  | { readonly type: 'myNoteChanged'; readonly note: string };

export type UcwaEventType = UcwaEvent['type'];
export type UcwaEventOf<T extends UcwaEventType> = Extract<UcwaEvent, { type: T }>;
