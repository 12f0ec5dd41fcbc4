// One stored line: version, checksum of the message JSON, the message. Read as untrusted input.
import { z } from 'zod';
import { SYSTEM_EVENT_KINDS } from '../../shared/domain';
import type { ChatMessage } from '../../shared/domain';
import { ERROR_DETAIL_REASONS, type ErrorDetail } from '../../shared/error-detail';

// A reason the app knows, with protocol data as arguments (the words are chosen when shown).
const storedDetail = z.object({
  reason: z.enum(ERROR_DETAIL_REASONS as [ErrorDetail['reason'], ...ErrorDetail['reason'][]]),
  args: z.record(z.string(), z.union([z.string(), z.number()])),
});

const messageSchema = z.object({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  direction: z.enum(['in', 'out']),
  from: z.object({ uri: z.string(), name: z.string() }),
  text: z.string(),
  html: z.string().optional(),
  time: z.number(),
  delivery: z.enum(['sending', 'delivered', 'failed']),
  // Before the detail: English words, which the UI must not show; such a message keeps only its state.
  failureReason: z.union([z.string(), storedDetail]).optional(),
  // Only ever one note, first stored as its English words.
  deliveryNote: z.string().optional(),
  system: z.object({ kind: z.enum(SYSTEM_EVENT_KINDS), who: z.object({ uri: z.string(), name: z.string() }) }).optional(),
});

const lineSchema = z.object({ v: z.literal(1), c: z.string(), m: z.unknown() });

export type ParsedLine = { readonly ok: true; readonly message: ChatMessage } | { readonly ok: false; readonly reason: string };

export function parseHistoryLine(line: string, checksum: (text: string) => string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const outer = lineSchema.safeParse(raw);
  if (!outer.success) return { ok: false, reason: 'not a history record' };
  if (checksum(JSON.stringify(outer.data.m)) !== outer.data.c) return { ok: false, reason: 'checksum mismatch' };
  const message = messageSchema.safeParse(outer.data.m);
  if (!message.success) return { ok: false, reason: 'not a message' };
  const m = message.data;
  return {
    ok: true,
    message: {
      id: m.id,
      conversationId: m.conversationId,
      direction: m.direction,
      from: m.from,
      text: m.text,
      ...(m.html === undefined ? {} : { html: m.html }),
      time: m.time,
      delivery: m.delivery,
      ...(m.failureReason === undefined || typeof m.failureReason === 'string' ? {} : { failureReason: m.failureReason as ErrorDetail }),
      ...(m.deliveryNote === undefined ? {} : { deliveryNote: 'reachedAfterAll' as const }),
      ...(m.system === undefined ? {} : { system: m.system }),
    },
  };
}
