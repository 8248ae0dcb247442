import { Result } from 'antd';
import { useT } from './i18n';

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title="404" subTitle={t('common.notFound')} />;
}
