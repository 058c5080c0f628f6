import { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type LoaderFunction, type LoaderFunctionArgs } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, ME } from '../test/utils';
import { firstAnswers, firstPages } from './firstPage';
import { makeRoutes } from './routes';

afterEach(() => vi.unstubAllGlobals());

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
      '/alliances/01a24e6a-00b5-72e1-806c-2a0f7783fd8a/health/01a24e6a-00b5-72e1-806c-2a0f7783fd8b/answer',
      '/actions',
      '/obligations',
      '/surveys',
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

/** What the routes' loaders ask the server for when the app opens on `path`, /me aside. */
async function routedAnswers(path: string, search: string): Promise<string[]> {
  const seen = fakeApi({ 'GET /api/v1/me': { status: 200, body: ME } });
  const request = new Request(`http://localhost${path}${search}`);
  const matches = matchRoutes(makeRoutes(new QueryClient()), path) ?? [];
  await Promise.all(
    matches.map(({ route, params }) =>
      (route.loader as LoaderFunction | undefined)?.({ request, params, context: undefined } as unknown as LoaderFunctionArgs),
    ),
  );
  return seen.map((r) => `${r.path}${r.search.size ? `?${r.search}` : ''}`).filter((url) => url !== '/api/v1/me');
}

describe('the answers the boot script asks for first', () => {
  it('are those the routes’ loaders ask for when the app opens on the path', async () => {
    const id = '01a24e6a-00b5-72e1-806c-2a0f7783fd8a';
    const locations: [string, string][] = [
      ['/', ''],
      ['/alliances', ''],
      ['/alliances/', ''],
      [`/alliances/${id}`, ''],
      [`/alliances/${id}/overview`, ''],
      [`/alliances/${id}/governance`, '?section=meetings'],
      ['/actions', ''],
      ['/settings/tokens', ''],
    ];
    for (const [path, search] of locations) {
      expect(firstAnswers(path, search).sort(), path + search).toEqual((await routedAnswers(path, search)).sort());
    }
  });

  it('leave out what needs reading first, and pages without a signed-in frame', async () => {
    // A filtered portfolio: the filters decide the request; the router asks once the app runs.
    expect(firstAnswers('/alliances', '?stage=negotiation')).toEqual(['/api/v1/me/notifications?limit=20', '/api/v1/me/surveys']);
    expect(firstAnswers('/login', '')).toEqual([]);
    expect(firstAnswers('/invitations/accept', '?token=x')).toEqual([]);
    expect(firstAnswers('/alliances/new', '')).toEqual(['/api/v1/me/notifications?limit=20', '/api/v1/me/surveys']);
  });
});
