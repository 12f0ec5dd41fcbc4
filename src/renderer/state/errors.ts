// Plain words for the error codes a user can meet; the main side's message is used when it is
// more specific than these.
import type { IpcError } from '../../shared/ipc-contract';

export function signInErrorText(error: IpcError): string {
  switch (error.code) {
    case 'wrong-credentials':
      return 'The address or password is not right. Check them and try again.';
    case 'unreachable':
      return `The server could not be reached. ${error.message}`;
    case 'tls':
      return `The server's certificate is not trusted, so the app did not send your password. ${error.message}`;
    case 'not-ucwa':
      return `That server does not speak UCWA (Skype for Business / Lync). ${error.message}`;
    case 'insecure-transport':
      return 'That server address uses plain http. Your password is only sent over https.';
    default:
      return error.message;
  }
}
