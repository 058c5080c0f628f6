import { QueryClient } from '@tanstack/react-query';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { firstPages } from './firstPage';
import { makeRoutes } from './routes';

/** The pages the router shows for a path, by the names its lazy routes carry. */
function routedPages(path: string): string[] {
  return (matchRoutes(makeRoutes(new QueryClient()), path) ?? [])
    .map((m) => (m.route.handle as { page?: string } | undefined)?.page)
    .filter((page): page is string => page !== undefined);
}

describe('the code the boot script downloads first', () => {
  it('is that of the pages the router shows for the path', () => {
    const paths = [
      '/',
      '/login',
      '/invitations/accept',
      '/alliances',
      '/alliances/',
      '/Alliances',
      '/alliances/new',
      '/alliances/01a24e6a-00b5-72e1-806c-2a0f7783fd8a',
      '/alliances/01a24e6a-00b5-72e1-806c-2a0f7783fd8a/governance',
      '/alliances/01a24e6a-00b5-72e1-806c-2a0f7783fd8a/edit',
      '/alliances/01a24e6a-00b5-72e1-806c-2a0f7783fd8a/plan/extra',
      '/actions',
      '/obligations',
      '/settings',
      '/settings/tokens',
      '/account',
      '/no-such-page',
    ];
    for (const path of paths) expect(firstPages(path), path).toEqual(routedPages(path));
  });

  it('is the portfolio’s and an alliance’s for the pages people open most', () => {
    expect(firstPages('/alliances')).toEqual(['SignedInLayout', 'PortfolioPage']);
    expect(firstPages('/alliances/abc')).toEqual(['SignedInLayout', 'AlliancePage']);
    expect(firstPages('/login')).toEqual([]);
  });
});
