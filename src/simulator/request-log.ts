// The request log tests read (`sim.control.requests()`, `GET /_sim/requests`): a ring buffer of the
// latest requests, so a simulator left running for days keeps a bounded log.

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  /** Filled in when the response finishes; 0 while it is pending (a long poll) or when dropped. */
  status: number;
  readonly at: number;
}

export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  /** Where the oldest entry is, once the buffer is full. */
  private head = 0;
  /** Requests logged since the start or the last clear, including those no longer kept. */
  total = 0;

  constructor(readonly capacity: number) {}

  push(entry: RequestLogEntry): void {
    this.total++;
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.head] = entry;
    this.head = (this.head + 1) % this.capacity;
  }

  /** The kept entries, oldest first (a copy; entries' statuses still fill in as responses finish). */
  toArray(): RequestLogEntry[] {
    return [...this.entries.slice(this.head), ...this.entries.slice(0, this.head)];
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries.length = 0;
    this.head = 0;
    this.total = 0;
  }
}
