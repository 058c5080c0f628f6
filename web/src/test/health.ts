// Health-assessment records for tests: complete, valid against the contract, with only what a test
// cares about passed in.
import type {
  HealthActionPlan,
  HealthDimension,
  HealthDimensionResult,
  HealthItemResult,
  HealthResults,
  HealthSheet,
  HealthSlice,
  HealthTrends,
  HealthWave,
  MySurvey,
  QuestionBank,
} from '../modules/health/types';
import { MEMBERS, nextId, PARTNER_USER } from './governance';
import { makeAlliance, ME, PARTNER_ID } from './utils';

const alliance = makeAlliance();
const MERIDIAN = 'Meridian Therapeutics';
const PULSEWISE = 'Pulsewise Health';

export const BANK_ID = '01a1ffd0-0000-7000-9000-00000000b001';

/** Two dimensions: trust (two agreement items) and governance (one agreement item, one level item). */
export const DIMENSIONS: HealthDimension[] = [
  {
    key: 'trust',
    name: 'Trust',
    description: 'Whether each party believes the other will act in the alliance’s interest.',
    items: [
      { key: 'trust.good_faith', text: 'We assume good intentions before drawing conclusions.', scale: 'agreement' },
      { key: 'trust.keeps_word', text: 'The other party does what it says it will do.', scale: 'agreement' },
    ],
  },
  {
    key: 'governance',
    name: 'Governance and decision making',
    description: 'Whether decisions are made by the right people, quickly enough.',
    items: [
      { key: 'governance.speed', text: 'Decisions are made quickly enough for the work.', scale: 'agreement' },
      {
        key: 'governance.escalation',
        text: 'How are disagreements escalated?',
        scale: 'level',
        levels: {
          0: 'They are not: they fester.',
          25: 'Only when a deadline is missed.',
          50: 'By whoever notices, case by case.',
          75: 'Through the agreed path, most of the time.',
          100: 'Through the agreed path, with deadlines, reviewed each year.',
        },
      },
    ],
  },
];

export function makeBank(overrides: Partial<QuestionBank> = {}): QuestionBank {
  return {
    id: BANK_ID,
    organization_id: null,
    shipped: true,
    key: 'northstar-alliance-health',
    bank_version: 1,
    name: 'Alliance health check',
    about: 'Questions for a periodic health check of one alliance.',
    dimensions: DIMENSIONS,
    based_on_id: null,
    frozen: true,
    version: 1,
    created_at: '2026-11-21T20:33:53.064Z',
    updated_at: '2026-11-21T20:33:53.064Z',
    ...overrides,
  };
}

export function makeWave(overrides: Partial<HealthWave> = {}): HealthWave {
  return {
    id: nextId(),
    alliance_id: alliance.id,
    title: 'Health check, autumn 2026',
    bank_id: BANK_ID,
    bank_name: 'Alliance health check',
    opens_on: '2026-11-01',
    closes_on: '2026-11-30',
    closed_on: null,
    status: 'open',
    score_threshold: 3,
    comment_threshold: 5,
    gap_threshold: null,
    locked: false,
    respondents: [
      { user_id: ME.user.id, name: ME.user.name, organization_id: ME.organization.id, role: 'alliance_manager' },
      { user_id: PARTNER_USER, name: 'Dana Whitfield', organization_id: PARTNER_ID, role: 'alliance_manager' },
    ],
    response_counts: [
      { party_id: ME.organization.id, party_name: MERIDIAN, invited: 4, submitted: 3 },
      { party_id: PARTNER_ID, party_name: PULSEWISE, invited: 2, submitted: 1 },
    ],
    my_role: 'alliance_manager',
    i_submitted: false,
    party_id: ME.organization.id,
    party_name: MERIDIAN,
    visibility: 'alliance',
    owner_organization_id: ME.organization.id,
    owner_organization_name: MERIDIAN,
    author_id: ME.user.id,
    author_name: ME.user.name,
    readers: [],
    version: 1,
    created_at: '2026-10-21T20:33:53.064Z',
    updated_at: '2026-10-21T20:33:53.064Z',
    ...overrides,
  };
}

export function makeSheet(overrides: Partial<HealthSheet> = {}): HealthSheet {
  return {
    wave: makeWave(),
    bank: { name: 'Alliance health check', about: 'Questions for a periodic health check of one alliance.' },
    dimensions: DIMENSIONS,
    answers: [],
    submitted: false,
    ...overrides,
  };
}

export function slice(key: string, name: string, score: number | null, answers = 6): HealthSlice {
  return score === null ? { key, name, hidden: true, score: null, answers: 0, dont_know: 0 } : { key, name, hidden: false, score, answers, dont_know: 1 };
}

const ALL = 'All parties';

function itemResult(key: string, text: string, scale: 'agreement' | 'level', scores: [number | null, number | null, number | null]): HealthItemResult {
  const [all, meridian, pulsewise] = scores;
  const gap = meridian !== null && pulsewise !== null ? Math.abs(meridian - pulsewise) : null;
  return {
    key,
    text,
    scale,
    overall: slice('all', ALL, all),
    parties: [slice(ME.organization.id, MERIDIAN, meridian), slice(PARTNER_ID, PULSEWISE, pulsewise)],
    gap,
    gap_flagged: gap !== null && gap >= (scale === 'agreement' ? 1 : 25),
    distribution: all === null ? null : scale === 'agreement' ? { 1: 0, 2: 1, 3: 2, 4: 3, 5: 1, dont_know: 1 } : { 0: 0, 25: 1, 50: 2, 75: 2, 100: 1, dont_know: 0 },
  };
}

export const PREVIOUS_WAVE_ID = '01a1ffd0-0000-7000-9000-0000000a0000';
export const PREVIOUS_WAVE_TITLE = 'Health check, spring 2026';
export const JSC_ID = '01a1ffd0-0000-7000-9000-00000000c001';

export function makeActionPlan(overrides: Partial<HealthActionPlan> = {}): HealthActionPlan {
  return {
    id: nextId(),
    title: 'Answer data requests within a week',
    status: 'open',
    due_on: '2027-01-31',
    overdue: false,
    owner_name: ME.user.name,
    committee_id: JSC_ID,
    committee_name: 'Joint Steering Committee',
    wave_id: PREVIOUS_WAVE_ID,
    wave_title: PREVIOUS_WAVE_TITLE,
    item_key: null,
    ...overrides,
  };
}

/**
 * A closed wave's results: trust with a large, flagged gap (Meridian 80, Pulsewise 40) and five
 * comments, up 12 since the spring wave, with an overdue action plan from that wave and no
 * evidence to measure; governance with Pulsewise hidden (too few people) and so no gap, and too
 * few comments, down 5 since the spring wave, with the records' evidence: decisions waiting,
 * none decided, meetings against the cadences, each party's on-time rate.
 */
export function makeResults(): HealthResults {
  const trust: HealthDimensionResult = {
    key: 'trust',
    name: 'Trust',
    overall: slice('all', ALL, 65),
    parties: [slice(ME.organization.id, MERIDIAN, 80), slice(PARTNER_ID, PULSEWISE, 40)],
    roles: [slice('alliance_manager', 'alliance_manager', 70), slice('team_member', 'team_member', null)],
    gap: 40,
    gap_flagged: true,
    items: [
      itemResult('trust.good_faith', 'We assume good intentions before drawing conclusions.', 'agreement', [3.6, 4.2, 2.6]),
      itemResult('trust.keeps_word', 'The other party does what it says it will do.', 'agreement', [3.8, 4, 3.5]),
    ],
    comments: ['Weekly calls help.', 'Slow answers on data requests.', 'Good faith on both sides.', 'We need a shared tracker.', 'The JSC works.'],
    previous: { wave_id: PREVIOUS_WAVE_ID, title: PREVIOUS_WAVE_TITLE, closed_on: '2026-05-31', score: 53 },
    evidence: [],
    action_plans: [
      makeActionPlan({
        title: 'Monthly review of open data requests',
        status: 'in_progress',
        due_on: '2026-10-01',
        overdue: true,
        owner_name: 'Dana Whitfield',
        item_key: 'trust.keeps_word',
      }),
    ],
  };
  const governance: HealthDimensionResult = {
    key: 'governance',
    name: 'Governance and decision making',
    overall: slice('all', ALL, 55),
    parties: [slice(ME.organization.id, MERIDIAN, null), slice(PARTNER_ID, PULSEWISE, null)],
    roles: [],
    gap: null,
    gap_flagged: false,
    items: [
      itemResult('governance.speed', 'Decisions are made quickly enough for the work.', 'agreement', [3.1, null, null]),
      itemResult('governance.escalation', 'How are disagreements escalated?', 'level', [null, null, null]),
    ],
    comments: null,
    previous: { wave_id: PREVIOUS_WAVE_ID, title: PREVIOUS_WAVE_TITLE, closed_on: '2026-05-31', score: 60.4 },
    evidence: [
      { key: 'decisions_waiting', value: 2, expected: null, unit: 'count', better: 'lower', by_party: null },
      { key: 'decision_days', value: null, expected: null, unit: 'days', better: 'lower', by_party: null },
      { key: 'meetings_held', value: 3, expected: 4, unit: 'count', better: 'higher', by_party: null },
      {
        key: 'on_time_rate',
        value: 85,
        expected: null,
        unit: 'percent',
        better: 'higher',
        by_party: [
          { party_id: ME.organization.id, party_name: MERIDIAN, value: 92 },
          { party_id: PARTNER_ID, party_name: PULSEWISE, value: 71.4 },
        ],
      },
    ],
    action_plans: [],
  };
  return {
    wave: makeWave({ status: 'closed', closes_on: '2026-11-15', i_submitted: true, locked: true }),
    scale: 'Dimension and overall scores are on a 0–100 scale.',
    overall: slice('all', ALL, 61),
    parties: [slice(ME.organization.id, MERIDIAN, 68), slice(PARTNER_ID, PULSEWISE, 47)],
    dimensions: [governance, trust],
    evidence_period: { from: '2026-06-01', to: '2026-11-15' },
  };
}

/**
 * Two closed waves: spring (overall 58, trust 53, governance hidden) and autumn (overall 61, trust
 * 65, governance 55, and communication, which spring did not ask about).
 */
export function makeTrends(spring = '01a1ffd0-0000-7000-9000-0000000e0002'): HealthTrends {
  const parties = (meridian: number | null, pulsewise: number | null) => [slice(ME.organization.id, MERIDIAN, meridian), slice(PARTNER_ID, PULSEWISE, pulsewise)];
  return {
    waves: [
      {
        wave_id: spring,
        title: 'Spring health check',
        closed_on: '2026-04-10',
        overall: slice('all', ALL, 58),
        parties: parties(62, 50),
        dimensions: [
          { key: 'trust', name: 'Trust', overall: slice('all', ALL, 53.4), parties: parties(60, 45) },
          { key: 'governance', name: 'Governance and decision making', overall: slice('all', ALL, null), parties: parties(null, null) },
        ],
      },
      {
        wave_id: PREVIOUS_WAVE_ID,
        title: 'Autumn health check',
        closed_on: '2026-11-15',
        overall: slice('all', ALL, 61),
        parties: parties(68, 47),
        dimensions: [
          { key: 'trust', name: 'Trust', overall: slice('all', ALL, 65), parties: parties(80, 40) },
          { key: 'governance', name: 'Governance and decision making', overall: slice('all', ALL, 55), parties: parties(null, null) },
          { key: 'communication', name: 'Communication', overall: slice('all', ALL, 70), parties: parties(72, 66) },
        ],
      },
    ],
  };
}

export function makeSurvey(overrides: Partial<MySurvey> = {}): MySurvey {
  return {
    alliance_id: alliance.id,
    alliance_name: alliance.name,
    wave_id: nextId(),
    title: 'Health check, autumn 2026',
    opens_on: '2026-11-01',
    closes_on: '2026-11-30',
    status: 'open',
    submitted: false,
    ...overrides,
  };
}

export { MEMBERS, PARTNER_USER };
