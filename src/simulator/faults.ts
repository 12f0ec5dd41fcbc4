// Fault injection for tests: fail, delay or drop the next requests that match. Rules are checked
// when they are made (path patterns by path-pattern.ts, numbers by range) and their number is
// bounded, so the control API cannot be used to stall or bloat the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { compilePathPattern } from './path-pattern';
import type { PathPattern } from './path-pattern';
import { sendError } from './wire';

export interface FailRule {
  readonly count: number;
  readonly status: number;
  readonly method?: string;
  /** A path pattern (path-pattern.ts): literal, `*` wildcards, `^`/`$` anchors. */
  readonly path?: string;
  readonly retryAfterSeconds?: number;
  readonly subcode?: string;
}

export interface DropRule {
  readonly count: number;
  readonly method?: string;
  readonly path?: string;
}

export interface DelayRule {
  readonly count: number;
  readonly ms: number;
  readonly method?: string;
  readonly path?: string;
}

export type ControlErrorCode = 'invalid-path-pattern' | 'invalid-number' | 'invalid-method' | 'too-many-rules';

/** A control input the simulator refuses; the HTTP control API answers it with 400. */
export class ControlInputError extends Error {
  constructor(
    readonly code: ControlErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ControlInputError';
  }
}

export const MAX_ACTIVE_RULES = 100;
const MAX_COUNT = 1_000_000;
const MAX_DELAY_MS = 60_000;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

interface ActiveRule<T> {
  readonly rule: T;
  readonly method: string | undefined;
  readonly pattern: PathPattern | undefined;
  left: number;
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new ControlInputError('invalid-number', `${name} must be an integer from ${min} to ${max}`);
}

function activate<T extends { readonly count: number; readonly method?: string; readonly path?: string }>(rule: T): ActiveRule<T> {
  checkInteger('count', rule.count, 1, MAX_COUNT);
  const method = rule.method?.toUpperCase();
  if (method !== undefined && !METHODS.has(method)) throw new ControlInputError('invalid-method', 'method must be GET, POST, PUT or DELETE');
  let pattern: PathPattern | undefined;
  if (rule.path !== undefined) {
    const compiled = compilePathPattern(rule.path);
    if (!compiled.ok) throw new ControlInputError(compiled.error.code, compiled.error.message);
    pattern = compiled.pattern;
  }
  return { rule, method, pattern, left: rule.count };
}

export class FaultInjector {
  private fails: ActiveRule<FailRule>[] = [];
  private drops: ActiveRule<DropRule>[] = [];
  private delays: ActiveRule<DelayRule>[] = [];
  delayMs = 0;
  delayCount = Number.POSITIVE_INFINITY;

  failNext(rule: FailRule): void {
    checkInteger('status', rule.status, 400, 599);
    if (rule.retryAfterSeconds !== undefined) checkInteger('retryAfterSeconds', rule.retryAfterSeconds, 0, 86_400);
    const active = activate(rule);
    this.fails = this.withRoom(this.fails);
    this.fails.push(active);
  }

  dropNext(rule: DropRule): void {
    const active = activate(rule);
    this.drops = this.withRoom(this.drops);
    this.drops.push(active);
  }

  /** Holds the next matching requests for `ms` before answering them (one slow request among fast ones). */
  delayNext(rule: DelayRule): void {
    checkInteger('ms', rule.ms, 0, MAX_DELAY_MS);
    const active = activate(rule);
    this.delays = this.withRoom(this.delays);
    this.delays.push(active);
  }

  setDelay(ms: number, count?: number): void {
    checkInteger('ms', ms, 0, MAX_DELAY_MS);
    if (count !== undefined) checkInteger('count', count, 1, MAX_COUNT);
    this.delayMs = ms;
    this.delayCount = count ?? Number.POSITIVE_INFINITY;
  }

  clear(): void {
    this.fails = [];
    this.drops = [];
    this.delays = [];
    this.delayMs = 0;
  }

  /** Returns true when the request was answered (or dropped) by a fault. */
  async apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (this.delayMs > 0 && this.delayCount > 0) {
      this.delayCount--;
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
    const method = req.method ?? 'GET';
    const delay = this.take(this.delays, method, path);
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    const drop = this.take(this.drops, method, path);
    if (drop !== undefined) {
      req.socket.destroy();
      return true;
    }
    const fail = this.take(this.fails, method, path);
    if (fail !== undefined) {
      const headers: Record<string, string> = fail.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fail.retryAfterSeconds) };
      sendError(res, fail.status, fail.subcode, 'Injected fault.', headers);
      return true;
    }
    return false;
  }

  /** Used-up rules go; a list still full of live rules refuses another. */
  private withRoom<T>(list: ActiveRule<T>[]): ActiveRule<T>[] {
    const live = list.filter((entry) => entry.left > 0);
    if (live.length >= MAX_ACTIVE_RULES) throw new ControlInputError('too-many-rules', `at most ${MAX_ACTIVE_RULES} fault rules of a kind may be active; clear the faults first`);
    return live;
  }

  private take<T>(list: ActiveRule<T>[], method: string, path: string): T | undefined {
    for (const entry of list) {
      if (entry.left <= 0) continue;
      if (entry.method !== undefined && entry.method !== method) continue;
      if (entry.pattern !== undefined && !entry.pattern.matches(path)) continue;
      entry.left--;
      return entry.rule;
    }
    return undefined;
  }
}
