// The signed-in account's history as the session holds it: opened at sign-in with its "could not
// save" reports wired to the chats, let go at sign-out — where what the disk refused keeps being
// retried in the background rather than dropped.
import type { HistoryPort } from './ports';

export type UnsavedReport = (conversationId: string, unsaved: { readonly count: number; readonly reason: string } | undefined) => void;

export class AccountHistory {
  private current: HistoryPort | undefined;
  private stopReports: (() => void) | undefined;

  constructor(
    private readonly open: ((account: string) => HistoryPort) | undefined,
    private readonly report: UnsavedReport,
  ) {}

  /** The open history; `undefined` when signed out or when there is no persistent history. */
  get(): HistoryPort | undefined {
    return this.current;
  }

  openFor(account: string): void {
    this.close();
    const history = this.open?.(account);
    this.current = history;
    this.stopReports = history?.onUnsaved((conversationId, unsaved) => {
      if (this.current === history) this.report(conversationId, unsaved);
    });
  }

  close(): void {
    this.stopReports?.();
    this.stopReports = undefined;
    const history = this.current;
    this.current = undefined;
    void history?.flush();
  }
}
