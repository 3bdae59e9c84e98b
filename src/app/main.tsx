import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { startApp } from './actions';
import { App } from './components/App';
import { startResilience } from './recovery/boot';
import './styles.css';

startApp(window.location.search);
void startResilience(window.location.search);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
