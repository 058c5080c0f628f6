import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatRelative } from './format';

describe('formatDate', () => {
  it('shows a calendar day in the reader’s locale without shifting it across time zones', () => {
    expect(formatDate('2026-07-01', 'en-GB')).toBe('1 Jul 2026');
    expect(formatDate('2026-07-01', 'en-US')).toBe('Jul 1, 2026');
    expect(formatDate('2026-07-01', 'de-DE')).toBe('01.07.2026');
  });

  it('shows a dash for a missing day', () => {
    expect(formatDate(null)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('formats an instant in the given locale', () => {
    expect(formatDateTime('2026-11-21T19:33:56.123Z', 'en-GB')).toMatch(/21 Nov 2026/);
  });
});

describe('formatMoney', () => {
  it('reads integer minor units with the currency’s own decimals', () => {
    expect(formatMoney(1234567, 'EUR', 'en-GB')).toBe('€12,345.67');
    expect(formatMoney(1234567, 'EUR', 'de-DE').replace(/\u00a0/g, ' ')).toBe('12.345,67 €');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });
});

describe('formatRelative', () => {
  it('says how long ago something happened', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(formatRelative('2026-11-21T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2026-11-19T12:00:00Z', now, 'en')).toBe('2 days ago');
  });
});
