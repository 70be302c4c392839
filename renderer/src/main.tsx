import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initApi } from '../api/api';
import { App } from '../app/app';
import './styles.css';

// Take the browser host token out of the URL before the router reads the hash.
initApi();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
