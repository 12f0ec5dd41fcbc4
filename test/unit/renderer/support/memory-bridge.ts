// A UcwaBridge in memory for the renderer's state tests: each method answers from a handler the test
// gives (or `ok(null)`), every call is recorded, and the test emits push events itself.
import { METHOD_NAMES } from '../../../../src/shared/ipc-names';
import { ok } from '../../../../src/shared/ipc-contract';
import type { EventName, EventPayload, MethodInput, MethodName, MethodResult, Result, UcwaBridge } from '../../../../src/shared/ipc-contract';

export type Handlers = { [M in MethodName]?: (input: MethodInput<M>) => Result<MethodResult<M>> | Promise<Result<MethodResult<M>>> };

export interface MemoryBridge {
  readonly bridge: UcwaBridge;
  readonly calls: { readonly method: MethodName; readonly input: unknown }[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  listenerCount(name: EventName): number;
}

export function memoryBridge(handlers: Handlers = {}): MemoryBridge {
  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        calls.push({ method, input });
        const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
        return handler === undefined ? ok(null) : handler(input);
      },
    ]),
  );
  const on = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  // The contract's mapped type cannot be built key by key; every key is present above.
  const bridge = { ...methods, on } as unknown as UcwaBridge;
  return {
    bridge,
    calls,
    emit: (name, payload) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    listenerCount: (name) => listeners.get(name)?.size ?? 0,
  };
}
