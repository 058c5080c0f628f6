// How an obligation falls due, in words: the recurrence presets the form offers (RFC 5545 RRULE
// text, the subset the server accepts) and a one-line description of a schedule. Pure functions.
import { formatDate } from '../../ui/format';
import type { Obligation } from './types';

export interface RrulePreset {
  value: string;
  label: string;
  rrule: string;
}

export const RRULE_PRESETS: RrulePreset[] = [
  { value: 'monthly', label: 'Monthly', rrule: 'FREQ=MONTHLY' },
  { value: 'monthly-last', label: 'Monthly, last day of the month', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' },
  { value: 'quarterly', label: 'Quarterly', rrule: 'FREQ=MONTHLY;INTERVAL=3' },
  { value: 'quarterly-last', label: 'Quarterly, last day of quarter month', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1' },
  { value: 'half-yearly', label: 'Twice a year', rrule: 'FREQ=MONTHLY;INTERVAL=6' },
  { value: 'yearly', label: 'Yearly', rrule: 'FREQ=YEARLY' },
];

export const CUSTOM_PRESET = 'custom';

/** Parts of a rule, upper-cased and in a fixed order, so that "interval=3;freq=monthly" matches too. */
function normalise(rrule: string): string {
  return rrule
    .replace(/^RRULE:/i, '')
    .split(';')
    .map((part) => part.trim().toUpperCase())
    .filter(Boolean)
    .sort()
    .join(';');
}

/** The preset a rule is, or "custom". */
export function presetOf(rrule: string | null | undefined): string {
  if (!rrule) return CUSTOM_PRESET;
  const wanted = normalise(rrule);
  return RRULE_PRESETS.find((p) => normalise(p.rrule) === wanted)?.value ?? CUSTOM_PRESET;
}

/** A rule in words: a preset's name, or the rule itself. */
export function describeRrule(rrule: string | null | undefined): string {
  const preset = RRULE_PRESETS.find((p) => p.value === presetOf(rrule));
  return preset ? preset.label : (rrule ?? '');
}

/** "Once, 1 Mar 2027", "Quarterly, from 31 Mar 2027", "30 days after “First patient in”". */
export function describeSchedule(
  o: Pick<Obligation, 'schedule' | 'due_on' | 'starts_on' | 'rrule' | 'milestone_title' | 'offset_days'>,
  format: (day: string | null) => string = formatDate,
): string {
  switch (o.schedule) {
    case 'once':
      return `Once, ${format(o.due_on)}`;
    case 'recurring':
      return `${describeRrule(o.rrule)}, from ${format(o.starts_on)}`;
    case 'milestone': {
      const days = o.offset_days ?? 0;
      const milestone = o.milestone_title ? `“${o.milestone_title}”` : 'a milestone';
      return days === 0 ? `When ${milestone} is achieved` : `${days} ${days === 1 ? 'day' : 'days'} after ${milestone} is achieved`;
    }
  }
}
