import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { neededStyles, STYLES_FILE, stylesModule } from '../../scripts/mantine-styles.mjs';

describe('Mantine styles', () => {
  it('loads the styles of every Mantine component the app uses, and of those they are built on', () => {
    const needed = neededStyles();
    // A sample of what the closure must find: Select has no styles of its own but is built on
    // Combobox, Popover and Input; Checkbox on InlineInput; DateInput (from @mantine/dates) on Popover.
    expect(needed.slice(0, 3)).toEqual(['baseline', 'default-css-variables', 'global']);
    for (const name of ['Combobox', 'Popover', 'Input', 'InlineInput', 'UnstyledButton', 'Button', 'AppShell']) expect(needed).toContain(name);
    // Run `node scripts/mantine-styles.mjs` when this fails.
    expect(readFileSync(STYLES_FILE, 'utf8')).toBe(stylesModule(needed));
  });
});
