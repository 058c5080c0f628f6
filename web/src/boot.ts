// The page's first script, a kilobyte beside the app (src/main.tsx). It asks for what the
// page the app opens on (an alliance, the portfolio) needs together with the app's own code,
// instead of after the app has run and its router has matched the path:
// - the page's code: otherwise its chunks come one round trip after the app's, and the app, while
//   starting, adds a dozen preload links to the page (Vite's preload helper finds these instead);
// - the page's first answers from the server, for someone signed in: otherwise they come a round
//   trip after the app has started, and the page waits for them. The app takes them
//   (src/api/firstAnswers.ts).
// On a phone each is a round trip or more before the page shows.
//
// Which files a page needs is known only once the app is built: the build writes them into
// index.html (`first-page-code`) and adds this script (web/scripts/first-page-code.ts). Vite's
// development server serves the app without it.
import { firstAnswers, firstPages } from './app/firstPage';

/** As web/scripts/first-page-code.ts writes it: every file once, each page's as indexes. */
interface FirstPageCode {
  files: string[];
  pages: Record<string, number[]>;
}

function preload(href: string, as: 'script' | 'style') {
  const link = document.createElement('link');
  link.rel = as === 'script' ? 'modulepreload' : 'preload';
  if (as === 'style') link.as = as;
  // As the app asks for it (its module loader, Vite's preload helper: crossorigin ""), so that it
  // takes this download instead of starting another. At a low priority, like the app's own code:
  // the stylesheets are what the first paint needs.
  link.crossOrigin = '';
  link.fetchPriority = 'low';
  link.href = href;
  document.head.append(link);
}

// The answers only for someone signed in: boot asks who that is first (index.html's preload of /me
// answers it) and hands that answer to the app too. Asked for regardless, the refusals (401) would
// be taken by the app's first requests after signing in (src/api/firstAnswers.ts).
const { pathname, search } = window.location;
const answers = firstAnswers(pathname, search);
if (answers.length) {
  const me = fetch('/api/v1/me');
  const signedIn = me.then(
    (response) => response.ok,
    () => false,
  );
  window.northstarFirstAnswers = new Map([
    ['/api/v1/me', me],
    ...answers.map((url) => [url, signedIn.then((yes) => (yes ? fetch(url) : null))] as const),
  ]);
}
const listed = document.getElementById('first-page-code')?.textContent;
if (listed) {
  const code = JSON.parse(listed) as FirstPageCode;
  const files = new Set(firstPages(pathname).flatMap((page) => code.pages[page] ?? []));
  for (const file of files) {
    const href = code.files[file];
    if (href) preload(href, href.endsWith('.css') ? 'style' : 'script');
  }
}
