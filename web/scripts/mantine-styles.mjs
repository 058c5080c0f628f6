// Which of Mantine's per-component style sheets the app needs, worked out from the code: the
// components the app imports from @mantine/* and, through Mantine's own modules, every component
// they are built on (Select on Combobox, Popover and Input; DateInput on Popover and Input). The
// app loads only those, in the order of Mantine's full style sheet, instead of the styles of all
// its hundred components: a third less CSS on the first load, which blocks the first paint.
//
// `node scripts/mantine-styles.mjs` writes src/app/mantineStyles.ts; a test fails when the file
// no longer matches the code (a component used without its styles).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(web, 'node_modules');
const core = path.join(modules, '@mantine/core');
export const STYLES_FILE = path.join(web, 'src/app/mantineStyles.ts');

/** The styles every Mantine component needs, first. */
const GLOBAL_STYLES = ['baseline', 'default-css-variables', 'global'];

const IMPORT = /import\s*(?:type\s+)?(?:\{([^}]*)\}|[\w$]+)?\s*(?:from\s*)?["']([^"']+)["']/g;

function* importsOf(code) {
  for (const m of code.matchAll(IMPORT)) {
    if (/^\s*import\s+type\b/.test(m[0])) continue;
    const names = (m[1] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0].trim());
    yield { names, from: m[2] };
  }
}

/** Where each name exported by a package's ESM index comes from. */
function exportsOf(pkg) {
  const index = path.join(modules, pkg, 'esm/index.mjs');
  const byName = new Map();
  for (const { names, from } of importsOf(fs.readFileSync(index, 'utf8'))) {
    for (const name of names) byName.set(name, path.resolve(path.dirname(index), from));
  }
  return byName;
}

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}test${path.sep}`) ? [full] : [];
  });
}

/** The names of the style sheets the app needs, in the order of Mantine's full style sheet. */
export function neededStyles() {
  const packages = new Map();
  const exported = (pkg) => {
    if (!packages.has(pkg)) packages.set(pkg, exportsOf(pkg));
    return packages.get(pkg);
  };
  const seen = new Set();
  const styles = new Set();
  const visit = (file) => {
    if (!file || seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    // A component's class names come from its `<Name>.module.mjs`, whose styles are `styles/<Name>.css`.
    if (file.startsWith(path.join(core, 'esm')) && file.endsWith('.module.mjs')) styles.add(path.basename(file, '.module.mjs'));
    follow(file, fs.readFileSync(file, 'utf8'));
  };
  const follow = (file, code) => {
    for (const { names, from } of importsOf(code)) {
      const pkg = from.match(/^@mantine\/(core|dates|notifications|modals)$/)?.[0];
      if (pkg) for (const name of names) visit(exported(pkg).get(name));
      else if (from.startsWith('.') && file.includes(`${path.sep}node_modules${path.sep}`)) visit(path.resolve(path.dirname(file), from));
    }
  };
  for (const file of sourceFiles(path.join(web, 'src'))) follow(file, fs.readFileSync(file, 'utf8'));
  const full = fs.readFileSync(path.join(core, 'styles.css'), 'utf8');
  const position = (name) => {
    const own = fs.readFileSync(path.join(core, 'styles', `${name}.css`), 'utf8').trim();
    const at = full.indexOf(own.slice(0, 400));
    if (at < 0) throw new Error(`${name}.css is not part of Mantine's styles.css`);
    return at;
  };
  const components = [...styles].filter((name) => fs.existsSync(path.join(core, 'styles', `${name}.css`)));
  return [...GLOBAL_STYLES, ...components.sort((a, b) => position(a) - position(b))];
}

export function stylesModule(names) {
  return [
    '// Written by scripts/mantine-styles.mjs from the components the app uses; do not edit.',
    '// Mantine: only the styles of the components the app and Mantine’s own components use.',
    ...names.map((name) => `import '@mantine/core/styles/${name}.css';`),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(STYLES_FILE, stylesModule(neededStyles()));
  console.log(`mantine-styles: ${path.relative(web, STYLES_FILE)} written`);
}
