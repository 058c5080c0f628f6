// How a dimension's results read beside the wave before and beside the alliance's records: how its
// score moved, and each evidence signal in words, with its figure in its unit.
import { formatDate } from '../../ui/format';
import { NOTHING_TO_MEASURE, SIGNAL_WORDS } from './resultLabels';
import type { HealthDimensionResult, HealthSignal } from './types';

/** How a dimension's overall score moved since the same dimension in the wave before. */
export interface Movement {
  /** The difference of the two scores as they read, each rounded to a whole number. */
  change: number;
  /** "+12 since Health check, spring 2026", "−5 since …", "No change since …". */
  text: string;
}

/** Null when there is no wave before, or either score is hidden. */
export function movementOf(dimension: Pick<HealthDimensionResult, 'overall' | 'previous'>): Movement | null {
  const { overall, previous } = dimension;
  if (!previous || previous.score === null || overall.hidden || overall.score === null) return null;
  const change = Math.round(overall.score) - Math.round(previous.score);
  const since = `since ${previous.title}`;
  const text = change > 0 ? `+${change} ${since}` : change < 0 ? `−${-change} ${since}` : `No change ${since}`;
  return { change, text };
}

/** A figure in its unit: "2", "12 days", "92 %". */
export function signalFigure(value: number, unit: HealthSignal['unit']): string {
  const n = Math.round(value);
  if (unit === 'days') return `${n} ${n === 1 ? 'day' : 'days'}`;
  if (unit === 'percent') return `${n} %`;
  return String(n);
}

/**
 * A signal as it reads: its words and its figure — "Meetings held" and "3 of 4 the cadences call
 * for"; per party for a signal measured per party ("Meridian 92 %, Pulsewise 71 %"); "nothing to
 * measure" when the period had nothing to count.
 */
export function signalText(signal: HealthSignal): { label: string; figure: string } {
  const words = SIGNAL_WORDS[signal.key];
  if (signal.by_party && signal.by_party.length > 0) {
    const figure = signal.by_party
      .map((p) => (p.value === null ? `${p.party_name}: ${NOTHING_TO_MEASURE}` : `${p.party_name} ${signalFigure(p.value, signal.unit)}`))
      .join(', ');
    return { label: words.label, figure };
  }
  if (signal.value === null) return { label: words.label, figure: NOTHING_TO_MEASURE };
  const figure = signalFigure(signal.value, signal.unit);
  if (signal.expected === null) return { label: words.label, figure };
  const expected = signal.unit === 'count' ? String(Math.round(signal.expected)) : signalFigure(signal.expected, signal.unit);
  return { label: words.label, figure: `${figure} of ${expected} ${words.expected ?? 'expected'}` };
}

/** Whether a figure falls short of the one the alliance set out to reach. */
export function behindPlan(signal: HealthSignal): boolean {
  if (signal.value === null || signal.expected === null) return false;
  return signal.better === 'higher' ? signal.value < signal.expected : signal.value > signal.expected;
}

/** "Evidence from 1 Jun 2026 to 15 Nov 2026". */
export function evidencePeriodText(period: { from: string; to: string }): string {
  return `Evidence from ${formatDate(period.from)} to ${formatDate(period.to)}`;
}
