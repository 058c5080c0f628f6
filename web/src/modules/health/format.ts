// How a wave reads in a list: its days, its response rate per party, its scores.
import { formatDate } from '../../ui/format';
import type { HealthItemScale, HealthResponseCount, HealthWave } from './types';

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

