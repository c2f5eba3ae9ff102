// First: zod reads its settings as each schema is built.
import './zod-config';
import { startTransition, StrictMode } from 'react';
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

// A transition: React renders the first frame in slices that give the browser its turn between them, so building
// the page is not one long task that keeps a slow phone from answering a tap (Lighthouse's blocking time).
const render = () => {
  const root = createRoot(container);
  startTransition(() =>
    root.render(
      <StrictMode>
        <AppProviders queryClient={queryClient} router={router} />
      </StrictMode>,
    ),
  );
};

// Whatever goes wrong in starting the first page, the app still renders: the page then loads as any other. The
// router resolves its matches before the first render too: left to its own mount effect, they came after that render
// and re-rendered the whole app at once (a store's update is never sliced), a long task on a slow phone.
void Promise.all([startFirstPage(router, queryClient), router.load()]).then(render, render);
