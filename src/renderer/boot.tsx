// Every window starts the same way: connect the bridge, load the model, then render its page.
import { effect } from '@preact/signals';
import { render } from 'preact';
import type { ComponentChild } from 'preact';
import type { UcwaBridge } from '../shared/ipc-contract';
import { FALLBACK_LOCALE } from '../shared/i18n/locales';
import { NotInAppError, connectBridge, pageContext } from './bridge';
import type { PageContext } from './bridge';
import { setPageLocale, t } from './i18n';
import { loadError, loaded, startAppState } from './state/app-state';
import { say, type Words } from './state/errors';

/** Shown once its words are in (an error's load with it: state/errors.ts). */
function Fatal({ text }: { readonly text: Words }) {
  const said = say(text);
  return said === undefined ? null : (
    <p class="form-error fatal" role="alert">
      {said}
    </p>
  );
}

export async function boot(page: (bridge: UcwaBridge, context: PageContext) => () => ComponentChild): Promise<void> {
  const root = document.getElementById('app');
  if (root === null) return;
  const context = pageContext();
  let bridge: UcwaBridge;
  try {
    ({ bridge } = await connectBridge(context));
  } catch (error) {
    // No snapshot will name a language: say it in English (its catalog loads first).
    const Failed = () => <Fatal text={error instanceof NotInAppError ? t('errors.notInApp') : error instanceof Error ? error.message : String(error)} />;
    void setPageLocale(FALLBACK_LOCALE).finally(() => render(<Failed />, root));
    return;
  }
  // The window's title in the page's language; chat and quick-reply name their conversation instead.
  if (context.page !== 'chat' && context.page !== 'quick-reply') {
    const titled = context.page === 'sign-in' ? 'signIn' : context.page;
    effect(() => {
      document.title = t('common.pageTitle', { page: titled });
    });
  }
  const View = page(bridge, context);
  const App = () => (loadError.value !== undefined ? <Fatal text={loadError.value} /> : loaded.value ? View() : null);
  render(<App />, root);
  void startAppState(bridge);
}
