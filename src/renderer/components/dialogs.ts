// The dialogs a click opens (the contact card, a new group chat, adding people, leaving a group
// chat): one chunk loaded on demand with their messages (the catalog part 'dialogs'), through
// LazyDialog (./lazy-dialog.tsx), so no window loads them before a user asks for one (issue #15).
// One module for all of them: each chunk loaded on demand that imports the pages' shared modules
// splits the pages' shared chunks by who imports what, and every extra chunk costs every window bytes.
export { ContactCardDialog } from './contact-card-dialog';
export { GroupChatDialog } from '../popup/group-chat-dialog';
export { AddPeopleDialog } from '../chat/add-people-dialog';
export { LeaveDialog } from '../chat/leave-dialog';
