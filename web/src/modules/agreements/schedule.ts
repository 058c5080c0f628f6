// How an obligation falls due, in one line of words: once, on a recurrence (in the words of the
// recurrence picker, see recurrence.ts), or some days after a plan milestone. Pure functions.
import { formatDate } from '../../ui/format';
import { describeRrule } from './recurrence';
import type { Obligation } from './types';

/** "Once, 1 Mar 2027", "Every quarter on the last day, from 31 Mar 2027", "30 days after “First patient in”". */
export function describeSchedule(
  o: Pick<Obligation, 'schedule' | 'due_on' | 'starts_on' | 'rrule' | 'milestone_title' | 'offset_days'>,
  format: (day: string | null) => string = formatDate,
): string {
  switch (o.schedule) {
    case 'once':
      return `Once, ${format(o.due_on)}`;
    case 'recurring':
      // A rule the picker cannot put in words is still a recurrence; its text is for the form's Advanced field.
      return `${describeRrule(o.rrule, o.starts_on) ?? 'On a custom recurrence'}, from ${format(o.starts_on)}`;
    case 'milestone': {
      const days = o.offset_days ?? 0;
      const milestone = o.milestone_title ? `“${o.milestone_title}”` : 'a milestone';
      return days === 0 ? `When ${milestone} is achieved` : `${days} ${days === 1 ? 'day' : 'days'} after ${milestone} is achieved`;
    }
  }
}
