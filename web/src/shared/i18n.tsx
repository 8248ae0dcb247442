// The app language: a React context holding one of ko / zh-CN / en, kept in localStorage.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, ko, zhCN, type MessageKey, type Messages } from './messages';

export type Language = 'ko' | 'zh-CN' | 'en';
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'ko', label: '한국어' },
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
];

const TABLES: Record<Language, Messages> = { ko, 'zh-CN': zhCN, en };
const STORAGE_KEY = 'rapport.language';

export function normalizeLanguage(value: string | null | undefined): Language | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (v.startsWith('ko')) return 'ko';
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return null;
}

function initialLanguage(): Language {
  try {
    const stored = normalizeLanguage(localStorage.getItem(STORAGE_KEY));
    if (stored) return stored;
  } catch {
    // storage may be unavailable (private mode); fall back to the browser language
  }
  return normalizeLanguage(navigator.language) ?? 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the choice still holds for this page
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const table = TABLES[language];
    const t: Translate = (key, vars) => {
      let text = table[key] ?? en[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, String(v));
      return text;
    };
    return { language, setLanguage, t };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
