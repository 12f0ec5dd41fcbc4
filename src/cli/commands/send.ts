// `ucwa-tray send`: the send-an-im walkthrough from the command line.
import { htmlToText } from '../../main/ucwa/index';
import type { UcwaClient } from '../../main/ucwa/index';

export interface SendInput {
  readonly to: string;
  readonly subject: string | undefined;
  readonly html: boolean;
  readonly text: string;
}

/** Start messaging, send, wait for the delivery result, stop messaging. Sign-in/out is the caller's. */
export async function sendOne(client: UcwaClient, input: SendInput): Promise<void> {
  const conversationId = await client.startConversation({ to: input.to, ...(input.subject === undefined ? {} : { subject: input.subject }) });
  try {
    await client.sendMessage(conversationId, input.html ? { text: htmlToText(input.text), html: input.text } : { text: input.text });
  } finally {
    await client.stopMessaging(conversationId).catch(() => undefined);
  }
}
