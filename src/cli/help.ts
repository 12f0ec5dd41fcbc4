// The help texts, from the catalogs in the terminal's language (cliHelp.*).
import type { MessageKey } from '../shared/i18n/index';
import { t } from './cli-language';

export const HELP_TOPICS = ['main', 'connection', 'send', 'listen', 'presence', 'contacts', 'search', 'doctor', 'sim', 'demo'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const KEYS: { readonly [T in HelpTopic]: MessageKey } = {
  main: 'cliHelp.main',
  connection: 'cliHelp.connection',
  send: 'cliHelp.send',
  listen: 'cliHelp.listen',
  presence: 'cliHelp.presence',
  contacts: 'cliHelp.contacts',
  search: 'cliHelp.search',
  doctor: 'cliHelp.doctor',
  sim: 'cliHelp.sim',
  demo: 'cliHelp.demo',
};

export const isHelpTopic = (name: string): name is HelpTopic => (HELP_TOPICS as readonly string[]).includes(name);

/** The help for a topic (a command, the connection options, or the overview). */
export function help(topic: HelpTopic): string {
  return t(KEYS[topic]);
}
