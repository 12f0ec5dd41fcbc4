// Settings → Language: follow the system, or English or German. The pseudo-locale (en-XA) is for
// tests and development: it is offered only while it is the setting (set through the contract).
import type { LanguageSetting } from '../../shared/i18n/locales';
import type { WindowMessageKey } from '../../shared/i18n/window-catalog';
import { t } from '../i18n';

const CHOICES: readonly (readonly [LanguageSetting, WindowMessageKey])[] = [
  ['system', 'settings.languageSystem'],
  ['en', 'settings.languageEnglish'],
  ['de', 'settings.languageGerman'],
];
const PSEUDO: readonly [LanguageSetting, WindowMessageKey] = ['en-XA', 'settings.languagePseudo'];

export function LanguageSection({ current, onChange }: { readonly current: LanguageSetting; readonly onChange: (language: LanguageSetting) => void }) {
  const choices = current === 'en-XA' ? [...CHOICES, PSEUDO] : CHOICES;
  return (
    <fieldset>
      <legend>{t('settings.language')}</legend>
      <select name="language" aria-label={t('settings.language')} value={current} onChange={(e) => onChange(e.currentTarget.value as LanguageSetting)}>
        {choices.map(([value, key]) => (
          <option value={value} key={value}>
            {t(key)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
