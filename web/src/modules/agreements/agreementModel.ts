// The agreement form's values and the bodies sent for them: key terms for masters and
// sub-agreements; for amendments, the new values of the terms they change and what they change in
// the parent's obligations. Pure functions.
import { accessBody } from '../records/forms';
import type {
  Agreement,
  AgreementCreate,
  AgreementKind,
  AgreementRelation,
  AgreementStatus,
  AgreementTermChanges,
  Exclusivity,
} from './types';

type Visibility = 'alliance' | 'party' | 'restricted';

export interface TermChangeValues {
  expiry_on: string | null;
  notice_period_days: number | string;
  governing_law: string;
  field: string;
  territory: string;
  exclusivity: Exclusivity | null;
}

export interface AgreementValues {
  title: string;
  kind: AgreementKind;
  relation: AgreementRelation;
  parent_id: string | null;
  party_ids: string[];
  status: AgreementStatus;
  signed_on: string | null;
  effective_on: string | null;
  expiry_on: string | null;
  /** A NumberInput's value: '' when empty. */
  notice_period_days: number | string;
  governing_law: string;
  field: string;
  territory: string;
  exclusivity: Exclusivity;
  summary: string;
  /** Days as text, as a tags input holds them. */
  reminder_days: string[];
  term_changes: TermChangeValues;
  obligation_changes: { obligation_id: string | null; change: string }[];
  visibility: Visibility;
  readers: string[];
}

const NO_TERM_CHANGES: TermChangeValues = { expiry_on: null, notice_period_days: '', governing_law: '', field: '', territory: '', exclusivity: null };

export function newAgreementValues({
  relation = 'master',
  parent_id = null,
  party_ids,
}: {
  relation?: AgreementRelation;
  parent_id?: string | null;
  party_ids: string[];
}): AgreementValues {
  return {
    title: '',
    kind: relation === 'master' ? 'collaboration' : 'other',
    relation,
    parent_id,
    party_ids,
    status: 'draft',
    signed_on: null,
    effective_on: null,
    expiry_on: null,
    notice_period_days: '',
    governing_law: '',
    field: '',
    territory: '',
    exclusivity: 'none',
    summary: '',
    reminder_days: ['90', '30'],
    term_changes: { ...NO_TERM_CHANGES },
    obligation_changes: [],
    visibility: 'alliance',
    readers: [],
  };
}

export function agreementToValues(a: Agreement): AgreementValues {
  const tc = a.term_changes ?? {};
  return {
    title: a.title,
    kind: a.kind,
    relation: a.relation,
    parent_id: a.parent_id,
    party_ids: [...a.party_ids],
    status: a.status,
    signed_on: a.signed_on,
    effective_on: a.effective_on,
    expiry_on: a.expiry_on,
    notice_period_days: a.notice_period_days ?? '',
    governing_law: a.governing_law,
    field: a.field,
    territory: a.territory,
    exclusivity: a.exclusivity,
    summary: a.summary,
    reminder_days: a.reminder_days.map(String),
    term_changes: {
      expiry_on: tc.expiry_on ?? null,
      notice_period_days: tc.notice_period_days ?? '',
      governing_law: tc.governing_law ?? '',
      field: tc.field ?? '',
      territory: tc.territory ?? '',
      exclusivity: tc.exclusivity ?? null,
    },
    obligation_changes: (a.obligation_changes ?? []).map((c) => ({ obligation_id: c.obligation_id, change: c.change })),
    visibility: a.visibility,
    readers: [...a.readers],
  };
}

/** '' → null, "30" → 30: a NumberInput's value as the API wants it. */
export function numberOrNull(value: number | string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Reminder days as numbers, in the order typed; anything not a whole number is left for the validation. */
export function reminderNumbers(days: readonly string[]): number[] {
  return days.map((d) => Number(d.trim())).filter((n) => Number.isInteger(n));
}

/** The check of a reminder list: at most five whole numbers in [min, max]. */
export function reminderRule(min: number, max: number) {
  return (days: string[]) => {
    if (days.length > 5) return 'Use at most five reminders';
    const bad = days.find((d) => !/^\d+$/.test(d.trim()) || Number(d) < min || Number(d) > max);
    return bad !== undefined ? `Each reminder is a whole number of days from ${min} to ${max}` : null;
  };
}

/** Only the terms an amendment changes: a field left empty keeps the parent's value. */
export function termChangesBody(tc: TermChangeValues): AgreementTermChanges {
  const body: AgreementTermChanges = {};
  if (tc.expiry_on) body.expiry_on = tc.expiry_on;
  const notice = numberOrNull(tc.notice_period_days);
  if (notice !== null) body.notice_period_days = notice;
  if (tc.governing_law.trim()) body.governing_law = tc.governing_law.trim();
  if (tc.field.trim()) body.field = tc.field.trim();
  if (tc.territory.trim()) body.territory = tc.territory.trim();
  if (tc.exclusivity) body.exclusivity = tc.exclusivity;
  return body;
}

/**
 * The create body (and the base of an update's patch). Masters have no parent; only amendments
 * carry term and obligation changes, and their own key terms are not edited.
 */
export function agreementBody(v: AgreementValues): AgreementCreate {
  const amendment = v.relation === 'amendment';
  const body: AgreementCreate = {
    title: v.title.trim(),
    kind: v.kind,
    relation: v.relation,
    parent_id: v.relation === 'master' ? null : v.parent_id,
    party_ids: v.party_ids,
    status: v.status,
    signed_on: v.signed_on,
    effective_on: v.effective_on,
    summary: v.summary,
    term_changes: amendment ? termChangesBody(v.term_changes) : {},
    obligation_changes: amendment
      ? v.obligation_changes.filter((c) => c.obligation_id).map((c) => ({ obligation_id: c.obligation_id ?? '', change: c.change.trim() }))
      : [],
    ...accessBody(v),
  };
  if (!amendment) {
    Object.assign(body, {
      expiry_on: v.expiry_on,
      notice_period_days: numberOrNull(v.notice_period_days),
      governing_law: v.governing_law.trim(),
      field: v.field.trim(),
      territory: v.territory.trim(),
      exclusivity: v.exclusivity,
      reminder_days: reminderNumbers(v.reminder_days),
    });
  }
  return body;
}

/** What an amendment changes, in words: "Expiry → 31 Dec 2030; Territory → EU and US". */
export function describeTermChanges(tc: AgreementTermChanges, show: { date: (d: string | null) => string; exclusivity: (e: Exclusivity) => string }): string[] {
  const parts: string[] = [];
  if (tc.expiry_on !== undefined) parts.push(`Expiry → ${show.date(tc.expiry_on ?? null)}`);
  if (tc.notice_period_days !== undefined && tc.notice_period_days !== null) parts.push(`Notice period → ${tc.notice_period_days} days`);
  if (tc.governing_law) parts.push(`Governing law → ${tc.governing_law}`);
  if (tc.field) parts.push(`Field → ${tc.field}`);
  if (tc.territory) parts.push(`Territory → ${tc.territory}`);
  if (tc.exclusivity) parts.push(`Exclusivity → ${show.exclusivity(tc.exclusivity)}`);
  return parts;
}
