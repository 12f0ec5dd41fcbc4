import { describe, expect, it } from 'vitest';
import { parsePacResult } from '../../../src/main/network/pac-result';

describe("Chromium's proxy answer (PAC result format)", () => {
  it.each([
    ['DIRECT', undefined, []],
    ['', undefined, []],
    ['PROXY proxy.contoso.com:8080', 'http://proxy.contoso.com:8080', []],
    ['PROXY proxy.contoso.com:8080; DIRECT', 'http://proxy.contoso.com:8080', []],
    ['HTTPS secure-proxy.contoso.com:443', 'https://secure-proxy.contoso.com:443', []],
    ['SOCKS5 socks.contoso.com:1080; PROXY proxy.contoso.com:3128', 'http://proxy.contoso.com:3128', ['SOCKS5 socks.contoso.com:1080']],
    ['SOCKS5 socks.contoso.com:1080', undefined, ['SOCKS5 socks.contoso.com:1080']],
    ['DIRECT; PROXY never.contoso.com:1', undefined, []],
  ])('%j → %s', (answer, url, skipped) => {
    const choice = parsePacResult(answer);
    expect(choice.proxy?.url).toBe(url);
    expect(choice.skipped).toEqual(skipped);
  });
});
