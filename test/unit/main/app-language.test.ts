// The main process's words (tray menu and tooltip, notifications, toasts) follow the app's
// language, which the composition root sets from the setting and the OS.
import { afterEach, describe, expect, it } from 'vitest';
import { setAppLocale } from '../../../src/main/i18n/app-language';
import { NotificationPolicy } from '../../../src/main/notifications/notification-policy';
import { replyToastXml } from '../../../src/main/notifications/windows-toast';
import { trayMenuTemplate } from '../../../src/main/tray/tray-controller';
import { trayTooltip } from '../../../src/main/tray/tray-icon';
import { errorDetail } from '../../../src/shared/error-detail';

const actions = { setPresence: () => undefined, open: () => undefined, openSettings: () => undefined, signOut: () => undefined, quit: () => undefined };

describe('the main process in German', () => {
  afterEach(() => setAppLocale('en'));

  it('tray menu and tooltip', () => {
    setAppLocale('de');
    const menu = trayMenuTemplate({ name: 'Ana Ruiz', availability: 'Busy', connection: 'connected', unread: 1200 }, actions);
    expect(menu.map((item) => item.label ?? '-')).toEqual(['UCWA Tray öffnen', 'Status', '-', 'Einstellungen…', 'Abmelden', '-', 'Beenden']);
    const presence = menu[1]?.submenu as { label?: string }[];
    expect(presence.map((p) => p.label)).toContain('Nicht stören');
    expect(trayTooltip({ name: 'Ana Ruiz', availability: 'Busy', connection: 'reconnecting', unread: 1200 })).toBe('UCWA Tray\nAna Ruiz – Beschäftigt\nVerbindung wird wiederhergestellt…\n1.200 ungelesene Nachrichten');
    expect(trayTooltip({ name: undefined, availability: undefined, connection: 'failed', connectionDetail: errorDetail('noAnswerInTime', { host: 'lync.contoso.com' }), unread: 0 })).toBe('UCWA Tray\nAnmeldung fehlgeschlagen: lync.contoso.com hat nicht rechtzeitig geantwortet.');
  });

  it('notifications that hide the text, and the toast reply button', () => {
    setAppLocale('de');
    const decision = new NotificationPolicy().decide(
      { id: 'm1', conversationId: 'c', direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text: 'secret', time: 1, delivery: 'delivered' },
      'Ben',
      { settings: { enabled: true, sound: true, showMessageText: false, suppressWhenBusy: false }, myAvailability: 'Online', isChatFocused: () => false },
    );
    expect(decision).toMatchObject({ kind: 'show', body: 'Neue Nachricht' });
    expect(replyToastXml({ notificationId: 'n', conversationId: 'c', title: 'Ben', body: 'Hallo', silent: false, placeholder: 'Antworten…' })).toContain('<action content="Senden"');
  });

  it('back in English once the language changes', () => {
    setAppLocale('de');
    setAppLocale('en');
    expect(trayTooltip({ name: 'Ana Ruiz', availability: 'Online', connection: 'connected', unread: 1 })).toBe('UCWA Tray\nAna Ruiz — Available\n1 unread message');
  });
});
