// The words of a wave's results that only the web app reads: the evidence signals beside a
// dimension's scores, and the names of the shipped bank's dimensions for where an action plan is
// listed without its wave's results. Apart from ./labels.ts, so that the answer sheet and my
// surveys do not load them.
import { capitalise, wordsOf } from '../../ui/words';
import type { HealthSignalKey } from './types';

/**
 * The facts the alliance's records hold beside a dimension's scores: each as it reads before its
 * figure ("Decisions waiting more than 30 days: 2", from docs/words.json's `health_signal`), what
 * it counts (as the API guide's "Perception beside evidence" defines it), and for a signal with a
 * figure the alliance set out to reach, what that figure is ("3 of 4 the cadences call for").
 */
export interface SignalWords {
  label: string;
  counts: string;
  expected?: string;
}

const SIGNAL_LABELS = wordsOf('health_signal') as Record<HealthSignalKey, string>;

const SIGNAL_COUNTS: Record<HealthSignalKey, Omit<SignalWords, 'label'>> = {
  decisions_waiting: { counts: 'Decisions proposed 30 days or more before the period’s end and still not decided by then.' },
  decision_days: { counts: 'The median time from proposal to decision, of the decisions decided in the period.' },
  minutes_days: { counts: 'The median time from a meeting of the period to its final minutes, when they were final within the period.' },
  meetings_held: {
    counts: 'Committee meetings of the period that were not cancelled, against what the committees’ cadences call for over the time each committee existed.',
    expected: 'the cadences call for',
  },
  issues_escalated: { counts: 'Issues raised in the period that went beyond their first escalation level.' },
  issue_resolution_days: { counts: 'The median time from raised to resolved, of the issues resolved in the period.' },
  milestones_late: { counts: 'Milestones planned in the period that were achieved after their planned day, or not achieved by the period’s end.' },
  slip_days: { counts: 'The days by which the milestones first due in the period moved from their original day, added up.' },
  kpis_red: { counts: 'KPIs whose last value measured by the period’s end is red against their target.' },
  on_time_rate: { counts: 'The share of obligations due in the period that were fulfilled on time, of those fulfilled or overdue; per owing party.' },
};

export const SIGNAL_WORDS = Object.fromEntries(
  Object.entries(SIGNAL_COUNTS).map(([key, words]) => [key, { label: capitalise(SIGNAL_LABELS[key as HealthSignalKey]), ...words }]),
) as Record<HealthSignalKey, SignalWords>;

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
