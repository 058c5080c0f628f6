// The audit trail in words: who did what to which record, and each field's before and after.
import type { AuditEvent } from '../../api/types';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import { capitalise, groupsStartingWith, wordFor, wordsIn, wordsOf } from '../../ui/words';

// The words come from docs/words.json: `record_type` names each kind of record, `audit.action` and
// `audit.action.<record_type>` what an event did, `field.<record_type>` each field, and the
// `<record_type>.<field>` groups each value. What is left here is grammar.

/** "a milestone", "an obligation", "the alliance": a record type's noun with its article. */
function recordNoun(recordType: string): string {
  const noun = wordFor('record_type', recordType) ?? recordType.replace(/_/g, ' ');
  // An alliance's trail belongs to one alliance.
  if (recordType === 'alliance') return `the ${noun}`;
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

export function describeAction(event: AuditEvent): string {
  // The change a proposal brought, once every party accepted it.
  if (event.record_type === 'alliance' && event.action === 'update' && 'proposal_id' in event.changes) {
    return 'changed the alliance as every party agreed';
  }
  const phrase = wordFor(`audit.action.${event.record_type}`, event.action);
  if (phrase) return phrase;
  const named = recordName(event);
  if (event.record_type === 'milestone' && event.action === 'update' && 'forecast_date' in event.changes) {
    return `moved the forecast of ${named ? `“${named}”` : recordNoun('milestone')}`;
  }
  const noun = recordNoun(event.record_type);
  const verb = wordFor('audit.action', event.action) ?? event.action.replace(/_/g, ' ');
  if (!named) return `${verb} ${noun}`;
  // "changed the milestone “Pivotal RCT: first patient in”".
  const definite = noun.replace(/^(a|an) /, 'the ');
  return `${verb} ${definite} “${named}”`;
}

/** The record's name when the event carries it (its title or name, after or before). */
export function recordName(event: AuditEvent): string | null {
  if (event.record_type === 'alliance' || event.record_type === 'member' || event.record_type === 'invitation') return null;
  // A stakeholder's title is the job they hold; the name says who they are.
  const keys = event.record_type === 'stakeholder' ? ['name'] : ['title', 'name'];
  for (const key of keys) {
    const change = event.changes[key] as { before?: unknown; after?: unknown } | undefined;
    if (!change) continue;
    const value = change.after ?? change.before;
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

// The word of a field any record type gives it, for a field met without its record type (a
// nested value, an event of a type with no words yet): the first group that has it wins.
const ANY_FIELD: Readonly<Record<string, string>> = Object.assign(
  {},
  ...groupsStartingWith('field.')
    .reverse()
    .map((group) => wordsIn(group)),
);

/** A field as a label: "Forecast", "North Star statement"; by its record type when given. */
export function fieldLabel(field: string, recordType?: string): string {
  const word =
    (recordType ? wordFor(`field.${recordType}`, field) : undefined) ?? (Object.hasOwn(ANY_FIELD, field) ? ANY_FIELD[field] : undefined);
  if (word) return capitalise(word);
  // An unknown path (`north_star.x_y`) reads as its last part, in words.
  const last = field.split('.').pop() ?? field;
  return capitalise(last.replace(/_/g, ' '));
}

// Where a field's values have their words when the group is not simply `<record_type>.<field>`.
const VALUE_GROUPS: Record<string, Record<string, string[]>> = {
  alliance: { role: ['party.role'] },
  proposal: { type: ['alliance.type'], role: ['party.role'] },
  invitation: { alliance_role: ['member.role'] },
  milestone: { status_set: ['milestone.status'] },
  workstream: { role: ['raci_assignment.role'] },
  communication: { decision: ['communication_approval.decision'] },
  committee: { role: ['committee_member.role'] },
  meeting: { status: ['meeting.status', 'attendance.status'], decision: ['minutes_review.decision'], minutes: ['meeting_minutes.state'] },
  decision: { vote: ['decision_vote.vote'] },
  obligation: { status: ['occurrence.status'] },
};

// A field's values met without their record type.
const ANY_VALUE_GROUPS: Record<string, string[]> = {
  stage: ['alliance.stage'],
  type: ['alliance.type'],
  role: ['party.role', 'member.role'],
  alliance_role: ['member.role'],
  visibility: ['record.visibility'],
  status: ['proposal.status', 'meeting.status', 'occurrence.status'],
  decision: ['proposal.decision'],
  attendance: ['attendance.status'],
};

function enumWord(field: string, value: string, recordType?: string): string {
  if (field === 'field') return fieldLabel(value, recordType);
  const groups = [
    ...(recordType ? (VALUE_GROUPS[recordType]?.[field] ?? [`${recordType}.${field}`]) : []),
    ...(ANY_VALUE_GROUPS[field] ?? []),
  ];
  for (const group of groups) {
    const word = wordFor(group, value);
    if (word) return word;
  }
  return value;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Any JSON value as readable text; never JSON syntax. */
export function describeValue(field: string, value: unknown, names: Map<string, string> = new Map(), recordType?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return wordsOf('answer')[value ? 'yes' : 'no'];
  if (typeof value === 'number') {
    if (field === 'tier') return wordFor('alliance.tier', String(value)) ?? String(value);
    // Escalation levels are counted from 0 by the API; people count from 1.
    if (field === 'current_level' || field === 'level') return `Level ${value + 1}`;
    return value.toLocaleString();
  }
  if (typeof value === 'string') {
    if (DAY.test(value)) return formatDate(value);
    if (INSTANT.test(value)) return formatDateTime(value);
    if (ID.test(value)) return names.get(value) ?? 'a person or organisation';
    return enumWord(field, value, recordType);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((item) => describeValue(field, item, names, recordType)).join('; ');
  }
  if (typeof value === 'object') {
    // One field of a proposed change: its label, then before → after.
    const { field: changed, before, after } = value as Record<string, unknown>;
    if (typeof changed === 'string' && ('before' in value || 'after' in value)) {
      return `${fieldLabel(changed, recordType)}: ${describeValue(changed, before, names, recordType)} → ${describeValue(changed, after, names, recordType)}`;
    }
    // Money travels as minor units and a currency: "€1,500.00 from Helix Pharma to Nimbus Health".
    const money = value as Record<string, unknown>;
    if (typeof money.amount_minor === 'number' && typeof money.currency === 'string') {
      const party = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? 'a party') : null);
      const payer = party(money.payer_party_id);
      const payee = party(money.payee_party_id);
      return `${formatMoney(money.amount_minor, money.currency)}${payer ? ` from ${payer}` : ''}${payee ? ` to ${payee}` : ''}`;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const orgName = (value as Record<string, unknown>).organization_name;
    const orgId = (value as Record<string, unknown>).organization_id;
    const prefix = typeof orgName === 'string' ? orgName : typeof orgId === 'string' ? names.get(orgId) : undefined;
    const parts = entries
      .filter(([key]) => key !== 'organization_id' && key !== 'organization_name' && key !== 'organization_type')
      .map(([key, inner]) => `${fieldLabel(key, recordType)}: ${describeValue(key, inner, names, recordType)}`);
    return prefix ? `${prefix} (${parts.join(', ')})` : parts.join(', ');
  }
  return String(value);
}
