// Calls that come from the OS (links, notification replies, the tray menu) are parsed by the same
// contract schemas as a window's: malformed input reaches no handler and is logged once.
import { describe, expect, it } from 'vitest';
import { OS_WINDOW_ID, createOsInvoker } from '../../../src/main/ipc/os-invoker';
import { METHOD_NAMES } from '../../../src/shared/ipc-contract';
import type { InvokeHandlers, MethodName } from '../../../src/shared/ipc-contract';

function setup() {
  const calls: { method: MethodName; input: unknown; windowId: number }[] = [];
  const warnings: string[] = [];
  const handlers: Record<string, (input: unknown, context: { windowId: number }) => Promise<unknown>> = {};
  for (const method of METHOD_NAMES) {
    handlers[method] = async (input, context) => {
      calls.push({ method, input, windowId: context.windowId });
      return 'done';
    };
  }
  const os = createOsInvoker(handlers as unknown as InvokeHandlers, { warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`), error: () => undefined });
  return { os, calls, warnings };
}

describe('OS invoker', () => {
  it('passes well-formed input to the handler, parsed, as no window', async () => {
    const { os, calls } = setup();
    expect(await os('openChat', { uri: '  sip:ben@contoso.com ' })).toEqual({ ok: true, value: 'done' });
    expect(await os('sendMessage', { conversationId: 'chat:ben@contoso.com', text: 'On my way' })).toMatchObject({ ok: true });
    expect(await os('setPresence', { availability: 'Busy' })).toMatchObject({ ok: true });
    expect(calls).toEqual([
      { method: 'openChat', input: { uri: 'sip:ben@contoso.com' }, windowId: OS_WINDOW_ID },
      { method: 'sendMessage', input: { conversationId: 'chat:ben@contoso.com', text: 'On my way' }, windowId: OS_WINDOW_ID },
      { method: 'setPresence', input: { availability: 'Busy' }, windowId: OS_WINDOW_ID },
    ]);
  });

  it.each([
    ['openChat', { uri: 'javascript:alert(1)' }],
    ['openChat', { uri: 'sip:ben\u0000@contoso.com' }],
    ['openChat', 'sip:ben@contoso.com'],
    ['sendMessage', { conversationId: 'chat:ben@contoso.com', text: '' }],
    ['sendMessage', { conversationId: 'chat:ben@contoso.com', text: 'x'.repeat(8001) }],
    ['sendMessage', { conversationId: '', text: 'hi' }],
    ['sendMessage', { conversationId: 'c'.repeat(201), text: 'hi' }],
    ['sendMessage', { conversationId: 'chat:ben@contoso.com', text: 'hi', html: '<img src=x onerror=alert(1)>'.repeat(2000) }],
    ['setPresence', { availability: 'Offline' }],
    ['setPresence', { availability: 'Busy', extra: true }],
  ] as const)('drops %s %j with invalid-input and one log line', async (method, input) => {
    const { os, calls, warnings } = setup();
    expect(await os(method, input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('ignored malformed input from the OS');
  });
});
