// The health-assessment API: question banks, an alliance's waves (the record kit's collection,
// declared in records/collections.ts), closing a wave, my sheet of a wave (read, save half-way,
// submit), a closed wave's results (./resultsQuery.ts) and the trends across waves; the action
// plans made from results are in ./actionPlans.ts. Every query of an alliance's health lives under `healthKey`, so one invalidation
// refreshes them all; my surveys (the header's count) are refreshed with them.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import { healthKey, healthWaves } from '../records/collections';
import { mySurveysKey } from './mySurveys';
import type { HealthAnswerInput, HealthSheet } from './types';

/** After any change to a wave or an answer: the waves, their results, my surveys and the activity log. */
export function refreshHealth(queryClient: QueryClient, allianceId: string): void {
  void queryClient.invalidateQueries({ queryKey: healthKey(allianceId) });
  void queryClient.invalidateQueries({ queryKey: mySurveysKey });
  void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'audit'] });
}

// ------------------------------------------------------------------ question banks

export function useQuestionBanks(enabled = true) {
  return useQuery({
    queryKey: ['question-banks'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/question-banks'))).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

// ------------------------------------------------------------------ waves

export const { fetch: fetchWave, create: createWave, update: updateWave, remove: deleteWave } = healthWaves;

export function useWaves(allianceId: string) {
  return healthWaves.useList(allianceId);
}

export function useWave(allianceId: string, waveId: string) {
  return useQuery({ queryKey: [...healthKey(allianceId), 'wave', waveId], queryFn: () => fetchWave(allianceId, waveId) });
}

export function closeWave(allianceId: string, waveId: string, version: number) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/health-waves/{wave_id}/close', {
      params: { path: { id: allianceId, wave_id: waveId }, header: ifMatch(version) },
    }),
  );
}

// ------------------------------------------------------------------ my sheet

export const sheetKey = (allianceId: string, waveId: string) => [...healthKey(allianceId), 'wave', waveId, 'sheet'] as const;

export function useSheet(allianceId: string, waveId: string) {
  return useQuery({
    queryKey: sheetKey(allianceId, waveId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/alliances/{id}/health-waves/{wave_id}/response', { params: { path: { id: allianceId, wave_id: waveId } } })),
    // The draft on screen is the one being edited: a refetch on returning to the tab would put the
    // last saved one back.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

/** Saves my answers half-way: any of the items, each at most once. */
export function saveDraft(allianceId: string, waveId: string, answers: HealthAnswerInput[]): Promise<HealthSheet> {
  return unwrap(
    api.PUT('/api/v1/alliances/{id}/health-waves/{wave_id}/response', { params: { path: { id: allianceId, wave_id: waveId } }, body: { answers } }),
  );
}

/** Answers the wave, once: every item exactly once. */
export function submitSheet(allianceId: string, waveId: string, answers: HealthAnswerInput[]): Promise<HealthSheet> {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/health-waves/{wave_id}/response/submit', {
      params: { path: { id: allianceId, wave_id: waveId } },
      body: { answers },
    }),
  );
}

// ------------------------------------------------------------------ results

// A wave's results are read outside the Health tab too (an action plan's dimension, by name), so
// their query is a module of its own that brings nothing else along.
export { useResults } from './resultsQuery';

// ------------------------------------------------------------------ trends

/** The alliance's closed waves, oldest first, dimension by dimension. */
export function useTrends(allianceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...healthKey(allianceId), 'trends'],
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/health-trends', { params: { path: { id: allianceId } } })),
    enabled,
  });
}
