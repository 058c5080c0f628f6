// The page's first script, a few hundred bytes beside the app (src/main.tsx): it starts downloading
// the code of the page the app opens on (an alliance, the portfolio) together with the app's own,
// instead of after the app has run and its router has matched the path and asked for that page's
// chunks one after another. On a phone that is a round trip and the page's code less before the
// page shows, and the work of adding a dozen preload links to the page is done while the main thread
// still waits for the app's code rather than when it has the app to start.
//
// Which files a page needs is known only once the app is built: the build writes them into
// index.html (`first-page-code`, see web/scripts/first-page-code.ts). In development there is no such
// list and nothing is preloaded.
import { firstPages } from './app/firstPage';

/** As web/scripts/first-page-code.ts writes it: every file once, each page's as indexes. */
interface FirstPageCode {
  files: string[];
  pages: Record<string, number[]>;
}

function preload(href: string) {
  const link = document.createElement('link');
  if (href.endsWith('.css')) {
    link.rel = 'preload';
    link.as = 'style';
  } else {
    link.rel = 'modulepreload';
  }
  // As the app's own module loader and Vite's preload helper ask for it (crossorigin ""), so that
  // they take this download instead of starting another. At a low priority, like the app's code:
  // the stylesheets are what the first paint needs.
  link.crossOrigin = '';
  link.fetchPriority = 'low';
  link.href = href;
  document.head.append(link);
}

const listed = document.getElementById('first-page-code')?.textContent;
if (listed) {
  const code = JSON.parse(listed) as FirstPageCode;
  const files = new Set(firstPages(window.location.pathname).flatMap((page) => code.pages[page] ?? []));
  for (const file of files) preload(code.files[file] ?? '');
}
