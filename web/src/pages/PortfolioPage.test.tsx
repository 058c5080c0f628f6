import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, makeAlliance, renderPage } from '../test/utils';
import { PortfolioPage } from './PortfolioPage';

// No pause between keystrokes: the forms re-render on every one.
const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

describe('PortfolioPage', () => {
  it('explains how to start when there is no alliance yet', async () => {
    fakeApi({ 'GET /api/v1/alliances': { status: 200, body: { items: [], next_cursor: null } } });
    renderPage(<PortfolioPage />, { route: '/alliances', path: '/alliances' });
    expect(await screen.findByText('Start your first alliance')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create an alliance' })).toHaveAttribute('href', '/alliances/new');
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const seen = fakeApi({ 'GET /api/v1/alliances': { status: 200, body: { items: [makeAlliance({ stage: 'execution' })], next_cursor: 'next' } } });
    renderPage(<PortfolioPage />, { route: '/alliances?stage=execution&tier=1&q=heart', path: '/alliances' });
    const table = await screen.findByRole('table', { name: 'Alliances' });
    const request = seen.find((r) => r.path === '/api/v1/alliances');
    expect(request?.search.get('stage')).toBe('execution');
    expect(request?.search.get('tier')).toBe('1');
    expect(request?.search.get('q')).toBe('heart');
    const row = within(table).getByRole('row', { name: /Meridian × Pulsewise adherence/ });
    expect(row).toHaveTextContent('Execution');
    expect(row).toHaveTextContent('Tier 1');
    expect(row).toHaveTextContent('Pulsewise Health');
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear filters (3)' })).toBeInTheDocument();
  });

  it('puts a changed filter into the URL', async () => {
    fakeApi({ 'GET /api/v1/alliances': { status: 200, body: { items: [makeAlliance()], next_cursor: null } } });
    const { router } = renderPage(<PortfolioPage />, { route: '/alliances', path: '/alliances' });
    await screen.findByRole('table', { name: 'Alliances' });
    await user.click(screen.getByText('Cards'));
    expect(router.state.location.search).toBe('?view=cards');
    expect(screen.queryByRole('table', { name: 'Alliances' })).not.toBeInTheDocument();
  });

  it('shows each alliance’s health score and its move since the previous wave, in words too', async () => {
    const health = { wave_id: '01a1ffd0-0000-7000-9000-0000000a0001', wave_title: 'Autumn health check', closed_on: '2026-11-15' };
    fakeApi({
      'GET /api/v1/alliances': {
        status: 200,
        body: {
          items: [
            makeAlliance({ id: '01a1ffd0-0000-7000-9000-000000000a01', name: 'Rising', health: { ...health, score: 72.4, previous_score: 64.2 } }),
            makeAlliance({ id: '01a1ffd0-0000-7000-9000-000000000a02', name: 'Falling', health: { ...health, score: 48, previous_score: 51 } }),
            makeAlliance({ id: '01a1ffd0-0000-7000-9000-000000000a03', name: 'First wave', health: { ...health, score: 66, previous_score: null } }),
            makeAlliance({ id: '01a1ffd0-0000-7000-9000-000000000a04', name: 'Too few answers', health: { ...health, score: null, previous_score: 70 } }),
            makeAlliance({ id: '01a1ffd0-0000-7000-9000-000000000a05', name: 'Never assessed', health: null }),
          ],
          next_cursor: null,
        },
      },
    });
    renderPage(<PortfolioPage />, { route: '/alliances', path: '/alliances' });
    const table = await screen.findByRole('table', { name: 'Alliances' });
    const headers = within(table).getAllByRole('columnheader');
    const column = headers.findIndex((h) => h.textContent?.startsWith('Health'));
    const healthOf = (name: string) => within(within(table).getByRole('row', { name: new RegExp(`^${name}`) })).getAllByRole('cell')[column]!;
    expect(healthOf('Rising')).toHaveTextContent(/^72↑8/);
    expect(within(healthOf('Rising')).getByText('72, up 8 since the previous wave')).toHaveClass('visually-hidden');
    expect(healthOf('Falling')).toHaveTextContent('48, down 3 since the previous wave');
    expect(healthOf('First wave')).toHaveTextContent(/^6666$/);
    expect(healthOf('Falling')).toHaveTextContent(/^48↓3/);
    expect(healthOf('Too few answers')).toHaveTextContent('—hidden in Autumn health check: too few people answered to show it');
    expect(healthOf('Never assessed')).toHaveTextContent('—no closed wave yet');
  });

  it('sorts by health from the column header: lowest first, then highest first, through the URL and the API', async () => {
    const seen = fakeApi({ 'GET /api/v1/alliances': { status: 200, body: { items: [makeAlliance()], next_cursor: null } } });
    const { router } = renderPage(<PortfolioPage />, { route: '/alliances', path: '/alliances' });
    await screen.findByRole('table', { name: 'Alliances' });
    // The table is drawn again for each order.
    const header = () => within(screen.getByRole('table', { name: 'Alliances' })).getAllByRole('columnheader').find((h) => h.textContent?.startsWith('Health'))!;
    expect(header()).not.toHaveAttribute('aria-sort');

    await user.click(within(header()).getByRole('button', { name: 'Health score, sort lowest first' }));
    expect(router.state.location.search).toBe('?sort=health');
    await waitFor(() => expect(seen.at(-1)?.search.get('sort')).toBe('health'));
    await screen.findByRole('table', { name: 'Alliances' });
    await waitFor(() => expect(header()).toHaveAttribute('aria-sort', 'ascending'));
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('health');

    await user.click(within(header()).getByRole('button', { name: 'Health score, sort highest first' }));
    await screen.findByRole('table', { name: 'Alliances' });
    expect(router.state.location.search).toBe('?sort=-health');
    await waitFor(() => expect(seen.at(-1)?.search.get('sort')).toBe('-health'));
    await waitFor(() => expect(header()).toHaveAttribute('aria-sort', 'descending'));
  });
});
