// English messages of one area (cli-help): `ucwa-tray --help` and each command's, keyed 'cliHelp.*'.
// Option names, environment variables, values and addresses are protocol data and stay as they are.
export const cliHelp = {
  'cliHelp.main': `ucwa-tray: a command-line client for Skype for Business / Lync (UCWA)

Usage: ucwa-tray <command> [options]

Commands:
  send     send one instant message and wait until it is delivered
  listen   print incoming instant messages until Ctrl+C
  presence show your presence; "presence set <availability> [--note TEXT]" changes it
  contacts list your groups and contacts with their availability
  search   search the directory
  doctor   check the connection step by step and explain what is wrong
  sim      run the built-in UCWA simulator with demo users
  demo     run the simulator and a short conversation with its echo bot

Run "ucwa-tray <command> --help" for a command's options.
`,
  'cliHelp.connection': `Connection (flags win over the environment):
  --server URL      autodiscover root URL or host, e.g. https://lyncweb.contoso.com
                    (UCWA_SERVER; omitted: discovered from the address's domain)
  --user ADDRESS    sign-in address, e.g. ana@contoso.com (UCWA_USER)
  --password PASS   password (UCWA_PASSWORD; prefer the variable: flags show in ps)
  --trust-domain D  also send your credentials to servers in domain D (repeatable;
                    UCWA_TRUST_DOMAINS=a.com,b.net). By default only your address's
                    domain and the --server's domain are trusted.
  --ca FILE         also trust the certificate authority in FILE (PEM; repeatable;
                    UCWA_CA_FILES=a.pem,b.pem). The computer's trust store is used
                    where this Node.js can read it (22.15 and later); otherwise add
                    your company's CA with --ca or NODE_EXTRA_CA_CERTS=FILE.
  --proxy URL       send everything through this proxy, e.g. http://proxy:8080
                    (UCWA_PROXY; default: HTTPS_PROXY, HTTP_PROXY and NO_PROXY)
  --sign-in METHOD  password (default) or windows: Windows sign-in (NTLMv2 at the
                    token service) with --password and --windows-user (UCWA_SIGN_IN)
  --windows-user D\\U  the Windows account, e.g. CONTOSO\\ana (UCWA_WINDOWS_USER;
                    default: from the address, ana@contoso.com -> CONTOSO\\ana)
  --verbose         log protocol steps to stderr (secrets are redacted)
`,
  'cliHelp.send': `Usage: ucwa-tray send --to ADDRESS [--subject TEXT] [--html] <text>

Signs in, starts a conversation, sends <text>, waits for the delivery result, stops messaging and
signs out. Exits 0 when delivered; otherwise 1 with one line on stderr saying what failed.

  --to ADDRESS      recipient, sip:ben@contoso.com or ben@contoso.com
  --subject TEXT    conversation subject
  --html            <text> is HTML (sent as text/html where the conversation allows it)
`,
  'cliHelp.listen': `Usage: ucwa-tray listen [--json]

Signs in, makes you available, accepts incoming conversations and prints every incoming message
exactly once until SIGINT/SIGTERM, then signs out.

  --json            one JSON object per line: from, fromName, conversation, text, html (HTML
                    messages only), time
`,
  'cliHelp.presence': `Usage: ucwa-tray presence [--json]
       ucwa-tray presence set <Online|Busy|DoNotDisturb|BeRightBack|Away|Offwork> [--note TEXT]

Shows or sets your availability and personal note.
`,
  'cliHelp.contacts': `Usage: ucwa-tray contacts [--json]

Lists your contact groups (favorites, other contacts, your groups and distribution groups) and
each contact's availability and note.
`,
  'cliHelp.search': `Usage: ucwa-tray search <query> [--limit N] [--json]

Searches the directory by name, address or phone number (at most 100 results).
`,
  'cliHelp.doctor': `Usage: ucwa-tray doctor --user ADDRESS [--server URL] [--password PASS] [--json]

Checks the way to your server one step at a time and says what is wrong and what to do: where
to look (the --server, or lyncdiscoverinternal/lyncdiscover of your address's domain), the name
in DNS, the connection to port 443, the certificate (who issued it, for which names, until when,
and whether this computer trusts it), Skype for Business autodiscover, the sign-in challenge,
the password (only with --password or UCWA_PASSWORD; it goes only where sign-in would send it),
and creating an application (removed again). Exits 0 when nothing failed, 1 otherwise.

  --json            the report as JSON: steps with status (ok, warn, fail, skipped), what was
                    seen, the fix, and a problem code
`,
  'cliHelp.sim': `Usage: ucwa-tray sim [--port N] [--host ADDRESS] [--profile default|strict] [--seed N]

Runs the built-in UCWA simulator (a real HTTP server) with demo users and an echo bot, and prints
its URL and the demo credentials. Stops on Ctrl+C.

--profile strict  uses every latitude the protocol gives a server: link-only events, transient
                  operations, aggregated events, batches split and merged at random, events
                  before the 201 (see src/simulator/README.md)
--seed N          replays the random choices of an earlier run (the seed is printed at start)
`,
  'cliHelp.demo': `Usage: ucwa-tray demo [--port N]

Runs the simulator, signs in as a demo user and chats with the echo bot, then keeps the simulator
running so you can try "listen" and "send" against it from other terminals.
`,
} as const;
