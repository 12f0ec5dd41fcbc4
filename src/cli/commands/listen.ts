// `ucwa-tray listen`: the session service the app uses, without windows — so the CLI gets the same
// recovery (reconnect, new application after expiry), auto-accept and exactly-once delivery.
import { t } from '../cli-language';
import type { ChatMessage, ConnectionInfo } from '../../shared/domain';
import type { EventName } from '../../shared/ipc-contract';
import { headlessSession } from '../../main/session/headless-session';
import type { SessionService } from '../../main/session/session-service';
import type { UcwaClient, UcwaClientOptions } from '../../main/ucwa/index';
import { formatHumanLine, formatJsonLine } from '../message-format';
import { wordDetail } from '../../shared/error-detail';

export interface ListenOutput {
  line(text: string): void;
  note(text: string): void;
}

export function createListener(createClient: (options: Pick<UcwaClientOptions, 'server' | 'user' | 'password' | 'trustedDomains'>) => UcwaClient, json: boolean, out: ListenOutput): SessionService {
  const printed = new Set<string>();
  let lastState: string | undefined;
  const onPush = (name: EventName, payload: unknown): void => {
    if (name === 'messageAdded') {
      const message = payload as ChatMessage;
      // Joins and leaves of a group chat are not messages; each message is printed once, with its own sender.
      if (message.direction !== 'in' || message.system !== undefined || printed.has(message.id)) return;
      printed.add(message.id);
      const listened = { from: message.from, conversation: message.conversationId, text: message.text, html: message.html, time: new Date(message.time) };
      out.line(json ? formatJsonLine(listened) : formatHumanLine(listened));
    } else if (name === 'connectionChanged') {
      const info = payload as ConnectionInfo;
      if (info.state === lastState) return;
      lastState = info.state;
      if (info.state === 'reconnecting' || info.state === 'offline' || info.state === 'failed') out.note(info.detail === undefined ? t('cli.connectionState', { state: info.state }) : t('cli.connectionStateDetail', { state: info.state, detail: wordDetail(t, info.detail) }));
      else if (info.state === 'connected') out.note(t('cli.connected'));
    }
  };
  return headlessSession({ createClient, push: onPush });
}
