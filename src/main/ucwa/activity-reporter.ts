// reportMyActivity (protocol §3.3): while the person is at the machine, the client says so at least
// every 4 minutes, or the server shows them as inactive. Paused while the OS reports idle.
import type { AuthenticatedHttp } from './authenticated-http';
import type { Logger } from './logger';

export class ActivityReporter {
  /** False while the OS says the user is idle past the inactive timeout. */
  enabled = true;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly http: AuthenticatedHttp,
    private readonly link: () => URL | undefined,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => {
      const url = this.link();
      if (!this.enabled || url === undefined) return;
      this.http.postEmpty(url).catch((error: unknown) => this.logger.warn('reportMyActivity failed', { reason: error instanceof Error ? error.message : String(error) }));
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
