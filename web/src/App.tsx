import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from './shared/session';
import { AppShell } from './shared/AppShell';
import { SignInPage } from './auth/SignInPage';
import { SignUpPage } from './auth/SignUpPage';
import { NotFoundPage } from './shared/NotFoundPage';
import { ReminderCountsProvider } from './shared/reminderCounts';

const CustomersPage = lazy(() => import('./customers/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const SuppliersPage = lazy(() => import('./suppliers/SuppliersPage').then((m) => ({ default: m.SuppliersPage })));
const ProductsPage = lazy(() => import('./products/ProductsPage').then((m) => ({ default: m.ProductsPage })));
const ImportWizard = lazy(() => import('./imports/ImportWizard').then((m) => ({ default: m.ImportWizard })));
const TodayPage = lazy(() => import('./activities/TodayPage').then((m) => ({ default: m.TodayPage })));
const PoolPage = lazy(() => import('./pool/PoolPage').then((m) => ({ default: m.PoolPage })));
const DuplicatesPage = lazy(() => import('./customers/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })));
const VcardImportPage = lazy(() => import('./customers/VcardImportPage').then((m) => ({ default: m.VcardImportPage })));
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

function FullPageSpin() {
  return (
    <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function App() {
  const { session, loading, can } = useSession();
  const location = useLocation();

  if (loading) return <FullPageSpin />;

  if (!session) {
    return (
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="*" element={<Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }

  const home = can('activities.read') ? '/today' : '/customers';

  return (
    <ReminderCountsProvider>
    <AppShell>
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/signin" element={<Navigate to={home} replace />} />
          <Route path="/signup" element={<Navigate to={home} replace />} />
          <Route path="/today" element={<TodayPage />} />
          <Route path="/pool" element={<PoolPage />} />
          <Route path="/duplicates" element={<DuplicatesPage />} />
          <Route path="/business-cards" element={<VcardImportPage />} />
          <Route path="/analytics" element={<AnalyticsPage />} />
          <Route path="/customers" element={<CustomersPage />} />
          <Route path="/customers/:id" element={<CustomersPage />} />
          <Route path="/suppliers" element={<SuppliersPage />} />
          <Route path="/suppliers/:id" element={<SuppliersPage />} />
          <Route path="/products" element={<ProductsPage />} />
          <Route path="/products/:id" element={<ProductsPage />} />
          <Route path="/imports" element={<ImportWizard />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/settings/:tab" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppShell>
    </ReminderCountsProvider>
  );
}
