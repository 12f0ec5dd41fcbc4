import { boot } from '../boot';
import { SignInForm } from '../sign-in/sign-in-form';
import { signedIn } from '../state/app-state';
import { PopupApp } from './popup-app';

void boot((bridge) => () => (signedIn.value ? <PopupApp bridge={bridge} /> : <SignInForm bridge={bridge} />));
