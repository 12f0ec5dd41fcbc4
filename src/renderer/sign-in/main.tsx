import { boot } from '../boot';
import { t } from '../i18n';
import { me, signedIn } from '../state/app-state';
import { SignInForm } from './sign-in-form';

void boot((bridge) => () => (signedIn.value ? <p class="empty" role="status">{t('signIn.signedInClose', { name: me.value?.name ?? '' })}</p> : <SignInForm bridge={bridge} />));
