import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { Alliance, AllianceCreate, AllianceUpdate, Stage } from '../../api/types';

export const allianceKey = (id: string) => ['alliance', id] as const;

export function fetchAlliance(id: string): Promise<Alliance> {
  return unwrap(api.GET('/api/v1/alliances/{id}', { params: { path: { id } } }));
}

export function allianceQuery(id: string) {
  return queryOptions({ queryKey: allianceKey(id), queryFn: () => fetchAlliance(id) });
}

export function useAlliance(id: string) {
  return useQuery(allianceQuery(id));
}

export function useStageInfo(id: string) {
  return useQuery({
    queryKey: [...allianceKey(id), 'stage'],
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/stage', { params: { path: { id } } })),
  });
}

export function createAlliance(body: AllianceCreate): Promise<Alliance> {
  return unwrap(api.POST('/api/v1/alliances', { body }));
}

export function updateAlliance(id: string, version: number, body: AllianceUpdate): Promise<Alliance> {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}', { params: { path: { id }, header: ifMatch(version) }, body }),
  );
}

export function moveStage(id: string, version: number, to: Stage, reason: string) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/stage', {
      params: { path: { id }, header: ifMatch(version) },
      body: { to, reason },
    }),
  );
}

export function archiveAlliance(id: string, version: number, archive: boolean): Promise<Alliance> {
  const params = { params: { path: { id }, header: ifMatch(version) } };
  return unwrap(
    archive
      ? api.POST('/api/v1/alliances/{id}/archive', params)
      : api.POST('/api/v1/alliances/{id}/restore', params),
  );
}

/** After a change: the alliance, its tabs and every portfolio list may show it. */
export function refreshAlliance(queryClient: QueryClient, alliance: Alliance): void {
  queryClient.setQueryData(allianceKey(alliance.id), alliance);
  void queryClient.invalidateQueries({ queryKey: allianceKey(alliance.id) });
  void queryClient.invalidateQueries({ queryKey: ['alliances'] });
}
