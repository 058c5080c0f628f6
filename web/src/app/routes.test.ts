import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, ME } from '../test/utils';
import { prefetching } from './routes';

afterEach(() => vi.unstubAllGlobals());

const args = { request: new Request('http://localhost/alliances'), params: {}, context: undefined } as unknown as LoaderFunctionArgs;
const pageQuery = (queryClient: QueryClient) => () => [queryClient.prefetchQuery({ queryKey: ['page'], queryFn: () => fetch(new Request('http://localhost/api/v1/page')).then((r) => r.json()) })];

describe('what a route asks for before its page shows', () => {
  it('opening the app waits for who is signed in and the page’s first answers; later pages do not wait', async () => {
    const seen = fakeApi({ 'GET /api/v1/me': { status: 200, body: ME }, 'GET /api/v1/page': { status: 200, body: { rows: 3 } } });
    const queryClient = new QueryClient();
    const loader = prefetching(queryClient, pageQuery(queryClient));
    const opening = loader(args);
    expect(opening).toBeInstanceOf(Promise);
    await expect(opening).resolves.toBeNull();
    expect(queryClient.getQueryData(['page'])).toEqual({ rows: 3 });
    expect(seen.map((r) => r.path)).toEqual(['/api/v1/me', '/api/v1/page']);

    queryClient.removeQueries({ queryKey: ['page'] });
    expect(loader(args)).toBeNull();
    await vi.waitFor(() => expect(queryClient.getQueryData(['page'])).toEqual({ rows: 3 }));
  });

  it('asks nothing more for someone signed out, and a failing answer does not stop the page', async () => {
    const seen = fakeApi({ 'GET /api/v1/me': { status: 401, body: { type: 'x', title: 'Sign in', status: 401 } } });
    const queryClient = new QueryClient();
    await expect(prefetching(queryClient, pageQuery(queryClient))(args)).resolves.toBeNull();
    expect(seen.map((r) => r.path)).toEqual(['/api/v1/me']);

    fakeApi({ 'GET /api/v1/me': { status: 500, body: { type: 'x', title: 'Down', status: 500 } } });
    await expect(prefetching(new QueryClient(), () => [])(args)).resolves.toBeNull();
  });
});
