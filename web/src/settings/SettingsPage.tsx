import { Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useT } from '../shared/i18n';
import { TenantSettings } from './TenantSettings';
import { BranchesSettings } from './BranchesSettings';
import { UsersSettings } from './UsersSettings';
import { ListsSettings } from './ListsSettings';
import { CustomFieldsSettings } from './CustomFieldsSettings';
import { PoolSettings } from './PoolSettings';
import { ReminderSettings } from './ReminderSettings';

export function SettingsPage() {
  const t = useT();
  const { tab = 'tenant' } = useParams();
  const navigate = useNavigate();
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/settings/${k}`)}
        destroyInactiveTabPane
        items={[
          { key: 'tenant', label: t('settings.tenant'), children: <TenantSettings /> },
          { key: 'branches', label: t('settings.branches'), children: <BranchesSettings /> },
          { key: 'users', label: t('settings.users'), children: <UsersSettings /> },
          { key: 'lists', label: t('settings.lists'), children: <ListsSettings /> },
          { key: 'custom-fields', label: t('settings.customFields'), children: <CustomFieldsSettings /> },
          { key: 'pool', label: t('settings.pool'), children: <PoolSettings /> },
          { key: 'reminders', label: t('settings.reminders'), children: <ReminderSettings /> },
        ]}
      />
    </div>
  );
}
