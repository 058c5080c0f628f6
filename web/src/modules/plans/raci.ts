// The RACI grid of a workstream as an editable draft: party-level cells over the activities, and
// the PATCH body that replaces them. Person-level assignments (user_id set) are kept as they are.
import { ApiError } from '../../api/client';
import type { RaciRole, Workstream, WorkstreamActivityInput } from './types';

export interface DraftAssignment {
  organization_id: string;
  user_id: string | null;
  user_name: string | null;
  role: RaciRole;
}

export interface DraftActivity {
  /** Stable React key: the activity id, or a local one for a new activity. */
  key: string;
  id: string | null;
  name: string;
  assignments: DraftAssignment[];
}

const ORDER: RaciRole[] = ['R', 'A', 'C', 'I'];

/** What a party can hold on one activity, as a cell value: one role, or Accountable and Responsible. */
export const CELL_VALUES = ['none', 'R', 'A', 'C', 'I', 'R/A'] as const;

export const CELL_LABELS: Record<string, string> = {
  none: '—',
  R: 'R · Responsible',
  A: 'A · Accountable',
  C: 'C · Consulted',
  I: 'I · Informed',
  'R/A': 'R/A · Responsible and accountable',
};

export function toDraft(workstream: Workstream): DraftActivity[] {
  return workstream.activities.map((a) => ({
    key: a.id,
    id: a.id,
    name: a.name,
    assignments: a.assignments.map((x) => ({ organization_id: x.organization_id, user_id: x.user_id, user_name: x.user_name, role: x.role })),
  }));
}

/** The party-level roles of one party on one activity, as a cell value ("none", "A", "R/A"). */
export function partyCell(activity: DraftActivity, organizationId: string): string {
  const roles = activity.assignments
    .filter((x) => x.organization_id === organizationId && x.user_id === null)
    .map((x) => x.role)
    .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return roles.length ? roles.join('/') : 'none';
}

/** The activity with the party's party-level roles replaced by `value`. */
export function setPartyCell(activity: DraftActivity, organizationId: string, value: string): DraftActivity {
  const kept = activity.assignments.filter((x) => !(x.organization_id === organizationId && x.user_id === null));
  const roles = value === 'none' ? [] : (value.split('/') as RaciRole[]);
  const added = roles.map((role) => ({ organization_id: organizationId, user_id: null, user_name: null, role }));
  return { ...activity, assignments: [...kept, ...added] };
}

/** The people (not parties) named on an activity for one party: "Dana Whitfield (R)". */
export function namedPeople(activity: DraftActivity, organizationId: string): string[] {
  return activity.assignments
    .filter((x) => x.organization_id === organizationId && x.user_id !== null)
    .map((x) => `${x.user_name ?? 'Someone'} (${x.role})`);
}

/** `activities` of the workstream PATCH: the whole grid, ids kept for existing activities. */
export function activitiesBody(activities: DraftActivity[]): WorkstreamActivityInput[] {
  return activities.map((a) => ({
    ...(a.id ? { id: a.id } : {}),
    name: a.name.trim(),
    assignments: a.assignments.map((x) => ({ organization_id: x.organization_id, user_id: x.user_id, role: x.role })),
  }));
}

/** Names must be present, at most 200 characters and unique: problems by row. */
export function nameProblems(activities: DraftActivity[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Map<string, number>();
  activities.forEach((a, i) => {
    const name = a.name.trim();
    if (!name) problems.set(i, 'Name the activity.');
    else if (name.length > 200) problems.set(i, 'Use at most 200 characters.');
    else if (seen.has(name.toLowerCase())) problems.set(i, 'Another activity has this name.');
    seen.set(name.toLowerCase(), i);
  });
  return problems;
}

function sentence(text: string): string {
  const t = text.trim();
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The server's 422 messages about rows (`activities[2].assignments`), by row. */
export function rowErrors(error: unknown): Map<number, string> {
  const result = new Map<number, string>();
  if (!(error instanceof ApiError) || error.status !== 422) return result;
  for (const { field, message } of error.fieldErrors) {
    const match = /^activities\[(\d+)\]/.exec(field);
    if (!match) continue;
    const row = Number(match[1]);
    const text = sentence(message);
    result.set(row, result.has(row) ? `${result.get(row)} ${text}` : text);
  }
  return result;
}
