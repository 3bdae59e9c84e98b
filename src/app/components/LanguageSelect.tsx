// The interface language, picked in the page; i18n remembers it for the next visit.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, language, setLanguage, type Language } from '../i18n';

/** Each language named in itself, so a reader finds theirs whatever the page shows now. */
const NATIVE: Record<Language, string> = { en: 'English', zh: '中文' };

export function LanguageSelect() {
  const { t } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t('app.language')}</span>
      <select data-testid="language" aria-label={t('app.language')} value={language()} onChange={(e) => void setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
            {NATIVE[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
