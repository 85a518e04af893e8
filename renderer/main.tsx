import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installFlushHook } from './flush-registry';
import { applyTheme, loadTheme } from './theme';
import './styles/app.css';

installFlushHook();
applyTheme(loadTheme());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
