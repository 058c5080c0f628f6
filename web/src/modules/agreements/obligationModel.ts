// The obligation form's values and the bodies sent for them: who owes whom, and how it falls due
// (once, on a recurrence rule, or some days after a plan milestone). Pure functions.
import { accessBody } from '../records/forms';
import { numberOrNull, reminderNumbers } from './agreementModel';
import type { Obligation, ObligationCategory, ObligationCreate, ObligationDirection, ObligationSchedule } from './types';

type Visibility = 'alliance' | 'party' | 'restricted';

export interface ObligationValues {
  agreement_id: string | null;
  clause_ref: string;
  title: string;
  description: string;
  category: ObligationCategory;
  direction: ObligationDirection;
  owed_by: string | null;
  owed_to: string | null;
  responsible_user_id: string | null;
  schedule: ObligationSchedule;
  due_on: string | null;
  starts_on: string | null;
  /** The RFC 5545 rule, as the recurrence picker writes it (or as typed under Advanced). */
  rrule: string;
  milestone_id: string | null;
  offset_days: number | string;
  reminder_days: string[];
  visibility: Visibility;
  readers: string[];
}

export function newObligationValues({ agreement_id = null, responsible_user_id = null }: { agreement_id?: string | null; responsible_user_id?: string | null }): ObligationValues {
  return {
    agreement_id,
    clause_ref: '',
    title: '',
    description: '',
    category: 'reporting',
    direction: 'owed',
    owed_by: null,
    owed_to: null,
    responsible_user_id,
    schedule: 'once',
    due_on: null,
    starts_on: null,
    rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1',
    milestone_id: null,
    offset_days: 0,
    reminder_days: ['14', '3'],
    visibility: 'alliance',
    readers: [],
  };
}

export function obligationToValues(o: Obligation): ObligationValues {
  return {
    agreement_id: o.agreement_id,
    clause_ref: o.clause_ref,
    title: o.title,
    description: o.description,
    category: o.category,
    direction: o.direction,
    owed_by: o.owed_by,
    owed_to: o.owed_to,
    responsible_user_id: o.responsible_user_id,
    schedule: o.schedule,
    due_on: o.due_on,
    starts_on: o.starts_on,
    rrule: o.rrule ?? '',
    milestone_id: o.milestone_id,
    offset_days: o.offset_days ?? 0,
    reminder_days: o.reminder_days.map(String),
    visibility: o.visibility,
    readers: [...o.readers],
  };
}

/**
 * The create body (and the base of an update's patch): owed-by and owed-to only when one party
 * owes another, and only the fields of the chosen schedule (the others null).
 */
export function obligationBody(v: ObligationValues): ObligationCreate {
  const owed = v.direction === 'owed';
  return {
    agreement_id: v.agreement_id ?? '',
    clause_ref: v.clause_ref.trim(),
    title: v.title.trim(),
    description: v.description,
    category: v.category,
    direction: v.direction,
    owed_by: owed ? v.owed_by : null,
    owed_to: owed ? v.owed_to : null,
    responsible_user_id: v.responsible_user_id,
    schedule: v.schedule,
    due_on: v.schedule === 'once' ? v.due_on : null,
    starts_on: v.schedule === 'recurring' ? v.starts_on : null,
    rrule: v.schedule === 'recurring' ? v.rrule.trim() : null,
    milestone_id: v.schedule === 'milestone' ? v.milestone_id : null,
    offset_days: v.schedule === 'milestone' ? (numberOrNull(v.offset_days) ?? 0) : 0,
    reminder_days: reminderNumbers(v.reminder_days),
    ...accessBody(v),
  };
}
