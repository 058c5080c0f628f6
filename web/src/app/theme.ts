import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import type { DateInputProps, DatePickerInputProps } from '@mantine/dates';
import { dateFormat, parseDay } from '../ui/format';

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
    // Every dialog's × has a name a screen reader reads (Mantine's has none).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // Date fields show and read days in the reader's pattern, as lists show them. dayjs cannot
    // read a typed day by a pattern without a plugin; without `parseDay` the browser's parser
    // would take "05.11.2026" as 11 May.
    // By name rather than with `DateInput.extend`: importing the components here would put the
    // whole date picker into the first file every page loads.
    // Functions, so that the pattern is worked out when a date field first draws, not on every
    // page's start (the sign-in page has none).
    DateInput: {
      defaultProps: (): Partial<DateInputProps> => ({ valueFormat: dateFormat(), dateParser: (text: string) => parseDay(text) }),
    },
    DatePickerInput: { defaultProps: (): Partial<DatePickerInputProps> => ({ valueFormat: dateFormat() }) },
    // A table wider than its place scrolls sideways with the browser's own scroll bar, shown while
    // it can scroll, so that the last columns (and the row actions there) are seen to be
    // reachable; and nothing measures the table on every resize.
    TableScrollContainer: { defaultProps: { type: 'native' } },
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
