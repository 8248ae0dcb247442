import { App, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession, useSignedIn } from './session';
import { useT } from './i18n';
import { errorText } from './formErrors';

/** Shown only when the user belongs to several tenants. */
export function TenantSwitcher() {
  const session = useSignedIn();
  const { switchTenant } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const t = useT();

  if (!session.tenants || session.tenants.length < 2) {
    return <span data-testid="tenant-name" style={{ fontWeight: 500 }}>{session.tenant.name}</span>;
  }
  return (
    <Select
      data-testid="tenant-switcher"
      aria-label={t('nav.tenant')}
      value={String(session.tenant.id)}
      style={{ minWidth: 180 }}
      options={session.tenants.map((tn) => ({ value: String(tn.id), label: tn.name }))}
      onChange={async (value) => {
        const target = session.tenants.find((tn) => String(tn.id) === value);
        if (!target) return;
        try {
          await switchTenant(target.id);
          navigate('/customers');
        } catch (e) {
          message.error(errorText(e, t));
        }
      }}
    />
  );
}
