// Fault injection for tests: fail, delay or drop the next requests that match.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './wire';

export interface FailRule {
  readonly count: number;
  readonly status: number;
  readonly method?: string;
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

interface Counted<T> {
  readonly rule: T;
  left: number;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  status: number;
  readonly at: number;
}

export class FaultInjector {
  private fails: Counted<FailRule>[] = [];
  private drops: Counted<DropRule>[] = [];
  private delays: Counted<DelayRule>[] = [];
  delayMs = 0;
  delayCount = Number.POSITIVE_INFINITY;
  readonly log: RequestLogEntry[] = [];

  failNext(rule: FailRule): void {
    this.fails.push({ rule, left: rule.count });
  }

  dropNext(rule: DropRule): void {
    this.drops.push({ rule, left: rule.count });
  }

  /** Holds the next matching requests for `ms` before answering them (one slow request among fast ones). */
  delayNext(rule: DelayRule): void {
    this.delays.push({ rule, left: rule.count });
  }

  setDelay(ms: number, count?: number): void {
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

  private take<T extends { method?: string; path?: string }>(list: Counted<T>[], method: string, path: string): T | undefined {
    for (const entry of list) {
      if (entry.left <= 0) continue;
      if (entry.rule.method !== undefined && entry.rule.method.toUpperCase() !== method) continue;
      if (entry.rule.path !== undefined && !new RegExp(entry.rule.path, 'i').test(path)) continue;
      entry.left--;
      return entry.rule;
    }
    return undefined;
  }
}
