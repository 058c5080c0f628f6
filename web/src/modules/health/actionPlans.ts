// Turning a closed wave's result into an action plan: an action item of the alliance's governance,
// followed up by a committee. Apart from ./queries.ts, so that the pages that read health waves (the
// answer sheet, my surveys) do not load governance's calls with them.
import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { refreshGovernance } from '../governance/queries';
import type { ActionItem } from '../governance/types';
import { refreshHealth } from './queries';
import type { HealthActionPlanCreate } from './types';

/**
 * After an action plan is made: the results list it beside its dimension, and it is an action item
 * of the alliance's governance (the committee's actions, my actions).
 */
export function refreshActionPlans(queryClient: QueryClient, allianceId: string): void {
  refreshHealth(queryClient, allianceId);
  refreshGovernance(queryClient, allianceId);
}

/** Turns a closed wave's result into an action item, followed up by a committee. */
export function createActionPlan(allianceId: string, waveId: string, body: HealthActionPlanCreate): Promise<ActionItem> {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/health-waves/{wave_id}/action-plans', { params: { path: { id: allianceId, wave_id: waveId } }, body }),
  );
}

