// One wrapper for every invoke method: check the sender, parse the input with the contract's
// schema, run the handler, and answer with a Result — never a thrown error (Electron would carry
// only its message across).
import type { z } from 'zod';
import { METHOD_NAMES, fail, invokeChannel, invokeContract, mayCall, ok } from '../../shared/ipc-contract';
import type { InvokeHandlers, MethodName, Result } from '../../shared/ipc-contract';
import { IpcFailure } from '../../shared/ipc-failure';
import { errorDetail } from '../../shared/error-detail';
import type { InvokeEventLike, SenderPolicy } from './sender-policy';

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface HandlerLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export async function invokeOne(name: MethodName, handlers: InvokeHandlers, policy: SenderPolicy, log: HandlerLog, event: InvokeEventLike, args: readonly unknown[]): Promise<Result<unknown>> {
  const sender = policy.senderOf(event);
  if (sender === undefined) {
    log.warn('refused IPC from a sender that is not our window', { method: name, url: event.senderFrame?.url });
    return fail('forbidden-sender', 'This window may not call the app.');
  }
  if (!mayCall(sender.page, name)) {
    log.warn('refused IPC the page may not make', { method: name, page: sender.page });
    return fail('forbidden', `The ${sender.page} window may not call ${name}.`, undefined, errorDetail('windowMayNotCall', { page: sender.page, method: name }));
  }
  return runParsed(name, handlers, log, args, sender.windowId);
}

/** Parses the input with the contract's schema and runs the handler; the sender is already checked. */
export async function runParsed(name: MethodName, handlers: InvokeHandlers, log: HandlerLog, args: readonly unknown[], windowId: number): Promise<Result<unknown>> {
  const schema: z.ZodType = invokeContract[name].input;
  const parsed = args.length === 1 ? schema.safeParse(args[0]) : undefined;
  if (parsed === undefined || !parsed.success) {
    const issue = parsed?.error.issues[0];
    const field = issue === undefined ? 'input' : issue.path.join('.') || 'input';
    return fail('invalid-input', issue === undefined ? `${name} takes exactly one object.` : `${name}: ${field} ${issue.message}`, undefined, errorDetail('invalidInput', { method: name, field }));
  }
  try {
    const handler = handlers[name] as (input: unknown, context: { windowId: number }) => Promise<unknown>;
    return ok(await handler(parsed.data, { windowId }));
  } catch (error) {
    if (error instanceof IpcFailure) return fail(error.code, error.message, error.host, error.detail, error.certificate);
    log.error('IPC handler failed', { method: name, reason: error instanceof Error ? error.message : String(error) });
    return fail('internal', 'Something went wrong in the app.');
  }
}

export function registerInvokeHandlers(ipcMain: IpcMainLike, handlers: InvokeHandlers, policy: SenderPolicy, log: HandlerLog): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(invokeChannel(name), (event, ...args) => invokeOne(name, handlers, policy, log, event, args));
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(invokeChannel(name));
  };
}
