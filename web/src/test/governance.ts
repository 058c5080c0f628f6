// Governance records for tests: complete, valid against the contract, with only what a test
// cares about passed in.
import { waitFor, within } from '@testing-library/react';
import type { Member } from '../api/types';
import type {
  ActionItem,
  Committee,
  CommitteeMember,
  Decision,
  DecisionRight,
  GovernanceIssue,
  Meeting,
  Stakeholder,
} from '../modules/governance/types';
import { makeAlliance, ME, PARTNER_ID } from './utils';

const alliance = makeAlliance();
let counter = 0;

export function nextId(): string {
  counter += 1;
  return `01a1ffd0-0000-7000-9000-${String(counter).padStart(12, '0')}`;
}

const shared = () => ({
  alliance_id: alliance.id,
  party_id: ME.organization.id,
  party_name: ME.organization.name,
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

export const PARTNER_USER = '01a1ffd0-bd08-7c43-abcb-00000000d4a1';

export function makeMember(overrides: Partial<Member> = {}): Member {
  return {
    user_id: nextId(),
    name: 'Someone',
    email: 'someone@example.com',
    organization_id: ME.organization.id,
    role: 'member',
    added_at: '2026-11-21T20:33:53.064Z',
    version: 1,
    ...overrides,
  };
}

/** Alice (me, Meridian) and Dana (Pulsewise). */
export const MEMBERS: Member[] = [
  makeMember({ user_id: ME.user.id, name: ME.user.name, email: ME.user.email, role: 'manager' }),
  makeMember({ user_id: PARTNER_USER, name: 'Dana Whitfield', email: 'dana@pulsewise.example', organization_id: PARTNER_ID, role: 'manager' }),
];

export function makeSeat(overrides: Partial<CommitteeMember> = {}): CommitteeMember {
  const role = overrides.role ?? 'voting_member';
  return {
    id: nextId(),
    user_id: nextId(),
    name: 'Someone',
    organization_id: ME.organization.id,
    organization_name: ME.organization.name,
    role,
    voting: role === 'chair' || role === 'co_chair' || role === 'voting_member',
    joined_on: '2026-01-10',
    left_on: null,
    current: true,
    ...overrides,
  };
}

export function makeCommittee(overrides: Partial<Committee> = {}): Committee {
  return {
    id: nextId(),
    name: 'Joint Steering Committee',
    kind: 'joint_steering',
    purpose: '',
    decision_scope: '',
    parent_id: null,
    cadence: 'quarterly',
    meeting_minutes: 180,
    quorum_rule: 'every_party_voting',
    chair_rotation: 'none',
    rotation_start: '2026-01-01',
    members: [],
    chair_party_id: null,
    chair_party_name: null,
    ...shared(),
    ...overrides,
  };
}

export function makeDecisionRight(overrides: Partial<DecisionRight> = {}): DecisionRight {
  return {
    id: nextId(),
    decision_type: 'Budget change above €1m',
    description: '',
    committee_id: 'committee',
    committee_name: 'Joint Steering Committee',
    levels: [
      { name: 'Team', committee_id: null, days: 10 },
      { name: 'JDC', committee_id: null, days: 14 },
      { name: 'JSC', committee_id: null, days: 30 },
      { name: 'Executives', committee_id: null, days: 30 },
    ],
    ...shared(),
    ...overrides,
  };
}

export function makeIssue(overrides: Partial<GovernanceIssue> = {}): GovernanceIssue {
  return {
    id: nextId(),
    title: 'Disagreement on the trial budget',
    description: '',
    severity: 'high',
    party_ids: [ME.organization.id, PARTNER_ID],
    decision_right_id: 'right',
    raised_by: ME.user.id,
    raised_by_name: ME.user.name,
    raised_on: '2026-11-10',
    levels: makeDecisionRight().levels,
    current_level: 0,
    current_level_name: 'Team',
    level_due_on: '2026-11-20',
    days_left: 3,
    status: 'open',
    resolution: null,
    ...shared(),
    ...overrides,
  };
}

export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: nextId(),
    committee_id: 'committee',
    committee_name: 'Joint Steering Committee',
    title: 'JSC Q1',
    starts_at: '2027-03-02T14:00:00Z',
    duration_minutes: 90,
    time_zone: 'Europe/Berlin',
    location: '',
    link: '',
    status: 'scheduled',
    agenda: [],
    attendance: [],
    quorum: { rule: 'every_party_voting', met: false, detail: 'Pulsewise Health has no voting member present', present_voting_by_party: [] },
    minutes: { state: 'draft', revision: 1, final_at: null, reviews: [], can_review: false, can_write: true, can_revise: false },
    ...shared(),
    ...overrides,
  };
}

export function makeDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: nextId(),
    committee_id: 'committee',
    committee_name: 'Joint Steering Committee',
    meeting_id: null,
    agenda_item_id: null,
    title: 'Move to phase II in the EU',
    description: '',
    decision_type: 'Go/no-go',
    rationale: '',
    state: 'proposed',
    proposed_on: '2026-11-15',
    decided_on: null,
    votes: [],
    ...shared(),
    ...overrides,
  };
}

export function makeAction(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: nextId(),
    title: 'Send the revised budget',
    description: '',
    meeting_id: null,
    decision_id: null,
    committee_id: null,
    health: null,
    owner_user_id: ME.user.id,
    owner_name: ME.user.name,
    due_on: '2026-12-01',
    status: 'open',
    done_on: null,
    overdue: false,
    ...shared(),
    ...overrides,
  };
}

export function makeStakeholder(overrides: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id: nextId(),
    name: 'Maria Keller',
    title: 'Head of R&D',
    user_id: null,
    influence: 4,
    interest: 4,
    attitude: 'supporter',
    committee_id: null,
    workstream_id: null,
    notes: '',
    quadrant: 'manage_closely',
    ...shared(),
    ...overrides,
  };
}

/** Opens the select named `label` (within `scope`) and chooses `option`. */
export async function pick(user: { click: (element: Element) => Promise<void> }, label: string | RegExp, option: string | RegExp, scope: HTMLElement = document.body) {
  const input = within(scope).getByRole('combobox', { name: label });
  await user.click(input);
  const list = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error(`the ${String(label)} list did not open`);
    return element;
  });
  await user.click(within(list).getByRole('option', { name: option, hidden: true }));
}
