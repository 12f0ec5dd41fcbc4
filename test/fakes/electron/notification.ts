// The fake of Electron's Notification, per platform as documented: `reply` and `action` happen on
// macOS and Windows only (Linux has neither inline replies nor buttons); on Windows every
// activation (click, reply, button) also reaches Notification.handleActivation — in addition to
// the instance event while the object lives, alone once it is gone (a reply typed in the Action
// Center later, or after a restart). `close()` emits `close` on Windows only.
import { Emitter } from './emitter';
import { fakePlatform, requirePlatformMember } from './platform';

/** Electron's ActivationArguments. */
export interface FakeActivation {
  readonly type: string;
  readonly arguments: string;
  readonly reply?: string;
  readonly actionIndex?: number;
  readonly userInputs?: Record<string, string>;
}

type ActivationHandler = (details: FakeActivation) => void;

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => XML_ENTITIES[name] ?? '');
const attribute = (element: string, name: string): string | undefined => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
};

let nextTag = 1;

export class Notification extends Emitter {
  /** Test control: every notification shown. */
  static readonly shown: Notification[] = [];
  /** Test control: whether the OS has notifications at all. */
  static supported = true;
  static #handler: ActivationHandler | undefined;
  static #pending: FakeActivation[] = [];
  /** Test controls: what it was created with, and whether it is on screen. */
  readonly options: Record<string, unknown>;
  visible = false;
  readonly #tag = nextTag++;

  constructor(options: Record<string, unknown> = {}) {
    super('Notification');
    this.options = options;
  }

  static isSupported(): boolean {
    return Notification.supported;
  }

  static handleActivation(callback: ActivationHandler): void {
    requirePlatformMember('Notification.handleActivation');
    Notification.#handler = callback;
    // "If an activation already occurred before calling this method, the callback is invoked immediately."
    for (const details of Notification.#pending.splice(0)) callback(details);
  }

  /** Test control: Windows reports a toast activation; before the app listens, it waits (a cold start). */
  static activateToast(details: FakeActivation): void {
    if (fakePlatform() !== 'win32') throw new Error('toast activations happen on Windows only');
    Notification.#activate(details);
  }

  /** Test control: forget the activation handler (a new app run). */
  static resetActivation(): void {
    Notification.#handler = undefined;
    Notification.#pending = [];
  }

  static #activate(details: FakeActivation): void {
    if (Notification.#handler === undefined) Notification.#pending.push(details);
    else Notification.#handler(details);
  }

  show(): void {
    this.visible = true;
    Notification.shown.push(this);
    this.emit('show', {});
  }

  close(): void {
    if (!this.visible) return;
    this.visible = false;
    // Electron documents `close` for a programmatic close on Windows only.
    if (fakePlatform() === 'win32') this.emit('close', {});
  }

  /** Test control: the user dismisses it. */
  dismiss(): void {
    this.visible = false;
    this.emit('close', { reason: 'userCanceled' });
  }

  /** Test control: the user clicks it. */
  click(): void {
    this.emit('click', {});
    if (fakePlatform() === 'win32') Notification.#activate({ type: 'click', arguments: this.#arguments('click') });
  }

  /** Test control: the user types a reply into it, while this object lives. */
  reply(text: string): void {
    const field = this.#replyField();
    this.emit('reply', { reply: text }, text);
    if (fakePlatform() === 'win32') Notification.#activate({ type: 'reply', arguments: this.#arguments('reply'), reply: text, userInputs: { [field]: text } });
  }

  /**
   * Test control (Windows): the user replies from the Action Center after this object was
   * garbage-collected or the app restarted: only Notification.handleActivation hears of it.
   */
  replyLater(text: string): void {
    if (fakePlatform() !== 'win32') throw new Error('the Action Center is Windows only');
    const field = this.#replyField();
    Notification.#activate({ type: 'reply', arguments: this.#arguments('reply'), reply: text, userInputs: { [field]: text } });
  }

  /** Test control: the user presses a button. */
  action(index = 0): void {
    const actions = (this.options.actions as unknown[] | undefined) ?? [];
    if (index >= actions.length) throw new Error(`this notification has no button ${index}`);
    this.emit('action', { actionIndex: index, selectionIndex: -1 }, index, -1);
    if (fakePlatform() === 'win32') Notification.#activate({ type: 'action', arguments: this.#arguments('action', index), actionIndex: index });
  }

  /** The input a reply goes into: `hasReply`'s, or on Windows the toast XML's text input. */
  #replyField(): string {
    const xml = this.#toastXml();
    const input = xml === undefined ? undefined : /<input\b[^>]*\btype="text"[^>]*>/.exec(xml)?.[0];
    if (input !== undefined) return attribute(input, 'id') ?? 'reply';
    if (this.options.hasReply === true) return 'reply';
    throw new Error('this notification has no reply field');
  }

  #toastXml(): string | undefined {
    return fakePlatform() === 'win32' && typeof this.options.toastXml === 'string' ? this.options.toastXml : undefined;
  }

  /** The activation's raw arguments: the toast XML's own, or Electron's `type=…&tag=…`. */
  #arguments(type: 'click' | 'reply' | 'action', index = 0): string {
    const xml = this.#toastXml();
    if (xml !== undefined) {
      const toast = /<toast\b[^>]*>/.exec(xml)?.[0] ?? '';
      if (type === 'click') return attribute(toast, 'launch') ?? '';
      const actions = [...xml.matchAll(/<action\b[^>]*>/g)].map((m) => m[0]);
      const chosen = type === 'reply' ? actions.find((a) => attribute(a, 'hint-inputId') !== undefined) : actions[index];
      return chosen === undefined ? '' : (attribute(chosen, 'arguments') ?? '');
    }
    return `type=${type}${type === 'action' ? `&action=${index}` : ''}&tag=${this.#tag}`;
  }
}

export function resetNotificationFake(): void {
  Notification.shown.length = 0;
  Notification.supported = true;
  Notification.resetActivation();
}
