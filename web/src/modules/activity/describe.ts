// The audit trail in words: who did what to which record, and each field's before and after.
import type { AuditEvent } from '../../api/types';
import { formatDate, formatDateTime } from '../../ui/format';
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_RELATION_LABELS,
  AGREEMENT_STATUS_LABELS,
  EXCLUSIVITY_LABELS,
  IP_ASSET_KIND_LABELS,
  OBLIGATION_CATEGORY_LABELS,
  OBLIGATION_DIRECTION_LABELS,
  OBLIGATION_SCHEDULE_LABELS,
  OCCURRENCE_STATUS_LABELS,
  PRIVACY_BASIS_LABELS,
  RESTRICTION_KIND_LABELS,
} from '../agreements/labels';
import {
  ACTION_STATUS_LABELS,
  ATTENDANCE_STATUS_LABELS,
  ATTITUDE_LABELS,
  CHAIR_ROTATION_LABELS,
  COMMITTEE_CADENCE_LABELS,
  COMMITTEE_KIND_LABELS,
  COMMITTEE_ROLE_LABELS,
  DECISION_STATE_LABELS,
  ISSUE_SEVERITY_LABELS,
  ISSUE_STATUS_LABELS,
  MEETING_STATUS_LABELS,
  QUORUM_RULE_LABELS,
  VOTE_LABELS,
} from '../governance/labels';
import {
  APPROVAL_DECISION_LABELS,
  COMMUNICATION_CADENCE_LABELS,
  COMMUNICATION_KIND_LABELS,
  KPI_CADENCE_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_INDICATOR_LABELS,
  MILESTONE_KIND_LABELS,
  MILESTONE_STATUS_LABELS,
  OBJECTIVE_HORIZON_LABELS,
  OBJECTIVE_STATUS_LABELS,
  RACI_ROLE_LABELS,
} from '../plan/labels';
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

// Every record type the trail may show, with its article: "a milestone", "an obligation".
const RECORD_NOUNS: Record<string, string> = {
  alliance: 'the alliance',
  note: 'a journal entry',
  member: 'a member',
  invitation: 'an invitation',
  proposal: 'a proposed change',
  objective: 'an objective',
  milestone: 'a milestone',
  kpi: 'a KPI',
  kpi_value: 'a KPI value',
  workstream: 'a workstream',
  communication: 'a communication',
  committee: 'a committee',
  decision_right: 'a decision right',
  issue: 'an issue',
  meeting: 'a meeting',
  brief: 'a meeting brief',
  decision: 'a decision',
  action: 'an action item',
  stakeholder: 'a stakeholder',
  agreement: 'an agreement',
  agreement_note: 'an internal note on an agreement',
  document: 'a document',
  obligation: 'an obligation',
  occurrence: 'a due date of an obligation',
  restriction: 'a restriction',
  ip_asset: 'an IP asset',
  dataset: 'a dataset',
};

// The verb of a generic action; the record's noun follows.
const VERBS: Record<string, string> = {
  create: 'added',
  update: 'changed',
  delete: 'deleted',
  rebaseline: 're-baselined',
  escalate: 'escalated',
  resolve: 'resolved',
  agenda: 'changed the agenda of',
  attendance: 'recorded the attendance of',
  review: 'reviewed the minutes of',
  seat: 'changed the seats of',
  vote: 'voted on',
  approve: 'approved',
  reject: 'rejected',
  occurrence: 'recorded a due date of',
  document_upload: 'uploaded a document to',
  title: 'renamed',
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
  const named = recordName(event);
  if (event.record_type === 'milestone' && event.action === 'update' && 'forecast_date' in event.changes) {
    return `moved the forecast of ${named ? `“${named}”` : 'a milestone'}`;
  }
  const noun = RECORD_NOUNS[event.record_type] ?? `a ${event.record_type.replace(/_/g, ' ')}`;
  const verb = VERBS[event.action] ?? event.action.replace(/_/g, ' ');
  if (!named) return `${verb} ${noun}`;
  // "changed the milestone “Pivotal RCT: first patient in”".
  const definite = noun.replace(/^(a|an) /, 'the ');
  return `${verb} ${definite} “${named}”`;
}

/** The record's name when the event carries it (its title or name, after or before). */
export function recordName(event: AuditEvent): string | null {
  if (event.record_type === 'alliance' || event.record_type === 'member' || event.record_type === 'invitation') return null;
  for (const key of ['title', 'name']) {
    const change = event.changes[key] as { before?: unknown; after?: unknown } | undefined;
    if (!change) continue;
    const value = change.after ?? change.before;
    if (typeof value === 'string' && value) return value;
  }
  return null;
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
  kind: 'Kind',
  original_date: 'Original date',
  planned_date: 'Planned date',
  forecast_date: 'Forecast',
  actual_date: 'Actual date',
  status_set: 'Status set by hand',
  depends_on: 'Depends on',
  early_win: 'Early win',
  payment: 'Payment',
  objective_id: 'Objective',
  responsible_user_id: 'Responsible',
  owner_user_id: 'Owner',
  party_id: 'Owner party',
  party_ids: 'Parties',
  horizon: 'Horizon',
  target: 'Target',
  unit: 'Unit',
  baseline: 'Baseline',
  direction: 'Direction',
  cadence: 'Cadence',
  measured_on: 'Measured on',
  value: 'Value',
  note: 'Note',
  category: 'Category',
  audience: 'Audience',
  committee_id: 'Committee',
  parent_id: 'Reports to',
  purpose: 'Purpose',
  decision_scope: 'Decision scope',
  quorum_rule: 'Quorum',
  chair_rotation: 'Chair rotation',
  meeting_minutes: 'Usual length (minutes)',
  levels: 'Escalation levels',
  current_level: 'Level',
  level_due_on: 'Due at this level',
  severity: 'Severity',
  resolution: 'Resolution',
  starts_at: 'Starts',
  duration_minutes: 'Length (minutes)',
  time_zone: 'Time zone',
  location: 'Location',
  link: 'Online link',
  agenda_item: 'Agenda item',
  attendance: 'Attendance',
  minutes: 'Minutes',
  minutes_review: 'Minutes review',
  reviews: 'Reviews',
  state: 'State',
  rationale: 'Rationale',
  decision_type: 'Decision type',
  vote: 'Vote',
  due_on: 'Due',
  done_on: 'Done on',
  influence: 'Influence',
  interest: 'Interest',
  attitude: 'Attitude',
  relation: 'Relation',
  signed_on: 'Signed on',
  effective_on: 'Effective from',
  expiry_on: 'Expires on',
  notice_period_days: 'Notice period (days)',
  governing_law: 'Governing law',
  exclusivity: 'Exclusivity',
  summary: 'Summary',
  reminder_days: 'Reminders (days before)',
  agreement_id: 'Agreement',
  clause_ref: 'Clause',
  owed_by: 'Owed by',
  owed_to: 'Owed to',
  schedule: 'Schedule',
  rrule: 'Recurrence',
  trigger_milestone_id: 'Triggered by milestone',
  offset_days: 'Days after the trigger',
  evidence: 'Evidence',
  fulfilled_on: 'Fulfilled on',
  in_dispute: 'In dispute',
  file_name: 'File',
  permitted_purposes: 'Permitted purposes',
  privacy_basis: 'Privacy basis',
  retain_until: 'Keep until',
  role_in_committee: 'Role on the committee',
  voting: 'Voting',
  joined_on: 'Joined on',
  left_on: 'Left on',
};

export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field] ?? SHARED_FIELD_LABELS[field as keyof typeof SHARED_FIELD_LABELS];
  if (label) return label;
  // An unknown path (`north_star.x_y`) reads as its last part, in words.
  const last = field.split('.').pop() ?? field;
  return last.charAt(0).toUpperCase() + last.slice(1).replace(/_/g, ' ');
}

const VISIBILITY_WORDS: Record<string, string> = { alliance: 'All parties', party: 'Own organisation only', restricted: 'Restricted' };

// The words of a value, by the record type it belongs to and the field: `status` of a milestone
// is not the `status` of an obligation.
const TYPED_ENUMS: Record<string, Record<string, Record<string, string>>> = {
  milestone: { status: MILESTONE_STATUS_LABELS, status_set: MILESTONE_STATUS_LABELS, kind: MILESTONE_KIND_LABELS },
  objective: { status: OBJECTIVE_STATUS_LABELS, horizon: OBJECTIVE_HORIZON_LABELS },
  kpi: { direction: KPI_DIRECTION_LABELS, indicator: KPI_INDICATOR_LABELS, cadence: KPI_CADENCE_LABELS },
  workstream: { role: RACI_ROLE_LABELS },
  communication: { kind: COMMUNICATION_KIND_LABELS, cadence: COMMUNICATION_CADENCE_LABELS, decision: APPROVAL_DECISION_LABELS },
  committee: { kind: COMMITTEE_KIND_LABELS, cadence: COMMITTEE_CADENCE_LABELS, quorum_rule: QUORUM_RULE_LABELS, chair_rotation: CHAIR_ROTATION_LABELS, role: COMMITTEE_ROLE_LABELS },
  issue: { severity: ISSUE_SEVERITY_LABELS, status: ISSUE_STATUS_LABELS },
  meeting: { status: MEETING_STATUS_LABELS },
  decision: { state: DECISION_STATE_LABELS, vote: VOTE_LABELS },
  action: { status: ACTION_STATUS_LABELS },
  stakeholder: { attitude: ATTITUDE_LABELS },
  agreement: { kind: AGREEMENT_KIND_LABELS, relation: AGREEMENT_RELATION_LABELS, status: AGREEMENT_STATUS_LABELS, exclusivity: EXCLUSIVITY_LABELS },
  obligation: { category: OBLIGATION_CATEGORY_LABELS, direction: OBLIGATION_DIRECTION_LABELS, schedule: OBLIGATION_SCHEDULE_LABELS, status: OCCURRENCE_STATUS_LABELS },
  restriction: { kind: RESTRICTION_KIND_LABELS },
  ip_asset: { kind: IP_ASSET_KIND_LABELS },
  dataset: { privacy_basis: PRIVACY_BASIS_LABELS },
};

function enumWord(field: string, value: string, recordType?: string): string {
  const typed = recordType ? TYPED_ENUMS[recordType]?.[field]?.[value] : undefined;
  if (typed) return typed;
  const tables: Record<string, Record<string, string>> = {
    stage: STAGE_LABELS,
    type: ALLIANCE_TYPE_LABELS,
    role: { ...PARTY_ROLE_LABELS, ...ALLIANCE_ROLE_LABELS },
    alliance_role: ALLIANCE_ROLE_LABELS,
    visibility: VISIBILITY_WORDS,
    status: { ...PROPOSAL_STATUS_LABELS, ...MEETING_STATUS_LABELS, ...OCCURRENCE_STATUS_LABELS },
    decision: { accept: 'Accept', reject: 'Reject', ...PARTY_DECISION_LABELS },
    attendance: ATTENDANCE_STATUS_LABELS,
    field: { ...FIELD_LABELS, ...SHARED_FIELD_LABELS },
  };
  return tables[field]?.[value] ?? value;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Any JSON value as readable text; never JSON syntax. */
export function describeValue(field: string, value: unknown, names: Map<string, string> = new Map(), recordType?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (field === 'tier') return `Tier ${value}`;
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
      return `${fieldLabel(changed)}: ${describeValue(changed, before, names, recordType)} → ${describeValue(changed, after, names, recordType)}`;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const orgName = (value as Record<string, unknown>).organization_name;
    const orgId = (value as Record<string, unknown>).organization_id;
    const prefix = typeof orgName === 'string' ? orgName : typeof orgId === 'string' ? names.get(orgId) : undefined;
    const parts = entries
      .filter(([key]) => key !== 'organization_id' && key !== 'organization_name' && key !== 'organization_type')
      .map(([key, inner]) => `${fieldLabel(key)}: ${describeValue(key, inner, names, recordType)}`);
    return prefix ? `${prefix} (${parts.join(', ')})` : parts.join(', ');
  }
  return String(value);
}
