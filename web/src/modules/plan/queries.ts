// The Plans API: the timeline, the summary, and objectives, milestones, KPIs, workstreams and
// communications. Every plan query lives under `planKey`, so one invalidation refreshes them all
// (a milestone change moves the timeline, the summary and the list together).
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapEmpty } from '../../api/client';
import type {
  CommunicationCategory,
  CommunicationCreate,
  CommunicationUpdate,
  KpiCreate,
  KpiUpdate,
  KpiValueCreate,
  MilestoneCreate,
  MilestoneKind,
  MilestoneStatus,
  MilestoneUpdate,
  ObjectiveCreate,
  ObjectiveUpdate,
  WorkstreamCreate,
  WorkstreamUpdate,
} from './types';

export const planKey = (allianceId: string) => ['alliance', allianceId, 'plan'] as const;

/** After any change to the plan: every plan view and the activity log may show it. */
export function refreshPlan(queryClient: QueryClient, allianceId: string): void {
  void queryClient.invalidateQueries({ queryKey: planKey(allianceId) });
  void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'audit'] });
}

const PAGE = 200;
const MAX_PAGES = 25;

/** Every page of a cursor-paginated list; plans are small enough to hold whole. */
export async function fetchAll<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const result = await page(cursor);
    items.push(...result.items);
    if (!result.next_cursor) break;
    cursor = result.next_cursor;
  }
  return items;
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
  return useQuery({
    queryKey: [...planKey(allianceId), 'objectives'],
    queryFn: () =>
      fetchAll((cursor) =>
        unwrap(api.GET('/api/v1/alliances/{id}/objectives', { params: { path: { id: allianceId }, query: { limit: PAGE, cursor } } })),
      ),
  });
}

export function fetchObjective(allianceId: string, objectiveId: string) {
  return unwrap(
    api.GET('/api/v1/alliances/{id}/objectives/{objective_id}', { params: { path: { id: allianceId, objective_id: objectiveId } } }),
  );
}

export function createObjective(allianceId: string, body: ObjectiveCreate) {
  return unwrap(api.POST('/api/v1/alliances/{id}/objectives', { params: { path: { id: allianceId } }, body }));
}

export function updateObjective(allianceId: string, objectiveId: string, version: number, body: ObjectiveUpdate) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/objectives/{objective_id}', {
      params: { path: { id: allianceId, objective_id: objectiveId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteObjective(allianceId: string, objectiveId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/objectives/{objective_id}', { params: { path: { id: allianceId, objective_id: objectiveId } } }),
  );
}

// ------------------------------------------------------------------ milestones

export interface MilestoneFilters {
  objective_id?: string;
  kind?: MilestoneKind;
  status?: MilestoneStatus;
  party_id?: string;
  early_win?: boolean;
}

export function useMilestones(allianceId: string, filters: MilestoneFilters) {
  return useQuery({
    queryKey: [...planKey(allianceId), 'milestones', filters],
    queryFn: () =>
      fetchAll((cursor) =>
        unwrap(
          api.GET('/api/v1/alliances/{id}/milestones', {
            params: { path: { id: allianceId }, query: { ...filters, limit: PAGE, cursor } },
          }),
        ),
      ),
    placeholderData: (previous) => previous,
  });
}

export function fetchMilestone(allianceId: string, milestoneId: string) {
  return unwrap(
    api.GET('/api/v1/alliances/{id}/milestones/{milestone_id}', { params: { path: { id: allianceId, milestone_id: milestoneId } } }),
  );
}

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

export function createMilestone(allianceId: string, body: MilestoneCreate) {
  return unwrap(api.POST('/api/v1/alliances/{id}/milestones', { params: { path: { id: allianceId } }, body }));
}

export function updateMilestone(allianceId: string, milestoneId: string, version: number, body: MilestoneUpdate) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/milestones/{milestone_id}', {
      params: { path: { id: allianceId, milestone_id: milestoneId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteMilestone(allianceId: string, milestoneId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/milestones/{milestone_id}', { params: { path: { id: allianceId, milestone_id: milestoneId } } }),
  );
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
  return useQuery({
    queryKey: [...planKey(allianceId), 'kpis'],
    queryFn: () =>
      fetchAll((cursor) =>
        unwrap(api.GET('/api/v1/alliances/{id}/kpis', { params: { path: { id: allianceId }, query: { limit: PAGE, cursor } } })),
      ),
  });
}

export function fetchKpi(allianceId: string, kpiId: string) {
  return unwrap(api.GET('/api/v1/alliances/{id}/kpis/{kpi_id}', { params: { path: { id: allianceId, kpi_id: kpiId } } }));
}

export function createKpi(allianceId: string, body: KpiCreate) {
  return unwrap(api.POST('/api/v1/alliances/{id}/kpis', { params: { path: { id: allianceId } }, body }));
}

export function updateKpi(allianceId: string, kpiId: string, version: number, body: KpiUpdate) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/kpis/{kpi_id}', {
      params: { path: { id: allianceId, kpi_id: kpiId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteKpi(allianceId: string, kpiId: string) {
  return unwrapEmpty(api.DELETE('/api/v1/alliances/{id}/kpis/{kpi_id}', { params: { path: { id: allianceId, kpi_id: kpiId } } }));
}

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
  return useQuery({
    queryKey: [...planKey(allianceId), 'workstreams'],
    queryFn: () =>
      fetchAll((cursor) =>
        unwrap(api.GET('/api/v1/alliances/{id}/workstreams', { params: { path: { id: allianceId }, query: { limit: PAGE, cursor } } })),
      ),
  });
}

export function fetchWorkstream(allianceId: string, workstreamId: string) {
  return unwrap(
    api.GET('/api/v1/alliances/{id}/workstreams/{workstream_id}', { params: { path: { id: allianceId, workstream_id: workstreamId } } }),
  );
}

export function createWorkstream(allianceId: string, body: WorkstreamCreate) {
  return unwrap(api.POST('/api/v1/alliances/{id}/workstreams', { params: { path: { id: allianceId } }, body }));
}

export function updateWorkstream(allianceId: string, workstreamId: string, version: number, body: WorkstreamUpdate) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/workstreams/{workstream_id}', {
      params: { path: { id: allianceId, workstream_id: workstreamId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteWorkstream(allianceId: string, workstreamId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/workstreams/{workstream_id}', { params: { path: { id: allianceId, workstream_id: workstreamId } } }),
  );
}

// ------------------------------------------------------------------ communication plan

export function useCommunications(allianceId: string, category: CommunicationCategory) {
  return useQuery({
    queryKey: [...planKey(allianceId), 'communications', category],
    queryFn: () =>
      fetchAll((cursor) =>
        unwrap(
          api.GET('/api/v1/alliances/{id}/communications', {
            params: { path: { id: allianceId }, query: { category, limit: PAGE, cursor } },
          }),
        ),
      ),
  });
}

export function fetchCommunication(allianceId: string, communicationId: string) {
  return unwrap(
    api.GET('/api/v1/alliances/{id}/communications/{communication_id}', {
      params: { path: { id: allianceId, communication_id: communicationId } },
    }),
  );
}

export function createCommunication(allianceId: string, body: CommunicationCreate) {
  return unwrap(api.POST('/api/v1/alliances/{id}/communications', { params: { path: { id: allianceId } }, body }));
}

export function updateCommunication(allianceId: string, communicationId: string, version: number, body: CommunicationUpdate) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/communications/{communication_id}', {
      params: { path: { id: allianceId, communication_id: communicationId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteCommunication(allianceId: string, communicationId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/communications/{communication_id}', {
      params: { path: { id: allianceId, communication_id: communicationId } },
    }),
  );
}

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
