// The doctor's network for tests: named hosts go to loopback ports, every other name does not
// exist (ENOTFOUND, as DNS says it), and a host mapped to port 0 refuses connections.
import { connect } from 'node:net';
import type { DoctorNetwork } from '../../../../src/main/doctor/doctor-network';
import { connectSocket } from '../../../../src/main/doctor/doctor-network';

export interface LoopbackNetwork extends DoctorNetwork {
  /** Every name looked up, in order. */
  readonly lookups: string[];
}

export function loopbackNetwork(hosts: Readonly<Record<string, number>>, ca?: string): LoopbackNetwork {
  const lookups: string[] = [];
  // Each mapped host gets its own loopback address, so a connection says which host it was for.
  const names = Object.keys(hosts);
  const addressOf = (host: string): string => `127.0.0.${names.indexOf(host) + 10}`;
  return {
    lookups,
    ...(ca === undefined ? {} : { ca }),
    lookup: async (hostname) => {
      lookups.push(hostname);
      if (!(hostname in hosts)) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
      return [{ address: addressOf(hostname), family: 4 }];
    },
    connect: (address, _port, timeoutMs) => {
      const host = names.find((name) => addressOf(name) === address);
      const port = host === undefined ? undefined : hosts[host];
      // Port 1 on loopback: nothing listens there, so the connection is refused for real.
      return connectSocket(() => connect({ host: '127.0.0.1', port: port === undefined || port === 0 ? 1 : port }), timeoutMs);
    },
  };
}
