// The collection factory: the requests it sends (paths, pages, If-Match) and where its lists sit in
// the cache, so that a feature's one invalidation refreshes them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { fakeApi, problem } from '../../test/utils';
import { recordCollection } from './collection';

const root = (allianceId: string) => ['alliance', allianceId, 'plan'] as const;
const objectives = recordCollection({ root, name: 'objectives', path: '/api/v1/alliances/{id}/objectives', idParam: 'objective_id' });

const LIST = '/api/v1/alliances/a1/objectives';
const ONE = '/api/v1/alliances/a1/objectives/o1';

afterEach(() => vi.unstubAllGlobals());

function withClient() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { queryClient, wrapper };
}

describe('recordCollection', () => {
  it('lists every page, with the filters and the page size in the query', async () => {
    const seen = fakeApi({
      [`GET ${LIST}`]: (request) =>
        request.search.get('cursor') === 'next'
          ? { status: 200, body: { items: [{ id: 'o2' }], next_cursor: null } }
          : { status: 200, body: { items: [{ id: 'o1' }], next_cursor: 'next' } },
    });

    const items = await objectives.list('a1', { status: 'active' });

    expect(items.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(seen.map((r) => [r.path, r.search.get('status'), r.search.get('limit'), r.search.get('cursor')])).toEqual([
      [LIST, 'active', '200', null],
      [LIST, 'active', '200', 'next'],
    ]);
  });

  it('fetches, creates, updates with If-Match and deletes at the record paths', async () => {
    const seen = fakeApi({
      [`GET ${ONE}`]: { status: 200, body: { id: 'o1', version: 3 } },
      [`POST ${LIST}`]: { status: 201, body: { id: 'o1', version: 1 } },
      [`PATCH ${ONE}`]: { status: 200, body: { id: 'o1', version: 4 } },
      [`DELETE ${ONE}`]: { status: 204 },
    });

    expect((await objectives.fetch('a1', 'o1')).version).toBe(3);
    expect((await objectives.create('a1', { title: 'First patient in', horizon: 'short_term' })).version).toBe(1);
    expect((await objectives.update('a1', 'o1', 3, { title: 'First patient dosed' })).version).toBe(4);
    await objectives.remove('a1', 'o1');

    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${ONE}`, `POST ${LIST}`, `PATCH ${ONE}`, `DELETE ${ONE}`]);
    expect(seen[1]?.body).toEqual({ title: 'First patient in', horizon: 'short_term' });
    expect(seen[1]?.headers.get('If-Match')).toBeNull();
    expect(seen[2]?.headers.get('If-Match')).toBe('"3"');
    expect(seen[2]?.body).toEqual({ title: 'First patient dosed' });
  });

  it('fails an update against a stale version with the server’s 412', async () => {
    fakeApi({ [`PATCH ${ONE}`]: problem(412, 'Someone else saved it') });

    const error = await objectives.update('a1', 'o1', 2, { title: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
  });

  it('keeps its list under the feature’s root key, so invalidating the root refetches it', async () => {
    const seen = fakeApi({ [`GET ${LIST}`]: { status: 200, body: { items: [{ id: 'o1' }], next_cursor: null } } });
    const { queryClient, wrapper } = withClient();

    const { result } = renderHook(() => objectives.useList('a1'), { wrapper });
    await waitFor(() => expect(result.current.data?.map((o) => o.id)).toEqual(['o1']));
    expect(queryClient.getQueryData(['alliance', 'a1', 'plan', 'objectives'])).toEqual([{ id: 'o1' }]);

    await queryClient.invalidateQueries({ queryKey: root('another alliance') });
    expect(seen).toHaveLength(1);

    await queryClient.invalidateQueries({ queryKey: root('a1') });
    expect(seen).toHaveLength(2);
  });

  it('puts a filtered list’s filters in its key, and shows the last list while the next filter’s loads', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    fakeApi({
      [`GET ${LIST}`]: async (request) => {
        const status = request.search.get('status');
        if (status === 'dropped') await held;
        return { status: 200, body: { items: [{ id: status }], next_cursor: null } };
      },
    });
    const { queryClient, wrapper } = withClient();

    const { result, rerender } = renderHook(
      ({ status }: { status: 'achieved' | 'dropped' }) => objectives.useList('a1', { status }),
      { wrapper, initialProps: { status: 'achieved' } },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData(['alliance', 'a1', 'plan', 'objectives', { status: 'achieved' }])).toEqual([{ id: 'achieved' }]);

    rerender({ status: 'dropped' });
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(true));
    expect(result.current.data).toEqual([{ id: 'achieved' }]);

    release();
    await waitFor(() => expect(result.current.data).toEqual([{ id: 'dropped' }]));
  });

  it('shows no list of another alliance while an unfiltered list loads', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    fakeApi({
      [`GET ${LIST}`]: { status: 200, body: { items: [{ id: 'o1' }], next_cursor: null } },
      'GET /api/v1/alliances/a2/objectives': async () => {
        await held;
        return { status: 200, body: { items: [{ id: 'o9' }], next_cursor: null } };
      },
    });
    const { wrapper } = withClient();

    const { result, rerender } = renderHook(({ allianceId }: { allianceId: string }) => objectives.useList(allianceId), {
      wrapper,
      initialProps: { allianceId: 'a1' },
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    rerender({ allianceId: 'a2' });
    expect(result.current.isPending).toBe(true);
    expect(result.current.data).toBeUndefined();

    release();
    await waitFor(() => expect(result.current.data).toEqual([{ id: 'o9' }]));
  });
});
