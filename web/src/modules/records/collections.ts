// The collections of an alliance's records, each declared once, by its two paths. Any feature reads
// any of them from here (an obligation may fall due after a plan milestone, a stakeholder belongs
// to a workstream); the feature that owns a collection keeps what is its own (its filters, its
// forms, its other calls) in its queries.ts.
//
// Each area's lists live under the area's key, so that the owning feature's one invalidation
// after a change (`refreshPlan`, `refreshGovernance`, `refreshAgreements`) refreshes them too,
// wherever they are shown.
import { recordCollection } from './collection';

export const planKey = (allianceId: string) => ['alliance', allianceId, 'plan'] as const;
export const governanceKey = (allianceId: string) => ['alliance', allianceId, 'governance'] as const;
export const agreementsKey = (allianceId: string) => ['alliance', allianceId, 'agreements'] as const;
export const healthKey = (allianceId: string) => ['alliance', allianceId, 'health'] as const;

// ------------------------------------------------------------------ plan

export const objectives = recordCollection({ root: planKey, name: 'objectives', path: '/api/v1/alliances/{id}/objectives', idParam: 'objective_id' });
export const milestones = recordCollection({ root: planKey, name: 'milestones', path: '/api/v1/alliances/{id}/milestones', idParam: 'milestone_id' });
export const kpis = recordCollection({ root: planKey, name: 'kpis', path: '/api/v1/alliances/{id}/kpis', idParam: 'kpi_id' });
export const workstreams = recordCollection({ root: planKey, name: 'workstreams', path: '/api/v1/alliances/{id}/workstreams', idParam: 'workstream_id' });
export const communications = recordCollection({
  root: planKey,
  name: 'communications',
  path: '/api/v1/alliances/{id}/communications',
  idParam: 'communication_id',
});

// ------------------------------------------------------------------ governance

export const committees = recordCollection({ root: governanceKey, name: 'committees', path: '/api/v1/alliances/{id}/committees', idParam: 'committee_id' });
export const decisionRights = recordCollection({
  root: governanceKey,
  name: 'decision-rights',
  path: '/api/v1/alliances/{id}/decision-rights',
  idParam: 'decision_right_id',
});
export const issues = recordCollection({ root: governanceKey, name: 'issues', path: '/api/v1/alliances/{id}/issues', idParam: 'issue_id' });
export const meetings = recordCollection({ root: governanceKey, name: 'meetings', path: '/api/v1/alliances/{id}/meetings', idParam: 'meeting_id' });
export const decisions = recordCollection({ root: governanceKey, name: 'decisions', path: '/api/v1/alliances/{id}/decisions', idParam: 'decision_id' });
export const actions = recordCollection({ root: governanceKey, name: 'actions', path: '/api/v1/alliances/{id}/actions', idParam: 'action_id' });
export const stakeholders = recordCollection({
  root: governanceKey,
  name: 'stakeholders',
  path: '/api/v1/alliances/{id}/stakeholders',
  idParam: 'stakeholder_id',
});

// ------------------------------------------------------------------ agreements

export const agreements = recordCollection({ root: agreementsKey, name: 'agreements', path: '/api/v1/alliances/{id}/agreements', idParam: 'agreement_id' });
export const obligations = recordCollection({
  root: agreementsKey,
  name: 'obligations',
  path: '/api/v1/alliances/{id}/obligations',
  idParam: 'obligation_id',
});
export const restrictions = recordCollection({
  root: agreementsKey,
  name: 'restrictions',
  path: '/api/v1/alliances/{id}/restrictions',
  idParam: 'restriction_id',
});
export const ipAssets = recordCollection({ root: agreementsKey, name: 'ip-assets', path: '/api/v1/alliances/{id}/ip-assets', idParam: 'ip_asset_id' });
export const datasets = recordCollection({ root: agreementsKey, name: 'datasets', path: '/api/v1/alliances/{id}/datasets', idParam: 'dataset_id' });

// ------------------------------------------------------------------ health

export const healthWaves = recordCollection({ root: healthKey, name: 'waves', path: '/api/v1/alliances/{id}/health-waves', idParam: 'wave_id' });
