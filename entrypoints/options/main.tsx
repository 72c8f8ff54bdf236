import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/options/OptionsPage';

const container = document.getElementById('root');
if (!container) throw new Error('Options page is missing its #root element.');

createRoot(container).render(
  <StrictMode>
    <OptionsPage />
  </StrictMode>,
);
