// Plan records for tests: complete, valid against the contract, with only what a test cares
// about passed in.
import type { Kpi, Milestone, Objective, Plan, PlanSummary, Workstream } from '../modules/plans/types';
import { makeAlliance, ME, PARTNER_ID } from './utils';

const alliance = makeAlliance();
let counter = 0;

function nextId(): string {
  counter += 1;
  return `01a1ffd0-0000-7000-8000-${String(counter).padStart(12, '0')}`;
}

const shared = () => ({
  alliance_id: alliance.id,
  visibility: 'alliance' as const,
  owner_organization_id: ME.organization.id,
  owner_organization_name: ME.organization.name,
  author_id: ME.user.id,
  author_name: ME.user.name,
  readers: [],
  version: 1,
  created_at: '2026-11-21T20:33:53.064Z',
  updated_at: '2026-11-21T20:33:53.064Z',
});

export function makeObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: nextId(),
    title: 'First patient in',
    description: '',
    horizon: 'short_term',
    status: 'active',
    party_id: ME.organization.id,
    party_name: ME.organization.name,
    ...shared(),
    ...overrides,
  };
}

export function makeMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: nextId(),
    objective_id: 'objective',
    objective_title: 'First patient in',
    title: 'Protocol approved',
    description: '',
    kind: 'regulatory',
    party_id: ME.organization.id,
    party_name: ME.organization.name,
    responsible_user_id: null,
    responsible_user_name: null,
    original_date: '2027-01-15',
    planned_date: '2027-01-15',
    forecast_date: '2027-01-15',
    actual_date: null,
    slip_days: 0,
    total_slip_days: 0,
    baseline_count: 1,
    status: 'planned',
    status_set: null,
    status_derived: true,
    depends_on: [],
    days_late: 0,
    pushed_by: [],
    early_win: false,
    payment: null,
    ...shared(),
    ...overrides,
  };
}

export function makeKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: nextId(),
    name: 'Patients enrolled per month',
    description: '',
    unit: 'patients',
    direction: 'higher_is_better',
    indicator: 'leading',
    target: 40,
    amber_threshold: 30,
    red_threshold: 20,
    cadence: 'monthly',
    data_source: '',
    party_id: ME.organization.id,
    party_name: ME.organization.name,
    responsible_user_id: null,
    responsible_user_name: null,
    latest: null,
    status: 'no_data',
    values: [],
    ...shared(),
    ...overrides,
  };
}

export function makeWorkstream(overrides: Partial<Workstream> = {}): Workstream {
  return {
    id: nextId(),
    name: 'Clinical',
    description: '',
    party_id: ME.organization.id,
    party_name: ME.organization.name,
    activities: [
      {
        id: nextId(),
        name: 'Protocol design',
        assignments: [
          { organization_id: ME.organization.id, organization_name: ME.organization.name, user_id: null, user_name: null, role: 'A' },
          { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', user_id: null, user_name: null, role: 'C' },
        ],
      },
    ],
    ...shared(),
    ...overrides,
  };
}

export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return { today: '2026-11-21', objectives: [], milestones: [], critical_path: [], ...overrides };
}

export function makeSummary(overrides: Partial<PlanSummary> = {}): PlanSummary {
  return {
    today: '2026-11-21',
    milestones: { total: 0, achieved: 0, due_30_days: 0, late: 0, at_risk: 0 },
    kpis: { total: 0, green: 0, amber: 0, red: 0, no_data: 0 },
    next_milestones: [],
    ...overrides,
  };
}
