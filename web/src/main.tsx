import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from './shared/i18n';
import { SessionProvider } from './shared/session';
import { LocalizedApp } from './shared/LocalizedApp';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <LocalizedApp>
        <SessionProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </LocalizedApp>
    </I18nProvider>
  </StrictMode>,
);
