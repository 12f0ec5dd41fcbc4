// Text as a window shows it once the errors' words are in (they load with the first error a window
// shows: src/renderer/state/errors.ts); before that an error's text is held back.
import { loadErrorWording, say, type Words } from '../../../../src/renderer/state/errors';

export async function said(words: Words | undefined): Promise<string | undefined> {
  await loadErrorWording();
  return say(words);
}
