// sip: and im: links from the OS: a cold start's argv, a second launch's argv (Windows, Linux) and
// macOS's open-url. Anyone can craft one (a web page, a mail), so each is parsed like IPC input —
// with the contract's own openChat schema — and a malformed one is ignored with one log line.
import { invokeContract } from '../../shared/ipc-contract';

/** Longer than any address the schema takes (256) plus parameters; longer is not decoded at all. */
const MAX_LINK_LENGTH = 2048;
const LINK_SCHEME = /^(?:sip|im):/i;

export interface LinkLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The sip: address a link names, or undefined. Takes `sip:ana@contoso.com` (URI parameters and
 * headers after `;` or `?` are dropped), `im:ana@contoso.com` (RFC 3860), Lync's
 * `im:<sip:ana@contoso.com>` (the first participant: chats here are one to one) and the
 * `sip://ana@contoso.com` some launchers produce; percent-escapes are decoded first.
 */
export function parseChatLink(link: string): string | undefined {
  if (link.length > MAX_LINK_LENGTH || !LINK_SCHEME.test(link)) return undefined;
  let rest = link.replace(LINK_SCHEME, '');
  if (/^im:/i.test(link) && rest.startsWith('<')) {
    const first = /^<([^<>]*)>/.exec(rest)?.[1];
    if (first === undefined) return undefined;
    rest = first.replace(/^sip:/i, '');
  }
  rest = rest.replace(/^\/\//, '').replace(/[;?#].*$/s, '');
  let address: string;
  try {
    address = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  // Beyond the schema: characters no address has but markup and spoofing do (bidi overrides).
  if (/[<>"`\\{}|^\p{Cf}]/u.test(address)) return undefined;
  const parsed = invokeContract.openChat.input.safeParse({ uri: `sip:${address.replace(/^sip:/i, '')}` });
  return parsed.success ? parsed.data.uri : undefined;
}

/** A printable, bounded view of a refused link for the log (control characters escaped). */
function shown(link: string): string {
  return JSON.stringify(link.slice(0, 80)) + (link.length > 80 ? `… (${link.length} characters)` : '');
}

/**
 * Routes OS links to openChat: parsed, or logged and dropped. Links that arrive before the app is
 * up (macOS sends open-url before `ready` on a cold start) wait until `deliverTo` is called.
 */
export class ChatLinks {
  private open: ((uri: string) => void) | undefined;
  private readonly waiting: string[] = [];

  constructor(private readonly log: LinkLog) {}

  /** One link (macOS open-url). True when it named a chat. */
  receive(link: string, source: string): boolean {
    const uri = parseChatLink(link);
    if (uri === undefined) {
      this.log.warn('ignored a malformed link', { source, link: shown(link) });
      return false;
    }
    if (this.open === undefined) this.waiting.push(uri);
    else this.open(uri);
    return true;
  }

  /**
   * A command line: the first argument that is a sip:/im: link, if any. A switch that contains one
   * (`--foo=sip:…`) starts with a dash, so is never taken. 'none' when no argument looks like a link.
   */
  fromArgv(argv: readonly string[], source: string): 'opened' | 'ignored' | 'none' {
    const link = argv.slice(1).find((arg) => LINK_SCHEME.test(arg));
    if (link === undefined) return 'none';
    return this.receive(link, source) ? 'opened' : 'ignored';
  }

  /** The app is up: links go to `open` from now on, the waiting ones first. */
  deliverTo(open: (uri: string) => void): void {
    this.open = open;
    for (const uri of this.waiting.splice(0)) open(uri);
  }
}
