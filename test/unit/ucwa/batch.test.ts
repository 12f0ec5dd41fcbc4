import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch } from '../../../src/main/ucwa/batch';
import { UcwaError } from '../../../src/main/ucwa/index';

describe('batch codec (protocol §8.1)', () => {
  it('encodes one raw GET per part with the path, host and JSON accept', () => {
    const body = encodeBatch([new URL('https://pool.contoso.com/ucwa/oauth/v1/applications/1/people/ben@contoso.com/presence'), new URL('https://pool.contoso.com/x?y=1')], 'b1');
    expect(body).toBe(
      '--b1\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /ucwa/oauth/v1/applications/1/people/ben@contoso.com/presence HTTP/1.1\r\nHost: pool.contoso.com\r\nAccept: application/json\r\n\r\n' +
        '--b1\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /x?y=1 HTTP/1.1\r\nHost: pool.contoso.com\r\nAccept: application/json\r\n\r\n--b1--\r\n',
    );
  });

  it('decodes the answers in order, with status, headers and body (CRLF or LF)', () => {
    const body = [
      '--r',
      'Content-Type: application/http; msgtype=response',
      '',
      'HTTP/1.1 200 OK',
      'Content-Type: application/json',
      '',
      '{"availability":"Online"}',
      '--r',
      'Content-Type: application/http; msgtype=response',
      '',
      'HTTP/1.1 404 Not Found',
      '',
      '',
      '--r--',
      '',
    ].join('\n');
    const answers = decodeBatch(body, 'multipart/batching; boundary="r"');
    expect(answers).toEqual([
      { status: 200, headers: { 'content-type': 'application/json' }, text: '{"availability":"Online"}' },
      { status: 404, headers: {}, text: '' },
    ]);
    expect(decodeBatch(body.replace(/\n/g, '\r\n'), 'multipart/batching;boundary=r')[0]?.text).toBe('{"availability":"Online"}');
  });

  it('refuses an answer that is not a batch', () => {
    expect(() => decodeBatch('{}', 'application/json')).toThrow(UcwaError);
    expect(() => decodeBatch('--r\r\n\r\nnot http\r\n--r--', 'multipart/batching;boundary=r')).toThrow(/not an HTTP response/);
  });
});
