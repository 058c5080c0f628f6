import { screen, within } from '@testing-library/react';
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
});
