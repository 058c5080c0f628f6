// How a wave reads in a list: its days, its response rate per party, its scores, how a score moved
// since the wave before, and the records' evidence beside it.
import { formatDate } from '../../ui/format';
import { NOTHING_TO_MEASURE, SIGNAL_WORDS } from './labels';
import type { HealthDimensionResult, HealthItemScale, HealthResponseCount, HealthSignal, HealthWave } from './types';

/** "Meridian Therapeutics 3 of 4 · Pulsewise Health 1 of 2": who has answered, per party, never who. */
export function responseRate(counts: readonly HealthResponseCount[]): string {
  return counts.map((c) => `${c.party_name} ${c.submitted} of ${c.invited}`).join(' · ');
}

/** "7 Dec 2026 – 21 Dec 2026", and the day a manager closed it early. */
export function waveDays(wave: Pick<HealthWave, 'opens_on' | 'closes_on' | 'closed_on'>): string {
  const days = `${formatDate(wave.opens_on)} – ${formatDate(wave.closes_on)}`;
  return wave.closed_on ? `${days}, closed early on ${formatDate(wave.closed_on)}` : days;
}

/** The day results open: the closing day, unless a manager closes it sooner. */
export function resultsOpenText(wave: Pick<HealthWave, 'closes_on'>): string {
  return `Results open when the wave closes on ${formatDate(wave.closes_on)}.`;
}

/**
 * A score as people read it: dimension and overall scores on 0–100 as whole numbers; an item's
 * on its own scale (1–5 to one decimal, a level as a whole number).
 */
export function formatScore(score: number | null | undefined, scale: HealthItemScale | 'hundred' = 'hundred'): string {
  if (score === null || score === undefined) return '–';
  return scale === 'agreement' ? score.toFixed(1) : String(Math.round(score));
}

/** The gap between parties, on the same scale as their scores; a dash with fewer than two shown. */
export function formatGap(gap: number | null | undefined, scale: HealthItemScale | 'hundred' = 'hundred'): string {
  return gap === null || gap === undefined ? '–' : formatScore(gap, scale);
}

/** The gap that is flagged when the wave sets none: one step of agreement on the 0–100 scale. */
export const DEFAULT_GAP_THRESHOLD = 25;

export function gapThresholdOf(wave: Pick<HealthWave, 'gap_threshold'>): number {
  return wave.gap_threshold ?? DEFAULT_GAP_THRESHOLD;
}

/** Why a slice shows no score: the anonymity rule, in a sentence. */
export function hiddenExplanation(scoreThreshold: number): string {
  return (
    `Hidden to keep the answers anonymous: fewer than ${scoreThreshold} people stand behind it, ` +
    'or, when another group is hidden, showing it would let that group’s answers be worked out from the total.'
  );
}

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
