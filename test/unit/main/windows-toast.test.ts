import { describe, expect, it } from 'vitest';
import { escapeXml, parseToastArguments, replyToastXml, toastArguments } from '../../../src/main/notifications/windows-toast';

describe('Windows toast arguments and XML', () => {
  it('round-trips our activation arguments, whatever the conversation id holds', () => {
    for (const conversationId of ['chat:ben@contoso.com', 'conv:a&b=c%d', 'chat:ünïcode@contoso.com']) {
      const raw = toastArguments({ type: 'reply', notificationId: 'run-7', conversationId });
      expect(raw.startsWith('type=reply&')).toBe(true);
      expect(raw.split('&')).toHaveLength(3);
      expect(parseToastArguments(raw)).toEqual({ type: 'reply', notificationId: 'run-7', conversationId });
    }
  });

  it('ignores arguments that are not ours', () => {
    for (const raw of ['', 'type=click&tag=123', 'type=action&action=0&tag=9', 'type=reply&id=x', 'type=hack&id=x&conversation=y', 'type=reply&id=x&conversation=%E0%A4%A', 'type=reply&id=&conversation=y']) {
      expect(parseToastArguments(raw), raw).toBeUndefined();
    }
  });

  it('escapes text and drops characters XML cannot carry', () => {
    expect(escapeXml(`<b a="1">'Tom' & Jerry</b>\u0000\u0007`)).toBe('&lt;b a=&quot;1&quot;&gt;&apos;Tom&apos; &amp; Jerry&lt;/b&gt;');
  });

  it('builds a toast whose text box and Send button carry the conversation, silent when asked', () => {
    const xml = replyToastXml({ notificationId: 'n1', conversationId: 'chat:ben@contoso.com', title: 'Ben & Co', body: '</text><script/>', silent: true, placeholder: 'Reply…' });
    expect(xml).toContain('<text>Ben &amp; Co</text><text>&lt;/text&gt;&lt;script/&gt;</text>');
    expect(xml).toContain('<audio silent="true"/>');
    const launch = /<toast launch="([^"]*)"/.exec(xml)?.[1] ?? '';
    const send = /<action [^>]*arguments="([^"]*)"/.exec(xml)?.[1] ?? '';
    expect(parseToastArguments(launch.replaceAll('&amp;', '&'))).toEqual({ type: 'click', notificationId: 'n1', conversationId: 'chat:ben@contoso.com' });
    expect(parseToastArguments(send.replaceAll('&amp;', '&'))).toEqual({ type: 'reply', notificationId: 'n1', conversationId: 'chat:ben@contoso.com' });
    expect(replyToastXml({ notificationId: 'n1', conversationId: 'c', title: 't', body: 'b', silent: false, placeholder: 'p' })).not.toContain('<audio');
  });
});
