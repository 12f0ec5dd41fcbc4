// What a page may send the dev host, parsed like any untrusted input: a browser tab is not trusted.
import { z } from 'zod';
import { METHOD_NAMES } from '../shared/ipc-names';
import { PAGES } from '../shared/web-bridge-protocol';
import type { PageToHost } from '../shared/web-bridge-protocol';

const pageMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), page: z.enum(PAGES), conversation: z.string().min(1).max(200).optional() }).strict(),
  z.object({ t: z.literal('invoke'), id: z.number().int().nonnegative(), method: z.enum(METHOD_NAMES), input: z.unknown() }).strict(),
  z.object({ t: z.literal('focus'), focused: z.boolean() }).strict(),
]);

/** The message, or undefined when it is not JSON or not one of ours. */
export function parsePageMessage(raw: string): PageToHost | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = pageMessage.safeParse(json);
  return parsed.success ? (parsed.data as PageToHost) : undefined;
}
