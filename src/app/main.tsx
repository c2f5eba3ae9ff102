// First: zod reads its settings as each schema is built.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './providers';
import { followSystemTheme } from '../features/settings/theme';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

followSystemTheme();

createRoot(container).render(
  <StrictMode>
    <AppProviders />
  </StrictMode>,
);
