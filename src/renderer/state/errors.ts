// An error from main in the page's language: its code and detail worded from the catalogs. The
// error's `message` is English for logs and never shown.
import type { IpcError } from '../../shared/ipc-contract';
import { errorText } from '../../shared/error-text';
import { t } from '../i18n';

export function errorMessage(error: Pick<IpcError, 'code' | 'detail'>): string {
  return errorText(t, error);
}
