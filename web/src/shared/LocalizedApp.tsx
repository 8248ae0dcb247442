// Ant Design's ConfigProvider and dayjs follow the app language.
import { useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import koKR from 'antd/locale/ko_KR';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/ko';
import 'dayjs/locale/zh-cn';
import { useI18n, type Language } from './i18n';

const ANT_LOCALES = { ko: koKR, 'zh-CN': zhCN, en: enUS } satisfies Record<Language, unknown>;
const DAYJS_LOCALES: Record<Language, string> = { ko: 'ko', 'zh-CN': 'zh-cn', en: 'en' };

export function LocalizedApp({ children }: { children: ReactNode }) {
  const { language } = useI18n();

  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[language]);
    document.documentElement.lang = language;
  }, [language]);

  return (
    <ConfigProvider locale={ANT_LOCALES[language]} componentSize="middle" theme={{ token: { borderRadius: 4 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
