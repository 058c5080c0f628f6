import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../test/utils';
import { CalendarFeedSettings } from './CalendarFeedSettings';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

describe('CalendarFeedSettings', () => {
  it('creates the feed and shows its secret address once', async () => {
    let active = false;
    const url = 'https://northstar.example/api/v1/calendar/s3cr3t.ics';
    fakeApi({
      'GET /api/v1/me/calendar-feed': () => ({ status: 200, body: { active, created_at: active ? '2026-11-21T10:00:00Z' : null } }),
      'POST /api/v1/me/calendar-feed': () => {
        active = true;
        return { status: 201, body: { url, created_at: '2026-11-21T10:00:00Z' } };
      },
    });
    renderPage(<CalendarFeedSettings />);
    await user.click(await screen.findByRole('button', { name: 'Create a feed address' }));
    const dialog = await screen.findByRole('dialog', { name: 'Copy your calendar feed address now' });
    expect(within(dialog).getByRole('textbox', { name: 'Feed address' })).toHaveValue(url);
    await user.click(within(dialog).getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('button', { name: 'Reset the address' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Turn off' })).toBeInTheDocument();
    expect(screen.queryByText(url)).not.toBeInTheDocument();
  });
});
