// The English catalog: every area's messages in one object. Its keys are the MessageKey type.
import { common } from './common.js';
import { signIn } from './sign-in.js';
import { popup } from './popup.js';
import { chat } from './chat.js';
import { settings } from './settings.js';
import { quickReply } from './quick-reply.js';
import { tray } from './tray.js';
import { notifications } from './notifications.js';
import { cli } from './cli.js';
import { cliHelp } from './cli-help.js';
import { errors } from './errors.js';
import { errorDetails } from './error-details.js';
import { doctor } from './doctor.js';
import { groups } from './groups.js';
import { contactCard } from './contact-card.js';
import { missed } from './missed.js';
import { corporateNetwork } from './corporate-network.js';
import { network } from './network.js';

export const en = {
  ...common,
  ...signIn,
  ...popup,
  ...chat,
  ...settings,
  ...quickReply,
  ...tray,
  ...notifications,
  ...cli,
  ...cliHelp,
  ...errors,
  ...errorDetails,
  ...doctor,
  ...groups,
  ...contactCard,
  ...missed,
  ...corporateNetwork,
  ...network,
} as const;
