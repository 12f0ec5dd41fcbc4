// Exponential backoff with full jitter and a cap, for re-creating a lost session (§8.5): 1 s,
// 2 s, 4 s … up to a minute, each drawn at random from its upper half so clients do not stampede.

export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const random = options.random ?? Math.random;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
