// The network steps against networks that misbehave in ways a loopback server cannot: a resolver
// that never answers, a connection that times out, no route to the host.
import { describe, expect, it } from 'vitest';
import { ConnectTimeoutError } from '../../../src/main/doctor/doctor-network';
import type { DoctorNetwork } from '../../../src/main/doctor/doctor-network';
import { checkDns, checkTcp } from '../../../src/main/doctor/host-checks';
import { english } from './english-words';

const URL_ = new URL('https://lyncweb.contoso.com/');
const fails = (error: Error): DoctorNetwork => ({ lookup: async () => [{ address: '10.0.0.5', family: 4 }], connect: async () => Promise.reject(error) });

describe('network steps', () => {
  it('a resolver that never answers: the DNS step fails within the doctor\'s own timeout', async () => {
    const network: DoctorNetwork = { lookup: () => new Promise(() => undefined), connect: async () => Promise.reject(new Error('unused')) };
    const started = Date.now();
    const step = english(await checkDns({ network, timeoutMs: 100, now: () => new Date() }, URL_));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(step).toMatchObject({ status: 'fail', problem: 'dns-failed', seen: 'The name lookup of lyncweb.contoso.com failed: ETIMEOUT.' });
  });

  it('a connection that gets no answer: a firewall or the company network is named', async () => {
    const step = english(await checkTcp({ network: fails(new ConnectTimeoutError('no answer within 5 s')), timeoutMs: 5_000, now: () => new Date() }, URL_));
    expect(step).toMatchObject({ status: 'fail', problem: 'tcp-timeout', seen: 'No answer on port 443 within 5 s.' });
    expect(step.fix).toMatch(/a firewall may be blocking it, or it is reachable only from the company network/);
  });

  it('no route to the host', async () => {
    const step = english(await checkTcp({ network: fails(Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' })), timeoutMs: 5_000, now: () => new Date() }, URL_));
    expect(step).toMatchObject({ status: 'fail', problem: 'no-route', seen: 'There is no route to lyncweb.contoso.com (EHOSTUNREACH).' });
  });
});
