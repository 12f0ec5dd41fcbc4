// What the dialogs loaded on demand (./dialogs.ts) use of the pages' shared modules, handed to them
// as a prop instead of imported: a chunk loaded on demand that imports a shared module makes esbuild
// split the pages' shared chunks by who imports what, and every extra chunk costs every window bytes
// (issue #15). The dialogs import only preact and the page's t(), which every page loads whole.
import { contacts, me } from '../state/app-state';
import { filterContacts, indexContacts } from '../state/contact-filter';
import { errorMessage, say } from '../state/errors';
import { availabilityLabel } from '../state/presence-labels';
import { Avatar } from './avatar';
import { PresenceDot } from './presence-dot';

export const DIALOG_KIT = { contacts, me, filterContacts, indexContacts, errorMessage, say, availabilityLabel, Avatar, PresenceDot } as const;
export type DialogKit = typeof DIALOG_KIT;
