import { boot } from '../boot';
import { me, signedIn } from '../state/app-state';
import { SignInForm } from './sign-in-form';

boot((bridge) => () => (signedIn.value ? <p class="empty" role="status">Signed in as {me.value?.name}. You can close this window.</p> : <SignInForm bridge={bridge} />));
