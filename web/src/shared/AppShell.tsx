// The signed-in frame: side navigation, header with tenant, language and user.
import { type ReactNode, useMemo, useState } from 'react';
import { Badge, Button, Dropdown, Layout, Menu, Space } from 'antd';
import {
  BarChartOutlined,
  CalendarOutlined,
  ContactsOutlined,
  CopyOutlined,
  IdcardOutlined,
  ImportOutlined,
  LogoutOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useSession, useSignedIn } from './session';
import { useT } from './i18n';
import { LanguageSwitcher } from './LanguageSwitcher';
import { TenantSwitcher } from './TenantSwitcher';
import { useReminderCounts } from './reminderCounts';
import { GlobalSearch } from '../search/GlobalSearch';

export function AppShell({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { signOut, can } = useSession();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { counts } = useReminderCounts();

  const items = useMemo(() => {
    const all = [
      { key: '/today', perm: 'activities.read', icon: <CalendarOutlined />, label: t('nav.today') },
      { key: '/customers', perm: 'customers.read', icon: <TeamOutlined />, label: t('nav.customers') },
      { key: '/pool', perm: 'customers.read', icon: <ContactsOutlined />, label: t('nav.pool') },
      { key: '/duplicates', perm: 'customers.edit', icon: <CopyOutlined />, label: t('nav.duplicates') },
      { key: '/business-cards', perm: 'customers.create', icon: <IdcardOutlined />, label: t('nav.businessCards') },
      { key: '/suppliers', perm: 'suppliers.read', icon: <ShopOutlined />, label: t('nav.suppliers') },
      { key: '/products', perm: 'products.read', icon: <ShoppingOutlined />, label: t('nav.products') },
      { key: '/analytics', perm: 'analytics.read', icon: <BarChartOutlined />, label: t('nav.analytics') },
      { key: '/imports', perm: 'imports.create', icon: <ImportOutlined />, label: t('nav.imports') },
      { key: '/settings', perm: 'settings.read', icon: <SettingOutlined />, label: t('nav.settings') },
    ];
    return all
      .filter((i) => can(i.perm))
      .map((i) => ({
        key: i.key,
        icon: i.icon,
        label: (
          <>
            <Link to={i.key} data-testid={`nav-${i.key.slice(1)}`}>
              {i.label}
            </Link>
            {i.key === '/today' && counts && !collapsed && (
              <span style={{ marginLeft: 6 }}>
                <Badge count={counts.today ?? 0} size="small" color="blue" title={t('today.group.today')} data-testid="nav-badge-today" />{' '}
                <Badge count={counts.overdue ?? 0} size="small" title={t('today.group.overdue')} data-testid="nav-badge-overdue" />
              </span>
            )}
          </>
        ),
      }));
  }, [t, can, counts, collapsed]);

  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" width={200}>
        <div style={{ padding: '14px 20px', fontWeight: 700, fontSize: 18 }}>{collapsed ? 'R' : t('app.name')}</div>
        <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} data-testid="side-nav" />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            height: 52,
            lineHeight: '52px',
          }}
        >
          <Space size="middle">
            <TenantSwitcher />
            <GlobalSearch />
          </Space>
          <Space>
            <LanguageSwitcher />
            <Dropdown
              menu={{
                items: [
                  {
                    key: 'signout',
                    icon: <LogoutOutlined />,
                    label: <span data-testid="sign-out">{t('nav.signOut')}</span>,
                    onClick: async () => {
                      await signOut();
                      navigate('/signin');
                    },
                  },
                ],
              }}
              trigger={['click']}
            >
              <Button icon={<UserOutlined />} data-testid="user-menu">
                {session.user.name || session.user.email}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
