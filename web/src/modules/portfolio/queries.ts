import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { PortfolioFilters } from './filters';

export const PAGE_SIZE = 25;

export function allianceListQuery(filters: PortfolioFilters) {
  const { view: _view, ...query } = filters;
  return infiniteQueryOptions({
    queryKey: ['alliances', query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/alliances', {
          params: {
            query: {
              q: query.q.trim() || undefined,
              stage: query.stage ?? undefined,
              type: query.type ?? undefined,
              tier: query.tier ?? undefined,
              party: query.party ?? undefined,
              archived: query.archived,
              sort: query.sort,
              limit: PAGE_SIZE,
              cursor: pageParam ?? undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useAllianceList(filters: PortfolioFilters) {
  return useInfiniteQuery(allianceListQuery(filters));
}
