import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { LANGUAGES, useI18n, type Language } from './i18n';

export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Select<Language>
      data-testid="language-switcher"
      aria-label={t('nav.language')}
      value={language}
      onChange={setLanguage}
      suffixIcon={<GlobalOutlined />}
      style={{ width: 120 }}
      options={LANGUAGES.map((l) => ({ value: l.code, label: <span data-testid={`language-${l.code}`}>{l.label}</span> }))}
    />
  );
}
