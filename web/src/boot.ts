// The page's first script, a kilobyte beside the app (src/main.tsx). It asks for what the
// page the app opens on (an alliance, the portfolio) needs together with the app's own code,
// instead of after the app has run and its router has matched the path:
// - the page's code: otherwise its chunks come one round trip after the app's, and the app, while
//   starting, adds a dozen preload links to the page (Vite's preload helper finds these instead);
// - the page's first answers from the server (index.html asks for /me the same way): otherwise
//   they come a round trip after the app has started, and the page waits for them.
// On a phone each is a round trip or more before the page shows.
//
// Which files a page needs is known only once the app is built: the build writes them into
// index.html (`first-page-code`, see web/scripts/first-page-code.ts). In development there is no such
// list and only the answers are asked for.
import { firstAnswers, firstPages } from './app/firstPage';

/** As web/scripts/first-page-code.ts writes it: every file once, each page's as indexes. */
interface FirstPageCode {
  files: string[];
  pages: Record<string, number[]>;
}

function preload(href: string, as: 'script' | 'style' | 'fetch') {
  const link = document.createElement('link');
  link.rel = as === 'script' ? 'modulepreload' : 'preload';
  if (as !== 'script') link.as = as;
  // As the app asks for it (module loader, Vite's preload helper, fetch: all crossorigin ""), so
  // that it takes this download instead of starting another.
  link.crossOrigin = '';
  // The code at a low priority, like the app's own: the stylesheets are what the first paint needs.
  if (as !== 'fetch') link.fetchPriority = 'low';
  link.href = href;
  document.head.append(link);
}

const { pathname, search } = window.location;
for (const answer of firstAnswers(pathname, search)) preload(answer, 'fetch');
const listed = document.getElementById('first-page-code')?.textContent;
if (listed) {
  const code = JSON.parse(listed) as FirstPageCode;
  const files = new Set(firstPages(pathname).flatMap((page) => code.pages[page] ?? []));
  for (const file of files) {
    const href = code.files[file];
    if (href) preload(href, href.endsWith('.css') ? 'style' : 'script');
  }
}
