import { describe, expect, it } from 'vitest';
import { PowerMonitorBridge } from '../../../src/main/platform/power-monitor-bridge';
import type { PowerMonitorLike } from '../../../src/main/platform/power-monitor-bridge';

describe('power monitor bridge', () => {
  it('passes suspend, resume, lock and unlock through, and idle only when it changes', () => {
    const listeners = new Map<string, () => void>();
    let idleSeconds = 0;
    const monitor: PowerMonitorLike = { on: (event, listener) => listeners.set(event, listener), getSystemIdleTime: () => idleSeconds };
    const log: string[] = [];
    const bridge = new PowerMonitorBridge(monitor, { suspended: () => log.push('suspend'), resumed: () => log.push('resume'), locked: () => log.push('lock'), unlocked: () => log.push('unlock'), userIdle: (idle) => log.push(`idle:${idle}`) }, { idleThresholdSeconds: 300, pollMs: 60_000 });
    bridge.start();
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen']) listeners.get(event)?.();
    bridge.checkIdle();
    idleSeconds = 301;
    bridge.checkIdle();
    bridge.checkIdle();
    idleSeconds = 2;
    bridge.checkIdle();
    bridge.stop();
    expect(log).toEqual(['suspend', 'resume', 'lock', 'unlock', 'idle:true', 'idle:false']);
  });

  it('network down and up reach the session as offline and reconnect-now', () => {
    let online = true;
    const log: string[] = [];
    const bridge = new PowerMonitorBridge({ on: () => undefined, getSystemIdleTime: () => 0 }, { suspended: () => log.push('offline'), resumed: () => log.push('online'), locked: () => undefined, unlocked: () => undefined, userIdle: () => undefined }, undefined, () => online);
    bridge.checkNetwork();
    online = false;
    bridge.checkNetwork();
    bridge.checkNetwork();
    online = true;
    bridge.checkNetwork();
    expect(log).toEqual(['offline', 'online']);
  });
});
