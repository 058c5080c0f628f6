// Orders and colours for the health-assessment API's values; their words come from docs/words.json,
// which the server's exports read too. The evidence signals and the shipped bank's dimension names
// are words only the web app reads, and are kept here.
import { capitalise, wordsOf } from '../../ui/words';
import type { HealthRespondentRole, HealthSignalKey, HealthWaveStatus } from './types';

export const WAVE_STATUSES: HealthWaveStatus[] = ['scheduled', 'open', 'closed'];

export const WAVE_STATUS_LABELS: Record<HealthWaveStatus, string> = wordsOf('health_wave.status');

export const WAVE_STATUS_COLORS: Record<HealthWaveStatus, string> = { scheduled: 'blue', open: 'teal', closed: 'gray' };

export const RESPONDENT_ROLES: HealthRespondentRole[] = ['team_member', 'alliance_manager', 'executive_sponsor', 'finance', 'other'];

export const RESPONDENT_ROLE_LABELS: Record<HealthRespondentRole, string> = wordsOf('health_respondent.role');

/** The agreement scale's answers, 1 to 5, and don't know (`dont_know`). */
export const AGREEMENT_VALUES = [1, 2, 3, 4, 5] as const;
/** A level item's levels. */
export const LEVEL_VALUES = [0, 25, 50, 75, 100] as const;

const ANSWER_WORDS = wordsOf('health_answer.agreement');

/** "Strongly disagree" … "Strongly agree". */
export function agreementLabel(value: number): string {
  return (ANSWER_WORDS as Record<string, string>)[String(value)] ?? String(value);
}

export const DONT_KNOW_LABEL = ANSWER_WORDS.dont_know;

/** The fields of a wave, as labels ("Opening day"). */
const FIELD_WORDS = wordsOf('field.health_wave');
export const WAVE_FIELD_LABELS = {
  title: capitalise(FIELD_WORDS.title),
  bank_id: capitalise(FIELD_WORDS.bank_id),
  opens_on: capitalise(FIELD_WORDS.opens_on),
  closes_on: capitalise(FIELD_WORDS.closes_on),
  score_threshold: capitalise(FIELD_WORDS.score_threshold),
  comment_threshold: capitalise(FIELD_WORDS.comment_threshold),
  gap_threshold: capitalise(FIELD_WORDS.gap_threshold),
  respondents: capitalise(FIELD_WORDS.respondents),
  visibility: capitalise(FIELD_WORDS.visibility),
};

/** The role a member is most likely asked in, from their role in the alliance. */
export function defaultRespondentRole(allianceRole: string): HealthRespondentRole {
  if (allianceRole === 'manager') return 'alliance_manager';
  if (allianceRole === 'executive') return 'executive_sponsor';
  if (allianceRole === 'member') return 'team_member';
  return 'other';
}

/**
 * The facts the alliance's records hold beside a dimension's scores, each as it reads before its
 * figure ("Decisions waiting more than 30 days: 2"), what it counts, and for a signal with a
 * figure the alliance set out to reach, what that figure is ("3 of 4 the cadences call for").
 */
export interface SignalWords {
  label: string;
  counts: string;
  expected?: string;
}

export const SIGNAL_WORDS: Record<HealthSignalKey, SignalWords> = {
  decisions_waiting: {
    label: 'Decisions waiting more than 30 days',
    counts: 'Decisions proposed and still not decided more than 30 days later.',
  },
  decision_days: {
    label: 'Days from proposal to decision',
    counts: 'How long the decisions decided in the period took, from proposed to decided.',
  },
  minutes_days: {
    label: 'Days from a meeting to its final minutes',
    counts: 'How long the minutes of the period’s meetings took to be final, once every party had reviewed them.',
  },
  meetings_held: {
    label: 'Meetings held',
    counts: 'Committee meetings held in the period, against the number the committees’ cadences call for.',
    expected: 'the cadences call for',
  },
  issues_escalated: {
    label: 'Issues escalated',
    counts: 'Issues escalated to a higher level in the period.',
  },
  issue_resolution_days: {
    label: 'Days to resolve an issue',
    counts: 'How long the issues resolved in the period took, from raised to resolved.',
  },
  milestones_late: {
    label: 'Milestones late',
    counts: 'Milestones that passed their planned date in the period without being achieved.',
  },
  slip_days: {
    label: 'Days milestones slipped',
    counts: 'How many days the milestones’ forecast dates moved later in the period.',
  },
  kpis_red: {
    label: 'KPIs in the red',
    counts: 'KPIs whose latest value in the period is red against their target.',
  },
  on_time_rate: {
    label: 'On-time rate',
    counts: 'The share of each party’s obligations due in the period that were fulfilled on time.',
  },
};

/** A signal with nothing to count in the period (no decision decided, say). */
export const NOTHING_TO_MEASURE = 'nothing to measure';

/** A figure worse than the one the alliance set out to reach. */
export const BEHIND_PLAN = 'Behind plan';

/**
 * The names of the dimensions of the bank shipped with Northstar (db/health/default-bank.json), by
 * key: where a list shows an action plan's dimension without loading its wave's results. A wave
 * of another bank names its own dimensions in its results.
 */
export const DEFAULT_BANK_DIMENSION_NAMES: Readonly<Record<string, string>> = {
  north_star: 'North Star and strategic alignment',
  trust: 'Trust',
  communication: 'Communication',
  governance: 'Governance and decision making',
  value: 'Value creation for every party',
  ways_of_working: 'Cultural fit and ways of working',
  conflict: 'Conflict resolution',
  execution: 'Execution and operational effectiveness',
  commitments: 'Contract and commitments',
  executive_support: 'Senior-executive support',
  people: 'People joining and leaving',
};

/** A dimension of the shipped bank by its key; null for a key of another bank. */
export function defaultDimensionName(key: string): string | null {
  return Object.hasOwn(DEFAULT_BANK_DIMENSION_NAMES, key) ? (DEFAULT_BANK_DIMENSION_NAMES[key] ?? null) : null;
}

/** The words of an action plan made from a dimension's result. */
export const FROM_HEALTH_ASSESSMENT = 'From the health assessment';
