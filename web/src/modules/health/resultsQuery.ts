// A closed wave's results as a query, under the alliance's health key (so that refreshHealth
// refreshes it). Its own module: Governance reads it for an action plan's dimension name, and the
// pages that show actions should not load the rest of the health module's calls with it.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { healthKey } from '../records/collections';

export function useResults(allianceId: string, waveId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...healthKey(allianceId), 'wave', waveId, 'results'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/alliances/{id}/health-waves/{wave_id}/results', { params: { path: { id: allianceId, wave_id: waveId } } })),
    enabled,
  });
}
