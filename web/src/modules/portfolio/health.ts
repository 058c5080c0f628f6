// An alliance's health score as the portfolio reads it: the overall score (0–100) of its latest
// closed alliance-wide wave, and how it moved since the wave before. Words only: no chart code and
// no dates, so that the portfolio's first load stays light.
import type { Alliance } from '../../api/types';

export type AllianceHealth = Alliance['health'];

export interface HealthReading {
  /** What the eye reads: "72", or a dash. */
  score: string;
  /** The move since the wave before, in whole points; null when there is nothing to compare. */
  change: number | null;
  /** The same in words, for everyone: "72, up 8 since the previous wave". */
  words: string;
}

export function readHealth(health: AllianceHealth): HealthReading {
  if (!health) return { score: '—', change: null, words: 'no closed wave yet' };
  if (health.score === null) {
    return { score: '—', change: null, words: `hidden in ${health.wave_title}: too few people answered to show it` };
  }
  const score = Math.round(health.score);
  if (health.previous_score === null) return { score: String(score), change: null, words: String(score) };
  const change = score - Math.round(health.previous_score);
  const move = change > 0 ? `up ${change}` : change < 0 ? `down ${-change}` : 'no change';
  return { score: String(score), change, words: `${score}, ${move} since the previous wave` };
}
