import type { ReactNode } from 'react';
import { Card } from 'antd';
import { LanguageSwitcher } from '../shared/LanguageSwitcher';

/** Centered card used by the sign-in and sign-up pages. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', display: 'flex', flexDirection: 'column' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
        <LanguageSwitcher />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', paddingTop: '6vh' }}>
        <Card title={title} style={{ width: 420 }}>
          {children}
        </Card>
      </div>
    </div>
  );
}
