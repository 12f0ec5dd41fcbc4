// A dialog a click opens, shown once its code and messages are in (local chunks: a few ms after the
// click). Until then nothing is shown, never a dialog of bare keys; the focus stays on what was
// clicked, so the dialog's focus handling (ModalDialog) starts from there as before.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { catalogPartShown, loadCatalogPart } from '../i18n';
import { DIALOG_KIT } from './dialog-kit';
import type { DialogKit } from './dialog-kit';
import type * as DialogsModule from './dialogs';

export type Dialogs = typeof DialogsModule;

let loaded: Dialogs | undefined;
let pending: Promise<Dialogs> | undefined;

/** The dialogs' code and messages in the page's language (once; again after a failure). */
export function loadDialogs(): Promise<Dialogs> {
  if (pending === undefined) {
    pending = Promise.all([import('./dialogs'), loadCatalogPart('dialogs')]).then(([dialogs]) => (loaded = dialogs));
    pending.catch(() => (pending = undefined));
  }
  return pending;
}

export function LazyDialog({ render, onClose }: { readonly render: (dialogs: Dialogs, kit: DialogKit) => JSX.Element; readonly onClose: () => void }) {
  const [dialogs, setDialogs] = useState(loaded);
  useEffect(() => {
    if (dialogs !== undefined) return;
    let current = true;
    loadDialogs().then(
      (done) => current && setDialogs(done),
      (failure: unknown) => {
        console.error('The dialog did not load', failure);
        // Closed, so the next click asks again.
        if (current) onClose();
      },
    );
    return () => {
      current = false;
    };
  }, []);
  // Only with its messages in: a language change loads them too, and shows them when they are.
  return dialogs === undefined || !catalogPartShown('dialogs') ? null : render(dialogs, DIALOG_KIT);
}
