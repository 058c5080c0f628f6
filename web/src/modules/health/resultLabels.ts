// The words of a wave's results that only the web app reads: the evidence signals beside a
// dimension's scores, and the names of the shipped bank's dimensions for where an action plan is
// listed without its wave's results. Apart from ./labels.ts, so that the answer sheet and my
// surveys do not load them.
import type { HealthSignalKey } from './types';

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
