// The milestone form's values and how they become API requests. Pure functions.
import type { Visibility } from '../../api/types';
import { accessBody } from '../records/forms';
import { fromMinorUnits, toMinorUnits } from './format';
import type { Milestone, MilestoneCreate, MilestoneKind, MilestonePaymentInput, MilestoneStatus, MilestoneUpdate } from './types';

/** `auto`: the status follows from the dates. */
export type StatusChoice = MilestoneStatus | 'auto';

export interface MilestoneValues {
  objective_id: string | null;
  title: string;
  description: string;
  kind: MilestoneKind | null;
  party_id: string | null;
  responsible_user_id: string | null;
  planned_date: string | null;
  forecast_date: string | null;
  actual_date: string | null;
  status: StatusChoice;
  depends_on: string[];
  early_win: boolean;
  has_payment: boolean;
  /** Major units as typed ("2500000.50"). */
  amount: string | number;
  currency: string;
  payer_party_id: string | null;
  payee_party_id: string | null;
  visibility: Visibility;
  readers: string[];
  /** Why the forecast moved; sent only with a new forecast date. */
  reason: string;
}

export function newMilestoneValues(defaults: {
  objective_id?: string | null;
  party_id: string;
  currency: string;
}): MilestoneValues {
  return {
    objective_id: defaults.objective_id ?? null,
    title: '',
    description: '',
    kind: null,
    party_id: defaults.party_id,
    responsible_user_id: null,
    planned_date: null,
    forecast_date: null,
    actual_date: null,
    status: 'auto',
    depends_on: [],
    early_win: false,
    has_payment: false,
    amount: '',
    currency: defaults.currency,
    payer_party_id: null,
    payee_party_id: null,
    visibility: 'alliance',
    readers: [],
    reason: '',
  };
}

export function milestoneToValues(milestone: Milestone, fallbackCurrency: string): MilestoneValues {
  const payment = milestone.payment;
  return {
    objective_id: milestone.objective_id,
    title: milestone.title,
    description: milestone.description,
    kind: milestone.kind,
    party_id: milestone.party_id,
    responsible_user_id: milestone.responsible_user_id,
    planned_date: milestone.planned_date,
    forecast_date: milestone.forecast_date,
    actual_date: milestone.actual_date,
    status: milestone.status_set ?? 'auto',
    depends_on: [...milestone.depends_on],
    early_win: milestone.early_win,
    has_payment: payment !== null,
    amount: payment ? fromMinorUnits(payment.amount_minor, payment.currency) : '',
    currency: payment?.currency ?? fallbackCurrency,
    payer_party_id: payment?.payer_party_id ?? null,
    payee_party_id: payment?.payee_party_id ?? null,
    visibility: milestone.visibility,
    readers: [...milestone.readers],
    reason: '',
  };
}

/** The payment as the API takes it; null without one (or when the amount does not parse). */
export function paymentInput(values: MilestoneValues): MilestonePaymentInput | null {
  if (!values.has_payment) return null;
  const amount = toMinorUnits(values.amount, values.currency);
  if (amount === null || !values.payer_party_id || !values.payee_party_id) return null;
  return {
    amount_minor: amount,
    currency: values.currency,
    payer_party_id: values.payer_party_id,
    payee_party_id: values.payee_party_id,
  };
}

/** The fields the create and update requests share, in API form. */
function commonBody(values: MilestoneValues) {
  return {
    objective_id: values.objective_id ?? '',
    title: values.title.trim(),
    description: values.description,
    kind: values.kind ?? 'operational',
    party_id: values.party_id ?? undefined,
    responsible_user_id: values.responsible_user_id,
    actual_date: values.actual_date,
    status: values.status === 'auto' ? null : values.status,
    depends_on: values.depends_on,
    early_win: values.early_win,
    payment: paymentInput(values),
    ...accessBody(values),
  };
}

export function milestoneCreateBody(values: MilestoneValues): MilestoneCreate {
  const { status, ...rest } = commonBody(values);
  return {
    ...rest,
    planned_date: values.planned_date ?? '',
    ...(values.forecast_date ? { forecast_date: values.forecast_date } : {}),
    ...(status ? { status } : {}),
  };
}

/**
 * Only what changed since `base`; with a new forecast date, the reason for it. The planned date
 * is never sent (it changes by re-baselining only).
 */
export function milestoneUpdateBody(base: MilestoneValues, values: MilestoneValues): MilestoneUpdate {
  const before: Record<string, unknown> = { ...commonBody(base), forecast_date: base.forecast_date };
  const after: Record<string, unknown> = { ...commonBody(values), forecast_date: values.forecast_date };
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) body[key] = after[key];
  }
  if ('visibility' in body && values.visibility === 'restricted') body.readers = values.readers;
  if ('forecast_date' in body && values.reason.trim()) body.reason = values.reason.trim();
  return body as MilestoneUpdate;
}

export function forecastChanged(base: MilestoneValues | null, values: MilestoneValues): boolean {
  return base !== null && base.forecast_date !== values.forecast_date;
}

/** The reason rule of every forecast change: required when the forecast moved, at most 500 characters. */
export function forecastReasonProblem(base: MilestoneValues | null, values: MilestoneValues): string | null {
  if (forecastChanged(base, values) && !values.reason.trim()) return 'Say why the forecast moved, so that everyone can follow the slip';
  return values.reason.length > 500 ? 'Use at most 500 characters' : null;
}
