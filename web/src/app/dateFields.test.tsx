// Date fields and lists write a day the same way: the app's theme gives every DateInput the
// reader's day pattern and reads typed days by it. jsdom's reader is en-US.
import { screen } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { dateFormat, formatDate } from '../ui/format';
import { renderDateField } from '../test/utils';

const user = userEventLib.setup({ delay: null });

const field = renderDateField;

describe('a date field', () => {
  it('shows a day as lists do, without being told a format', () => {
    field({ defaultValue: '2026-11-05' });
    expect(screen.getByRole('textbox', { name: 'Day' })).toHaveValue('Nov 5, 2026');
    expect(formatDate('2026-11-05')).toBe('Nov 5, 2026');
  });

  it.each(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'])('shows the same text as a list for a %s reader', (reader) => {
    for (const day of ['2026-01-02', '2026-09-05', '2026-11-25']) {
      const { unmount } = field({ defaultValue: day, valueFormat: dateFormat(reader) });
      expect(screen.getByRole('textbox', { name: 'Day' })).toHaveValue(formatDate(day, reader));
      unmount();
    }
  });

  it('reads a day typed in the reader’s pattern', async () => {
    const onChange = vi.fn();
    field({ onChange });
    await user.type(screen.getByRole('textbox', { name: 'Day' }), 'nov 5 2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-11-05');
  });

  it('keeps a weekday before the day where a form asks for one, and still reads typed days', async () => {
    const onChange = vi.fn();
    field({ defaultValue: '2026-11-05', valueFormat: `ddd ${dateFormat()}`, onChange });
    const input = screen.getByRole('textbox', { name: 'Day' });
    expect(input).toHaveValue(`Thu ${formatDate('2026-11-05')}`);
    await user.clear(input);
    await user.type(input, 'Fri Nov 6, 2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-11-06');
  });
});
