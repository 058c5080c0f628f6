import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// System fonts only: the server's CSP allows no external fonts.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: {
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  },
  components: {
    Badge: { defaultProps: { tt: 'none', fw: 600 } },
    Tooltip: { defaultProps: { openDelay: 300 } },
  },
});

/** Secondary text and placeholders darker than Mantine's defaults, for readable contrast (WCAG AA). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#80868d',
  },
  dark: {},
});
