import { screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { bellLabel, NotificationsBell } from './NotificationsBell';
import { inAppPath, type Notification } from './queries';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: '01a1ffd0-0000-7000-a000-000000000001',
    alliance_id: alliance.id,
    alliance_name: alliance.name,
    kind: 'issue_escalated',
    title: '“Budget split” escalated to the JSC',
    body: 'The JDC did not settle it within 14 days.',
    link: `/alliances/${alliance.id}/governance?section=issues&issue=abc`,
    record_type: 'issue',
    record_id: 'abc',
    created_at: new Date(Date.now() - 3600_000).toISOString(),
    read_at: null,
    ...overrides,
  };
}

describe('NotificationsBell', () => {
  it('shows the unread count and opens a notification, marking it read', async () => {
    const unread = notification();
    const read = notification({ id: '01a1ffd0-0000-7000-a000-000000000002', title: 'Older news', read_at: '2026-11-01T10:00:00Z' });
    const seen = fakeApi({
      'GET /api/v1/me/notifications': { status: 200, body: { items: [unread, read], next_cursor: null, unread_count: 3 } },
      [`POST /api/v1/me/notifications/${unread.id}/read`]: { status: 204 },
    });
    const { router } = renderPage(<NotificationsBell />);
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    expect(screen.getByTestId('unread-count')).toHaveTextContent('3');
    await user.click(bell);
    // jsdom has no layout, so the menu counts as hidden to the accessibility tree.
    const item = await screen.findByRole('menuitem', { name: /Budget split/, hidden: true });
    expect(item).toHaveAttribute('data-unread', 'true');
    expect(screen.getByRole('menuitem', { name: /Older news/, hidden: true })).not.toHaveAttribute('data-unread');
    await user.click(item);
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.path.endsWith(`/${unread.id}/read`))).toBe(true));
    expect(router.state.location.pathname).toBe(`/alliances/${alliance.id}/governance`);
    expect(router.state.location.search).toBe('?section=issues&issue=abc');
  });

  it('marks everything read at once', async () => {
    let unread = 1;
    const seen = fakeApi({
      'GET /api/v1/me/notifications': () => ({ status: 200, body: { items: [notification({ read_at: unread ? null : '2026-11-21T10:00:00Z' })], next_cursor: null, unread_count: unread } }),
      'POST /api/v1/me/notifications/read-all': () => {
        unread = 0;
        return { status: 204 };
      },
    });
    renderPage(<NotificationsBell />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(await screen.findByRole('button', { name: 'Mark all read', hidden: true }));
    await waitFor(() => expect(seen.some((r) => r.path === '/api/v1/me/notifications/read-all')).toBe(true));
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  });

  it('shows the days of a notification as the reader writes them, leaving web addresses alone', async () => {
    fakeApi({
      'GET /api/v1/me/notifications': {
        status: 200,
        body: {
          items: [notification({ title: 'Quarterly report due on 2026-11-05', body: 'Overdue since 2026-11-05; minutes at https://docs.example/2026-11-05' })],
          next_cursor: null,
          unread_count: 1,
        },
      },
    });
    renderPage(<NotificationsBell />);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const item = await screen.findByRole('menuitem', { name: /Quarterly report/, hidden: true });
    expect(item).toHaveTextContent('Quarterly report due on Nov 5, 2026');
    expect(item).toHaveTextContent('Overdue since Nov 5, 2026; minutes at https://docs.example/2026-11-05');
  });

  it('asks for notifications every minute', async () => {
    const { POLL_MS } = await import('./queries');
    expect(POLL_MS).toBe(60_000);
    expect(bellLabel(0)).toBe('Notifications, none unread');
  });
});

describe('inAppPath', () => {
  it('keeps links inside the app and leaves other sites alone', () => {
    expect(inAppPath('/alliances/a/governance?section=issues', 'https://northstar.example')).toBe('/alliances/a/governance?section=issues');
    expect(inAppPath('https://northstar.example/alliances/a?x=1', 'https://northstar.example')).toBe('/alliances/a?x=1');
    expect(inAppPath('https://elsewhere.example/x', 'https://northstar.example')).toBeNull();
    expect(inAppPath('//elsewhere.example/x', 'https://northstar.example')).toBeNull();
    expect(inAppPath('', 'https://northstar.example')).toBeNull();
  });
});
