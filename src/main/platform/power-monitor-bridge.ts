// The OS's power and idle signals, passed to the session: sleep and wake, screen lock (Away) and
// unlock (back to what it was), and whether the person is at the machine (reportMyActivity).

export interface PowerMonitorLike {
  on(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen', listener: () => void): unknown;
  getSystemIdleTime(): number;
}

/** Electron's `net.isOnline()`; it has no change event, so the bridge polls it. */
export type OnlineCheck = () => boolean;

export interface SessionPowerPort {
  suspended(): void;
  resumed(): void;
  locked(): void;
  unlocked(): void;
  userIdle(idle: boolean): void;
}

export interface PowerBridgeOptions {
  /** Seconds without input after which the person counts as away (makeMeAvailable's default inactive timeout is 5 min). */
  readonly idleThresholdSeconds: number;
  readonly pollMs: number;
}

export class PowerMonitorBridge {
  private timer: NodeJS.Timeout | undefined;
  private netTimer: NodeJS.Timeout | undefined;
  private idle = false;
  private online = true;

  constructor(
    private readonly monitor: PowerMonitorLike,
    private readonly session: SessionPowerPort,
    private readonly options: PowerBridgeOptions = { idleThresholdSeconds: 300, pollMs: 30_000 },
    private readonly isOnline?: OnlineCheck,
  ) {}

  start(): void {
    this.monitor.on('suspend', () => this.session.suspended());
    this.monitor.on('resume', () => this.session.resumed());
    this.monitor.on('lock-screen', () => this.session.locked());
    this.monitor.on('unlock-screen', () => this.session.unlocked());
    this.timer = setInterval(() => this.checkIdle(), this.options.pollMs);
    this.timer.unref();
    if (this.isOnline !== undefined) {
      this.netTimer = setInterval(() => this.checkNetwork(), 2_000);
      this.netTimer.unref();
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.netTimer !== undefined) clearInterval(this.netTimer);
  }

  /** Network back: reconnect at once rather than waiting out a backoff. */
  checkNetwork(): void {
    const online = this.isOnline?.() ?? true;
    if (online === this.online) return;
    this.online = online;
    if (online) this.session.resumed();
    else this.session.suspended();
  }

  checkIdle(): void {
    const idle = this.monitor.getSystemIdleTime() >= this.options.idleThresholdSeconds;
    if (idle === this.idle) return;
    this.idle = idle;
    this.session.userIdle(idle);
  }
}
