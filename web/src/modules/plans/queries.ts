// The Plans API: the timeline, the summary, and objectives, milestones, KPIs, workstreams and
// communications. Every plan query lives under `planKey`, so one invalidation refreshes them all
// (a milestone change moves the timeline, the summary and the list together). The collections
// themselves are declared in the record kit (records/collections.ts), where other features read them.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapEmpty } from '../../api/client';
import { communications, kpis, milestones, objectives, planKey, workstreams } from '../records/collections';
import type { CommunicationCategory, KpiValueCreate, MilestoneKind, MilestoneStatus } from './types';

/** After any change to the plan: every plan view and the activity log may show it. */
export function refreshPlan(queryClient: QueryClient, allianceId: string): void {
  void queryClient.invalidateQueries({ queryKey: planKey(allianceId) });
  void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'audit'] });
}

// ------------------------------------------------------------------ timeline and summary

export function usePlan(allianceId: string) {
  return useQuery({
    queryKey: [...planKey(allianceId), 'timeline'],
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/plan', { params: { path: { id: allianceId } } })),
  });
}

export function planSummaryQuery(allianceId: string) {
  return queryOptions({
    queryKey: [...planKey(allianceId), 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/plan/summary', { params: { path: { id: allianceId } } })),
  });
}

export function usePlanSummary(allianceId: string) {
  return useQuery(planSummaryQuery(allianceId));
}

// ------------------------------------------------------------------ objectives

export function useObjectives(allianceId: string) {
  return objectives.useList(allianceId);
}

export const { fetch: fetchObjective, create: createObjective, update: updateObjective, remove: deleteObjective } = objectives;

// ------------------------------------------------------------------ milestones

export interface MilestoneFilters {
  objective_id?: string;
  kind?: MilestoneKind;
  status?: MilestoneStatus;
  party_id?: string;
  early_win?: boolean;
}

export function useMilestones(allianceId: string, filters: MilestoneFilters) {
  return milestones.useList(allianceId, filters);
}

export const { fetch: fetchMilestone, create: createMilestone, update: updateMilestone, remove: deleteMilestone } = milestones;

export function useMilestoneHistory(allianceId: string, milestoneId: string | null) {
  return useQuery({
    queryKey: [...planKey(allianceId), 'milestone-history', milestoneId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/milestones/{milestone_id}/history', {
          params: { path: { id: allianceId, milestone_id: milestoneId ?? '' } },
        }),
      ),
    enabled: milestoneId !== null,
  });
}

export function rebaselineMilestone(allianceId: string, milestoneId: string, version: number, reason: string) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/milestones/{milestone_id}/rebaseline', {
      params: { path: { id: allianceId, milestone_id: milestoneId }, header: ifMatch(version) },
      body: { reason },
    }),
  );
}

// ------------------------------------------------------------------ KPIs

export function useKpis(allianceId: string) {
  return kpis.useList(allianceId);
}

export const { fetch: fetchKpi, create: createKpi, update: updateKpi, remove: deleteKpi } = kpis;

export function addKpiValue(allianceId: string, kpiId: string, body: KpiValueCreate) {
  return unwrap(api.POST('/api/v1/alliances/{id}/kpis/{kpi_id}/values', { params: { path: { id: allianceId, kpi_id: kpiId } }, body }));
}

export function deleteKpiValue(allianceId: string, kpiId: string, valueId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/kpis/{kpi_id}/values/{value_id}', {
      params: { path: { id: allianceId, kpi_id: kpiId, value_id: valueId } },
    }),
  );
}

// ------------------------------------------------------------------ workstreams (RACI)

export function useWorkstreams(allianceId: string) {
  return workstreams.useList(allianceId);
}

export const { fetch: fetchWorkstream, create: createWorkstream, update: updateWorkstream, remove: deleteWorkstream } = workstreams;

// ------------------------------------------------------------------ communication plan

/** One category's communications: the key names the category alone, not a filter object. */
export function useCommunications(allianceId: string, category: CommunicationCategory) {
  return useQuery({
    queryKey: [...planKey(allianceId), 'communications', category],
    queryFn: () => communications.list(allianceId, { category }),
  });
}

export const {
  fetch: fetchCommunication,
  create: createCommunication,
  update: updateCommunication,
  remove: deleteCommunication,
} = communications;

export function decideCommunication(
  allianceId: string,
  communicationId: string,
  version: number,
  decision: 'approve' | 'reject',
  reason?: string,
) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/communications/{communication_id}/decision', {
      params: { path: { id: allianceId, communication_id: communicationId }, header: ifMatch(version) },
      body: reason ? { decision, reason } : { decision },
    }),
  );
}
