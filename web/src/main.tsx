import './app/mantineStyles';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import { makeQueryClient } from './app/queryClient';
import { makeRoutes } from './app/routes';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

function start(container: HTMLElement) {
  // The router starts loading the first page (its code, who is signed in, its data) as soon as it
  // exists: made here, that happens before React's first render rather than during it.
  const queryClient = makeQueryClient();
  const router = createBrowserRouter(makeRoutes(queryClient));
  // The first render as a transition: React renders it in slices and lets the browser paint and take
  // input in between, instead of one long task that blocks a slow phone's main thread.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  });
}

// Running the app's modules is one long task; starting the router (which asks for the first page's
// code and data) in a task of its own lets the browser take input in between.
setTimeout(() => start(root));
