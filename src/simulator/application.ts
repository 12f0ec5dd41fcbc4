// One application (protocol §3): the user's endpoint, its event channel and its conversations.
import { randomBytes } from 'node:crypto';
import type { SimUser } from './directory';
import { EventChannel } from './event-channel';
import type { ChannelTimings, EnqueueOptions, EventSender, UcwaEventBody } from './event-channel';
import type { EventShaper } from './event-shaper';
import type { SeededRandom } from './random';
import type { ConversationView } from './conversation-view';

export const APPLICATIONS_PATH = '/ucwa/oauth/v1/applications';

export class SimApplication {
  readonly base: string;
  readonly channel: EventChannel;
  readonly conversations = new Map<string, ConversationView>();
  /** Set by makeMeAvailable; cleared by a resume, which hands the link back (§4, §5.6). */
  available = false;
  formats: readonly string[] = ['Plain'];
  availability = 'Online';
  note = '';
  lastRequestAt = Date.now();
  readonly putGuidKey = randomBytes(8).toString('hex');
  communicationEtag = String(Math.floor(Math.random() * 1e9));
  /** The server offers conversation logs and missed items (§8.2): set by the simulator. */
  offersConversationLogs = false;

  constructor(
    readonly id: string,
    readonly user: SimUser,
    readonly endpointId: string,
    readonly userAgent: string,
    readonly culture: string,
    timings: ChannelTimings,
    /** This application's own random draws (the strict profile's choices about its requests). */
    readonly random: SeededRandom,
    shaper?: EventShaper,
  ) {
    this.base = `${APPLICATIONS_PATH}/${id}`;
    this.channel = new EventChannel(`${this.base}/events`, timings, shaper);
  }

  get communicationHref(): string {
    return `${this.base}/communication`;
  }

  emit(sender: 'communication' | 'me' | 'people', body: UcwaEventBody, options?: EnqueueOptions): void;
  emit(sender: EventSender, body: UcwaEventBody, options?: EnqueueOptions): void;
  emit(sender: string | EventSender, body: UcwaEventBody, options: EnqueueOptions = {}): void {
    const resolved = typeof sender === 'string' ? { rel: sender, href: `${this.base}/${sender}` } : sender;
    this.channel.enqueue(resolved, body, options);
  }

  render(): Record<string, unknown> {
    return {
      culture: this.culture,
      userAgent: this.userAgent,
      type: 'Desktop',
      endpointId: this.endpointId,
      id: this.id,
      _links: {
        self: { href: this.base },
        policies: { href: `${this.base}/policies` },
        batch: { href: `${this.base}/batch` },
        events: { href: `${this.base}/events?ack=1` },
      },
      _embedded: { me: this.renderMe(), people: this.renderPeople(), communication: this.renderCommunication() },
      rel: 'application',
    };
  }

  renderMe(): Record<string, unknown> {
    const me = `${this.base}/me`;
    const links: Record<string, { href: string }> = { self: { href: me }, photo: { href: `${me}/photo` }, phones: { href: `${me}/phones` } };
    if (this.available) {
      links.presence = { href: `${me}/presence` };
      links.note = { href: `${me}/note` };
      links.location = { href: `${me}/location` };
      links.reportMyActivity = { href: `${me}/reportMyActivity` };
    } else {
      links.makeMeAvailable = { href: `${me}/makeMeAvailable` };
    }
    return {
      name: this.user.name,
      uri: this.user.uri,
      ...(this.user.title === undefined ? {} : { title: this.user.title }),
      ...(this.user.department === undefined ? {} : { department: this.user.department }),
      emailAddresses: [this.user.email ?? this.user.uri.replace(/^sip:/, '')],
      _links: links,
      rel: 'me',
    };
  }

  renderPeople(): Record<string, unknown> {
    const people = `${this.base}/people`;
    return {
      _links: {
        self: { href: people },
        presenceSubscriptions: { href: `${people}/presenceSubscriptions` },
        subscribedContacts: { href: `${people}/subscribedContacts` },
        myGroups: { href: `${people}/groups` },
        myContacts: { href: `${people}/contacts` },
        search: { href: `${people}/search` },
      },
      rel: 'people',
    };
  }

  renderCommunication(): Record<string, unknown> {
    return {
      [this.putGuidKey]: 'please pass this in a PUT request',
      supportedModalities: this.available ? ['Messaging'] : [],
      supportedMessageFormats: this.formats,
      _links: {
        self: { href: this.communicationHref },
        conversations: { href: `${this.communicationHref}/conversations` },
        startMessaging: { href: `${this.communicationHref}/messagingInvitations` },
        ...(this.offersConversationLogs ? { conversationLogs: { href: `${this.communicationHref}/conversationLogs` }, missedItems: { href: `${this.communicationHref}/missedItems` } } : {}),
      },
      rel: 'communication',
      etag: this.communicationEtag,
    };
  }
}
