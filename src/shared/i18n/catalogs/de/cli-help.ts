import type { cliHelp as english } from '../en/cli-help.js';

// German messages of one area (cli-help); the type makes a missing key a compile error. Option
// names, environment variables, values and addresses stay as they are (protocol data).
export const cliHelp = {
  'cliHelp.main': `ucwa-tray: ein Befehlszeilen-Client für Skype for Business / Lync (UCWA)

Aufruf: ucwa-tray <Befehl> [Optionen]

Befehle:
  send     eine Sofortnachricht senden und warten, bis sie zugestellt ist
  listen   eingehende Sofortnachrichten ausgeben, bis Strg+C gedrückt wird
  presence Ihren Status anzeigen; "presence set <Status> [--note TEXT]" ändert ihn
  contacts Ihre Gruppen und Kontakte mit ihrem Status auflisten
  search   im Verzeichnis suchen
  doctor   die Verbindung Schritt für Schritt prüfen und erklären, was nicht stimmt
  sim      den eingebauten UCWA-Simulator mit Demo-Benutzern starten
  demo     den Simulator starten und kurz mit seinem Echo-Bot chatten

"ucwa-tray <Befehl> --help" zeigt die Optionen eines Befehls.
`,
  'cliHelp.connection': `Verbindung (Optionen haben Vorrang vor der Umgebung):
  --server URL      Autodiscover-URL oder Hostname, z. B. https://lyncweb.contoso.com
                    (UCWA_SERVER; fehlt sie: aus der Domäne der Adresse ermittelt)
  --user ADDRESS    Anmeldeadresse, z. B. ana@contoso.com (UCWA_USER)
  --password PASS   Kennwort (UCWA_PASSWORD; besser die Variable: Optionen sind in ps sichtbar)
  --trust-domain D  Anmeldedaten auch an Server in der Domäne D senden (mehrfach möglich;
                    UCWA_TRUST_DOMAINS=a.com,b.net). Standardmäßig gelten nur die Domäne
                    Ihrer Adresse und die von --server als vertrauenswürdig.
  --ca FILE         auch der Zertifizierungsstelle in FILE vertrauen (PEM; mehrfach möglich;
                    UCWA_CA_FILES=a.pem,b.pem). Der Zertifikatspeicher des Computers wird
                    verwendet, wo dieses Node.js ihn lesen kann (ab 22.15); sonst geben Sie
                    die CA Ihrer Firma mit --ca oder NODE_EXTRA_CA_CERTS=FILE an.
  --proxy URL       alles über diesen Proxy senden, z. B. http://proxy:8080
                    (UCWA_PROXY; Standard: HTTPS_PROXY, HTTP_PROXY und NO_PROXY)
  --sign-in METHOD  password (Standard) oder windows: Windows-Anmeldung (NTLMv2 beim
                    Tokendienst) mit --password und --windows-user (UCWA_SIGN_IN)
  --windows-user D\\U  das Windows-Konto, z. B. CONTOSO\\ana (UCWA_WINDOWS_USER;
                    Standard: aus der Adresse, ana@contoso.com -> CONTOSO\\ana)
  --verbose         Protokollschritte auf stderr ausgeben (Geheimnisse werden geschwärzt)
`,
  'cliHelp.send': `Aufruf: ucwa-tray send --to ADDRESS [--subject TEXT] [--html] <Text>

Meldet sich an, beginnt eine Unterhaltung, sendet <Text>, wartet auf das Zustellergebnis,
beendet das Chatten und meldet sich ab. Beendet sich mit 0, wenn zugestellt; sonst mit 1 und
einer Zeile auf stderr, die sagt, was fehlgeschlagen ist.

  --to ADDRESS      Empfänger, sip:ben@contoso.com oder ben@contoso.com
  --subject TEXT    Betreff der Unterhaltung
  --html            <Text> ist HTML (als text/html gesendet, wo die Unterhaltung es erlaubt)
`,
  'cliHelp.listen': `Aufruf: ucwa-tray listen [--json]

Meldet sich an, setzt Sie auf verfügbar, nimmt eingehende Unterhaltungen an und gibt jede
eingehende Nachricht genau einmal aus, bis SIGINT/SIGTERM eintrifft; dann meldet es sich ab.

  --json            ein JSON-Objekt pro Zeile: from, fromName, conversation, text, html (nur
                    HTML-Nachrichten), time
`,
  'cliHelp.presence': `Aufruf: ucwa-tray presence [--json]
        ucwa-tray presence set <Online|Busy|DoNotDisturb|BeRightBack|Away|Offwork> [--note TEXT]

Zeigt oder setzt Ihren Status und Ihre persönliche Notiz.
`,
  'cliHelp.contacts': `Aufruf: ucwa-tray contacts [--json]

Listet Ihre Kontaktgruppen (Favoriten, andere Kontakte, Ihre Gruppen und Verteilergruppen) mit
Status und Notiz jedes Kontakts auf.
`,
  'cliHelp.search': `Aufruf: ucwa-tray search <Suchbegriff> [--limit N] [--json]

Durchsucht das Verzeichnis nach Name, Adresse oder Telefonnummer (höchstens 100 Ergebnisse).
`,
  'cliHelp.doctor': `Aufruf: ucwa-tray doctor --user ADDRESS [--server URL] [--password PASS] [--json]

Prüft den Weg zu Ihrem Server Schritt für Schritt und sagt, was nicht stimmt und was zu tun ist:
wo gesucht wird (--server oder lyncdiscoverinternal/lyncdiscover der Domäne Ihrer Adresse), der
Name im DNS, die Verbindung zu Port 443, das Zertifikat (wer es ausgestellt hat, für welche Namen,
bis wann und ob dieser Computer ihm vertraut), Skype for Business-Autodiscover, die
Anmeldeanforderung, das Kennwort (nur mit --password oder UCWA_PASSWORD; es geht nur dorthin,
wohin auch die Anmeldung es senden würde) und das Anlegen einer Anwendung (wird wieder
entfernt). Beendet sich mit 0, wenn nichts fehlgeschlagen ist, sonst mit 1.

  --json            der Bericht als JSON: Schritte mit Status (ok, warn, fail, skipped), was
                    festgestellt wurde, die Abhilfe und ein Problemcode
`,
  'cliHelp.sim': `Aufruf: ucwa-tray sim [--port N] [--host ADDRESS] [--profile default|strict] [--seed N]

Startet den eingebauten UCWA-Simulator (einen echten HTTP-Server) mit Demo-Benutzern und einem
Echo-Bot und gibt seine URL und die Demo-Anmeldedaten aus. Endet mit Strg+C.

--profile strict  nutzt jeden Spielraum, den das Protokoll einem Server lässt: Ereignisse nur mit
                  Link, kurzlebige Operationen, zusammengefasste Ereignisse, zufällig geteilte
                  und zusammengelegte Batches, Ereignisse vor der 201 (siehe src/simulator/README.md)
--seed N          wiederholt die Zufallsentscheidungen eines früheren Laufs (der Seed wird beim
                  Start ausgegeben)
`,
  'cliHelp.demo': `Aufruf: ucwa-tray demo [--port N]

Startet den Simulator, meldet sich als Demo-Benutzer an und chattet mit dem Echo-Bot; danach
läuft der Simulator weiter, sodass Sie "listen" und "send" aus anderen Terminals ausprobieren
können.
`,
} as const satisfies Record<keyof typeof english, string>;
