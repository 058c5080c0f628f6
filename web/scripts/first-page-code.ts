// A Vite plugin for the first load of the built app (index.html):
//
// - It adds the boot script (src/boot.ts, an entry of its own) and writes which files each page
//   that the app can open on needs (its chunk, the chunks that one imports, their styles; not what
//   the app's entry loads anyway) into index.html, as a JSON block that the boot script reads to
//   start those downloads at once.
// - It gives the app's scripts a low fetch priority: the first paint (index.html's "Opening
//   Northstar…") needs the stylesheets, not the scripts, and on a slow connection the scripts
//   would otherwise share it with the stylesheets; at a low priority they queue behind them.
import path from 'node:path';
import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';
import { FIRST_PAGES } from '../src/app/firstPage.ts';

/** The boot script's entry, for `build.rolldownOptions.input`. */
export const BOOT_ENTRY = 'src/boot.ts';

/** What src/boot.ts reads: every file once, and for each page the indexes of the files it needs. */
export interface FirstPageCode {
  files: string[];
  pages: Record<string, number[]>;
}

export function firstPageCode(): Plugin {
  let base = '/';
  return {
    name: 'northstar:first-page-code',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk: app }) {
        if (!bundle || !app) return html;
        const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const withImports = (chunk: Rolldown.OutputChunk, into = new Set<string>()) => {
          if (into.has(chunk.fileName)) return into;
          into.add(chunk.fileName);
          for (const file of chunk.imports) {
            const imported = byFile.get(file);
            if (imported) withImports(imported, into);
          }
          return into;
        };
        const loadedByApp = withImports(app);
        const boot = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith(BOOT_ENTRY));
        if (!boot) throw new Error(`first-page-code: ${BOOT_ENTRY} is not an entry of the build`);

        const code: FirstPageCode = { files: [], pages: {} };
        const index = (file: string) => {
          const at = code.files.indexOf(base + file);
          return at >= 0 ? at : code.files.push(base + file) - 1;
        };
        for (const page of FIRST_PAGES) {
          const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId && path.parse(c.facadeModuleId).name === page);
          if (!chunk) throw new Error(`first-page-code: no chunk for the page ${page} (src/app/firstPage.ts)`);
          const files = [...withImports(chunk)].filter((file) => !loadedByApp.has(file));
          const styles = files.flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]);
          code.pages[page] = [...files, ...styles].map(index);
        }

        const tags: HtmlTagDescriptor[] = [
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: base + boot.fileName }, injectTo: 'head' },
          // JSON in a script element: only "</" could end it early.
          { tag: 'script', attrs: { type: 'application/json', id: 'first-page-code' }, children: JSON.stringify(code).replaceAll('</', '<\\/'), injectTo: 'head' },
        ];
        const appScript = `<script type="module" crossorigin src="${base}${app.fileName}">`;
        if (!html.includes(appScript)) throw new Error(`first-page-code: index.html has no ${appScript}`);
        return {
          html: html
            .replace(appScript, appScript.replace('<script ', '<script fetchpriority="low" '))
            .replaceAll('<link rel="modulepreload"', '<link rel="modulepreload" fetchpriority="low"'),
          tags,
        };
      },
    },
  };
}
