import './app/mantineStyles';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { forgetFirstAnswers } from './api/firstAnswers';
import { App } from './app/App';
import { makeQueryClient } from './app/queryClient';
import { makeRoutes } from './app/routes';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

type Router = ReturnType<typeof createBrowserRouter>;

/** Resolves once the router has opened its first page: its code and its loaders' answers are in. */
function opened(router: Router): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

async function start(container: HTMLElement) {
  // The router starts loading the first page (its code, who is signed in, its data) as soon as it
  // exists: made here, that happens before React's first render rather than during it.
  const queryClient = makeQueryClient();
  const router = createBrowserRouter(makeRoutes(queryClient));
  // React draws once the first page is open, until then index.html's "Opening Northstar…" shows.
  // React Router's provider reads the router's state when it first renders and follows it from its
  // first commit on: a first page that opened in between (the render below is sliced, and the
  // answers the boot script asked for can be there at once) would never be drawn.
  await opened(router);
  // What the boot script asked for was for the first page only (./api/firstAnswers.ts).
  forgetFirstAnswers();
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
setTimeout(() => void start(root));
