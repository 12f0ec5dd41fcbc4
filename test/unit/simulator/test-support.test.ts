// The test helper's choice of profile and seed, and the line a failing test prints.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../src/simulator/index';
import { SIM_PROFILES, seedReport, simFromEnvironment } from '../../support/simulator';

describe('simulator test support', () => {
  it('takes the profile and seed from UCWA_SIM_PROFILE and UCWA_SIM_SEED, default otherwise', () => {
    expect(SIM_PROFILES).toEqual(['default', 'strict']);
    expect(simFromEnvironment({})).toEqual({ profile: 'default' });
    expect(simFromEnvironment({ UCWA_SIM_PROFILE: 'strict', UCWA_SIM_SEED: '12' })).toEqual({ profile: 'strict', seed: 12 });
    expect(() => simFromEnvironment({ UCWA_SIM_PROFILE: 'lenient' })).toThrow(/UCWA_SIM_PROFILE must be one of default, strict/);
    expect(() => simFromEnvironment({ UCWA_SIM_SEED: 'x1' })).toThrow(/UCWA_SIM_SEED/);
  });

  it('turns single latitudes on at their strict values from UCWA_SIM_LATITUDES', () => {
    expect(simFromEnvironment({ UCWA_SIM_LATITUDES: 'transientOperations, splitBatches' })).toEqual({ profile: 'default', latitudes: { transientOperations: true, splitBatches: 0.3 } });
    expect(() => simFromEnvironment({ UCWA_SIM_LATITUDES: 'lenient' })).toThrow(/unknown latitude "lenient"/);
    expect(seedReport(createSimulator({ seed: 3, latitudes: { transientOperations: true } }))).toBe('default seed=3 (replay: UCWA_SIM_PROFILE=default UCWA_SIM_SEED=3 UCWA_SIM_LATITUDES=transientOperations)');
  });

  it('names the profile and seed of a failing run with the environment that replays it', () => {
    expect(seedReport(createSimulator({ profile: 'strict', seed: 42 }))).toBe('strict seed=42 (replay: UCWA_SIM_PROFILE=strict UCWA_SIM_SEED=42)');
  });
});
