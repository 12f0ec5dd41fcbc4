// Protocol §6.2 and §10.10: "the P-GET can deliver started/completed for an operation before the
// POST's 201 arrives; correlate with operationId". With the latitude on, the 201 of an operation
// (startMessaging, addMessaging, sendMessage, addParticipant) waits, at random, until the client
// has fetched a batch with the operation's events and asked for the next one.
import type { SimApplication } from './application';
import type { OpResult } from './messaging-service';

/** A client that awaits the 201 before it polls again still gets its answer after this long. */
export const MAX_REPLY_HOLD_MS = 1_500;

export async function holdReply(app: SimApplication, result: OpResult, chance: number): Promise<void> {
  if (!result.ok || result.location === undefined || !app.random.chance(chance)) return;
  await app.channel.whenAcknowledged(result.location, MAX_REPLY_HOLD_MS);
}
