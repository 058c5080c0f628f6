// A reader in Germany: fields, lists, notifications and exports all write "05.11.2026".
import { screen } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { complianceExportUrl } from '../modules/agreements/queries';
import { decisionsCsvUrl } from '../modules/governance/queries';
import { formatDate, localiseDays } from '../ui/format';
import { renderDateField } from '../test/utils';

// Before anything reads the reader's pattern (it is cached per reader).
vi.hoisted(() => Object.defineProperty(navigator, 'language', { value: 'de-DE', configurable: true }));
// The test files share one page: the next file's reader is the runtime's own again.
afterAll(() => {
  Reflect.deleteProperty(navigator, 'language');
});

const user = userEventLib.setup({ delay: null });

const field = renderDateField;

describe('a reader in Germany', () => {
  it('sees the same day in a date field, a list and a notification', () => {
    field({ defaultValue: '2026-11-05' });
    expect(screen.getByRole('textbox', { name: 'Day' })).toHaveValue('05.11.2026');
    expect(formatDate('2026-11-05')).toBe('05.11.2026');
    expect(localiseDays('Fällig am 2026-11-05')).toBe('Fällig am 05.11.2026');
  });

  it('types a day as it is written there, not as the browser’s parser would read it (11 May)', async () => {
    const onChange = vi.fn();
    field({ onChange });
    await user.type(screen.getByRole('textbox', { name: 'Day' }), '5.11.2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-11-05');
    expect(onChange).not.toHaveBeenCalledWith('2026-05-11');
  });

  it('asks for exports with days written the same way', () => {
    const decisions = new URL(decisionsCsvUrl('a1', { q: 'budget' }), 'https://northstar.example');
    expect(decisions.pathname).toBe('/api/v1/alliances/a1/decisions/export.csv');
    expect(decisions.searchParams.get('q')).toBe('budget');
    expect(decisions.searchParams.get('date_format')).toBe('DD.MM.YYYY');
    const compliance = new URL(complianceExportUrl('a1', { from: '2026-01-01', to: '2026-12-31' }), 'https://northstar.example');
    expect(compliance.pathname).toBe('/api/v1/alliances/a1/compliance/export.xlsx');
    expect(compliance.searchParams.get('from')).toBe('2026-01-01');
    expect(compliance.searchParams.get('date_format')).toBe('DD.MM.YYYY');
  });
});
