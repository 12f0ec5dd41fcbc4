// `ucwa-tray --help` in the terminal's language: the German help leaves no English line behind
// (except lines that are only option names and protocol data), and every option a command's
// parser accepts is named in its help, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS } from '../../../src/cli/command-options';
import { HELP_TOPICS, help, type HelpTopic } from '../../../src/cli/help';

const saved = process.env.UCWA_TRAY_LANGUAGE;
afterEach(() => {
  process.env.UCWA_TRAY_LANGUAGE = saved;
});

function helpIn(language: 'en' | 'de', topic: HelpTopic): string {
  process.env.UCWA_TRAY_LANGUAGE = language;
  return help(topic);
}

/** Option names, variables, placeholders, addresses, file names and values: the same in every language. */
function onlyProtocolData(line: string): boolean {
  const rest = line
    .replace(/(?<!\w)--?[\w-]+/g, '')
    .replace(/\b[A-Z][A-Z0-9_]+\b(=\S*)?/g, '')
    .replace(/<[^>]*>|\[[^\]]*\]|https?:\/\/\S+|\S+@\S+|\S+\.(pem|com|net|md|js)\b\S*|ucwa-tray( (send|listen|presence( set)?|contacts|search|doctor|sim|demo))?|\b(Online|Busy|DoNotDisturb|BeRightBack|Away|Offwork|default|strict|password|windows)\b/g, '');
  return !/[a-z]{3,}/i.test(rest);
}

describe('the CLI help', () => {
  it.each(HELP_TOPICS.map((topic) => [topic]))('%s: German, with no English line left', (topic) => {
    const german = helpIn('de', topic).split('\n').map((l) => l.trim());
    const leftOver = helpIn('en', topic)
      .split('\n')
      .map((l) => l.trim())
      .filter((line) => line !== '' && german.includes(line) && !onlyProtocolData(line));
    expect(leftOver).toEqual([]);
  });

  const helpFor: Readonly<Record<keyof typeof COMMAND_OPTIONS, readonly HelpTopic[]>> = {
    send: ['send', 'connection'],
    listen: ['listen', 'connection'],
    people: ['presence', 'contacts', 'search', 'connection'],
    doctor: ['doctor', 'connection'],
    sim: ['sim'],
    demo: ['demo'],
  };
  for (const language of ['en', 'de'] as const) {
    it.each(Object.keys(COMMAND_OPTIONS).map((command) => [command]))(`%s: every option of the parser is in its help (${language})`, (command) => {
      const key = command as keyof typeof COMMAND_OPTIONS;
      const text = helpFor[key].map((topic) => helpIn(language, topic)).join('\n');
      const missing = Object.keys(COMMAND_OPTIONS[key]).filter((option) => option !== 'help' && !text.includes(`--${option}`));
      expect(missing).toEqual([]);
    });
  }
});
