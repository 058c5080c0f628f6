// Why a milestone slips, in words: how late it is, which dependency pushes it, and the forecast
// move that would absorb that push. Pure functions over what the server computes
// (`days_late`, `pushed_by`), so the list, the timeline and its tooltip say the same thing.
import { formatDate } from '../../ui/format';
import { addDays } from './format';
import type { Milestone } from './types';

type Push = Milestone['pushed_by'][number];

/** "1 day", "12 days", "3 weeks", "about 4 months": a span a planner reads at a glance. */
export function formatDuration(days: number): string {
  const n = Math.abs(Math.round(days));
  if (n < 14) return `${n} ${n === 1 ? 'day' : 'days'}`;
  if (n % 7 === 0 && n < 70) return `${n / 7} weeks`;
  if (n < 60) return `${n} days`;
  const months = Math.round(n / 30.44);
  return `about ${months} ${months === 1 ? 'month' : 'months'}`;
}

/** The dependencies that pass this milestone's forecast, the one furthest out first. */
export function pushes(milestone: Milestone): Push[] {
  // Fixtures written before these fields existed carry neither; treat them as "nothing to say".
  return [...(milestone.pushed_by ?? [])].sort((a, b) => b.days_later - a.days_later || a.title.localeCompare(b.title));
}

/** "Late by 12 days" for an open milestone whose forecast has passed; null otherwise. */
export function lateSentence(milestone: Milestone): string | null {
  const days = milestone.days_late ?? 0;
  return days > 0 ? `Late by ${formatDuration(days)}` : null;
}

/** "At risk: depends on Hospital A activation, forecast 3 weeks later"; null when nothing pushes it. */
export function riskSentence(milestone: Milestone): string | null {
  const list = pushes(milestone);
  if (list.length === 0) return null;
  const parts = list.map((p) => `${p.title}, forecast ${formatDuration(p.days_later)} later`);
  const last = parts.pop();
  return `At risk: depends on ${parts.length ? `${parts.join('; ')}; and ${last}` : last}`;
}

/** A few words for the chart, beside the milestone: "Late by 12 days", "At risk: Hospital A activation +3 weeks". */
export function slipLabel(milestone: Milestone): string {
  const late = lateSentence(milestone);
  if (late) return late;
  const [first, ...rest] = pushes(milestone);
  if (!first) return '';
  return `At risk: ${first.title} +${formatDuration(first.days_later)}${rest.length ? ` (and ${rest.length} more)` : ''}`;
}

export interface ForecastMove {
  /** The new forecast (`YYYY-MM-DD`). */
  forecast_date: string;
  /** Why, as the forecast history will show it. */
  reason: string;
}

/**
 * The forecast move that clears every push: the current forecast plus the largest slip of a
 * dependency, with a reason that names it. Null when nothing pushes the milestone.
 */
export function moveBySlip(milestone: Milestone): ForecastMove | null {
  const [first, ...rest] = pushes(milestone);
  if (!first) return null;
  const others = rest.length ? ` (and ${rest.length === 1 ? 'one other dependency' : `${rest.length} other dependencies`})` : '';
  return {
    forecast_date: addDays(milestone.forecast_date, first.days_later),
    reason: `Moved ${formatDuration(first.days_later)} later: it depends on ${first.title}${others}, now forecast for ${formatDate(first.date)}.`,
  };
}

/** The label of the action that applies `moveBySlip`: "Move forecast 3 weeks later". */
export function moveBySlipLabel(milestone: Milestone): string | null {
  const first = pushes(milestone)[0];
  return first ? `Move forecast ${formatDuration(first.days_later)} later` : null;
}
