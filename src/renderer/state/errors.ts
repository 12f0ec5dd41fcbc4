// An error from main, worded when it is shown and in the language shown then; its English `message`
// is for logs. The words (the catalog part 'errors' and the code that picks them, error-wording.ts)
// load with the first error a window shows, not with the window: most windows never show one. Until
// they are in (local chunks, a few ms after the round trip that failed) an error is held back rather
// than shown in English first: a live region then announces one sentence, once, in one language.
// Should they fail to load, the English message is shown: never a bare key, never nothing.
import { signal } from '@preact/signals';
import type { SignInMethodName } from '../../shared/domain';
import type { ErrorDetail } from '../../shared/error-detail';
import type { IpcError } from '../../shared/ipc-contract';
import { catalogPartShown, loadCatalogPart, t } from '../i18n';
import type { ErrorWording } from './error-wording';

/**
 * Text a page shows: plain, or an error's, worded when rendered (see say). An object, not a bare
 * function: a state setter would take a function for an update and call it.
 */
export type Words = string | { readonly word: (wording: ErrorWording) => string };

const ENGLISH: ErrorWording = { error: (error) => error.message, signIn: (error) => error.message, detail: () => undefined };
const wording = signal<ErrorWording | undefined>(undefined);
let loading: Promise<void> | undefined;

/** Loads the errors' words in the page's language (and every language shown after); once, again after a failure. */
export function loadErrorWording(): Promise<void> {
  loading ??= Promise.all([import('./error-wording'), loadCatalogPart('errors')]).then(
    ([{ errorWording }]) => {
      wording.value = errorWording(t);
    },
    (failure: unknown) => {
      console.error('The error messages did not load; showing English', failure);
      wording.value = ENGLISH;
      loading = undefined;
    },
  );
  return loading;
}

/** The errors' wording once it can be shown (its catalog part in, or the English fallback); a signal read. */
function readyWording(): ErrorWording | undefined {
  const w = wording.value;
  return w !== undefined && (w === ENGLISH || catalogPartShown('errors')) ? w : undefined;
}

/** The text of `words` now; an error's only once its words are in, undefined until then (show nothing yet). A signal read. */
export function say(words: Words | undefined): string | undefined {
  if (words === undefined || typeof words === 'string') return words;
  const w = readyWording();
  return w === undefined ? undefined : words.word(w);
}

/** The error in words, inside `frame`'s sentence if given. Starts loading the words. */
export function errorMessage(error: IpcError, frame = (text: string): string => text): Words {
  void loadErrorWording();
  return { word: (w) => frame(w.error(error)) };
}

/** A sign-in error in words, more precise by the method used and the certificate or proxy named. */
export function signInErrorText(error: IpcError, method?: SignInMethodName): Words {
  void loadErrorWording();
  return { word: (w) => w.signIn(error, method) };
}

/** A detail in words, or undefined until they are in: the caller says something more general meanwhile. */
export function sayDetail(detail: ErrorDetail): string | undefined {
  void loadErrorWording();
  return readyWording()?.detail(detail);
}
