// First: zod reads its settings as each schema is built.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './providers';
import { followSystemTheme } from '../features/settings/theme';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { startFirstPage } from './first-page';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

followSystemTheme();

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} router={router} />
    </StrictMode>,
  );

// Whatever goes wrong in starting the first page, the app still renders: the page then loads as any other.
void startFirstPage(router, queryClient).then(render, render);
