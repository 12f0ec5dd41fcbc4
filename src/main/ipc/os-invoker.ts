// What enters from the OS rather than a window — a link's address, a notification reply's text and
// conversation, a tray menu choice — reaches the session through the same contract schemas as a
// window's call, and only for these methods. Malformed input is dropped with one log line.
import type { InvokeHandlers, MethodResult, Result } from '../../shared/ipc-contract';
import { runParsed } from './register-invoke-handlers';
import type { HandlerLog } from './register-invoke-handlers';

export type OsMethod = 'openChat' | 'sendMessage' | 'setPresence' | 'acceptInvitation' | 'declineInvitation';

/** The context handlers see for OS calls: no window asked (0 is never a window id). */
export const OS_WINDOW_ID = 0;

export type OsInvoker = <M extends OsMethod>(method: M, input: unknown) => Promise<Result<MethodResult<M>>>;

export function createOsInvoker(handlers: InvokeHandlers, log: HandlerLog): OsInvoker {
  return async <M extends OsMethod>(method: M, input: unknown) => {
    const result = await runParsed(method, handlers, log, [input], OS_WINDOW_ID);
    if (!result.ok && result.error.code === 'invalid-input') log.warn('ignored malformed input from the OS', { method, reason: result.error.message });
    return result as Result<MethodResult<M>>;
  };
}
