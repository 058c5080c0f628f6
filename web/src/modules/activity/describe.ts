// The audit trail in words: who did what to which record, and each field's before and after.
import type { AuditEvent } from '../../api/types';
import { formatDate } from '../../ui/format';
import {
  ALLIANCE_ROLE_LABELS,
  ALLIANCE_TYPE_LABELS,
  PARTY_DECISION_LABELS,
  PARTY_ROLE_LABELS,
  PRIORITY_NOTE_LABEL,
  PROPOSAL_STATUS_LABELS,
  SHARED_FIELD_LABELS,
  STAGE_LABELS,
} from '../../ui/labels';

const RECORD_NOUNS: Record<string, string> = {
  alliance: 'the alliance',
  note: 'a journal entry',
  member: 'a member',
  invitation: 'an invitation',
  proposal: 'a proposed change',
};

const ACTION_PHRASES: Record<string, Record<string, string>> = {
  alliance: {
    create: 'created the alliance',
    update: 'edited the alliance',
    stage: 'moved the stage',
    archive: 'archived the alliance',
    restore: 'restored the alliance',
    // Seen only by the party whose tier and note changed.
    prioritise: 'changed your organisation’s tier or priority note',
  },
  proposal: {
    propose: 'proposed a change to the alliance',
    accept: 'accepted a proposed change',
    reject: 'rejected a proposed change',
    withdraw: 'withdrew a proposed change',
    supersede: 'set aside a proposed change that another applied change overtook',
    apply: 'applied a proposed change that every party accepted',
  },
  note: { create: 'wrote a journal entry', update: 'edited a journal entry', delete: 'deleted a journal entry' },
  invitation: {
    create: 'invited a person',
    revoke: 'revoked an invitation',
    accept: 'accepted an invitation',
  },
  member: {
    add: 'added a member',
    join: 'joined the alliance',
    role: 'changed a member’s role',
    update: 'changed a member’s role',
    remove: 'removed a member',
  },
};

export function describeAction(event: AuditEvent): string {
  // The change a proposal brought, once every party accepted it.
  if (event.record_type === 'alliance' && event.action === 'update' && 'proposal_id' in event.changes) {
    return 'changed the alliance as every party agreed';
  }
  const phrase = ACTION_PHRASES[event.record_type]?.[event.action];
  if (phrase) return phrase;
  const noun = RECORD_NOUNS[event.record_type] ?? `a ${event.record_type.replace(/_/g, ' ')}`;
  return `${event.action.replace(/_/g, ' ')} ${noun}`;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  type: 'Type',
  tier: 'Tier',
  priority_note: PRIORITY_NOTE_LABEL,
  stage: 'Stage',
  reason: 'Reason',
  therapeutic_areas: 'Therapeutic areas',
  territory: 'Territory',
  description: 'Description',
  parties: 'Parties',
  north_star: 'North Star',
  north_star_statement: SHARED_FIELD_LABELS['north_star.statement'],
  north_star_beneficiaries: SHARED_FIELD_LABELS['north_star.beneficiaries'],
  'north_star.statement': SHARED_FIELD_LABELS['north_star.statement'],
  'north_star.beneficiaries': SHARED_FIELD_LABELS['north_star.beneficiaries'],
  statement: 'Statement',
  beneficiaries: 'Beneficiaries',
  contributions: 'Contributions',
  contribution: 'Contribution',
  expected_value: 'Expected value',
  title: 'Title',
  body: 'Entry',
  entry_date: 'Date',
  visibility: 'Visibility',
  readers: 'Readers',
  role: 'Role',
  archived: 'Archived',
  organization_id: 'Organisation',
  organization_name: 'Organisation',
  user_id: 'Person',
  email: 'E-mail',
  alliance_role: 'Role in the alliance',
  status: 'Status',
  decision: 'Decision',
  changes: 'Changes',
  field: 'Field',
  before: 'Before',
  after: 'After',
  proposed_by: 'Proposed by',
  decided_by: 'Decided by',
};

export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field] ?? SHARED_FIELD_LABELS[field as keyof typeof SHARED_FIELD_LABELS];
  if (label) return label;
  // An unknown path (`north_star.x_y`) reads as its last part, in words.
  const last = field.split('.').pop() ?? field;
  return last.charAt(0).toUpperCase() + last.slice(1).replace(/_/g, ' ');
}

const VISIBILITY_WORDS: Record<string, string> = { alliance: 'All parties', party: 'Own organisation only', restricted: 'Restricted' };

function enumWord(field: string, value: string): string {
  const tables: Record<string, Record<string, string>> = {
    stage: STAGE_LABELS,
    type: ALLIANCE_TYPE_LABELS,
    role: { ...PARTY_ROLE_LABELS, ...ALLIANCE_ROLE_LABELS },
    alliance_role: ALLIANCE_ROLE_LABELS,
    visibility: VISIBILITY_WORDS,
    status: PROPOSAL_STATUS_LABELS,
    decision: { accept: 'Accept', reject: 'Reject', ...PARTY_DECISION_LABELS },
    field: { ...FIELD_LABELS, ...SHARED_FIELD_LABELS },
  };
  return tables[field]?.[value] ?? value;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Any JSON value as readable text; never JSON syntax. */
export function describeValue(field: string, value: unknown, names: Map<string, string> = new Map()): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return field === 'tier' ? `Tier ${value}` : value.toLocaleString();
  if (typeof value === 'string') {
    if (field === 'entry_date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (ID.test(value)) return names.get(value) ?? 'a person or organisation';
    return enumWord(field, value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((item) => describeValue(field, item, names)).join('; ');
  }
  if (typeof value === 'object') {
    // One field of a proposed change: its label, then before → after.
    const { field: changed, before, after } = value as Record<string, unknown>;
    if (typeof changed === 'string' && ('before' in value || 'after' in value)) {
      return `${fieldLabel(changed)}: ${describeValue(changed, before, names)} → ${describeValue(changed, after, names)}`;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const orgName = (value as Record<string, unknown>).organization_name;
    const orgId = (value as Record<string, unknown>).organization_id;
    const prefix = typeof orgName === 'string' ? orgName : typeof orgId === 'string' ? names.get(orgId) : undefined;
    const parts = entries
      .filter(([key]) => key !== 'organization_id' && key !== 'organization_name' && key !== 'organization_type')
      .map(([key, inner]) => `${fieldLabel(key)}: ${describeValue(key, inner, names)}`);
    return prefix ? `${prefix} (${parts.join(', ')})` : parts.join(', ');
  }
  return String(value);
}
