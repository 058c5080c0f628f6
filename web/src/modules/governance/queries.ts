// The Governance API: committees and their members, decision rights, issues, meetings (agenda,
// attendance, minutes, briefs), decisions, action items and stakeholders. Every governance query
// lives under `governanceKey`, so one invalidation refreshes them all (a vote moves the decision
// log and the meeting page together). The collections themselves are declared in the record kit
// (records/collections.ts).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapEmpty } from '../../api/client';
import { dateFormat } from '../../ui/format';
import { fetchAll } from '../records/collection';
import { actions, committees, decisionRights, decisions, governanceKey, issues, meetings, stakeholders } from '../records/collections';
import type {
  ActionStatus,
  AgendaItemCreate,
  AgendaItemUpdate,
  AttendanceStatus,
  CadenceTemplate,
  CommitteeRole,
  DecisionState,
  IssueSeverity,
  IssueStatus,
  MeetingBrief,
  MeetingBriefCreate,
  MeetingBriefUpdate,
  MeetingStatus,
  VoteChoice,
} from './types';

export const myActionsKey = ['me', 'actions'] as const;

/** After any change to governance: every governance view, my actions and the activity log may show it. */
export function refreshGovernance(queryClient: QueryClient, allianceId: string): void {
  void queryClient.invalidateQueries({ queryKey: governanceKey(allianceId) });
  void queryClient.invalidateQueries({ queryKey: myActionsKey });
  void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'audit'] });
}

const PAGE = 200;

// ------------------------------------------------------------------ committees

export function useCommittees(allianceId: string) {
  return committees.useList(allianceId);
}

export const { fetch: fetchCommittee, create: createCommittee, update: updateCommittee, remove: deleteCommittee } = committees;

export function addCommitteeMember(allianceId: string, committeeId: string, body: { user_id: string; role: CommitteeRole; joined_on?: string }) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/committees/{committee_id}/members', {
      params: { path: { id: allianceId, committee_id: committeeId } },
      body,
    }),
  );
}

export function changeCommitteeMemberRole(allianceId: string, committeeId: string, memberId: string, committeeVersion: number, role: CommitteeRole) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/committees/{committee_id}/members/{member_id}', {
      params: { path: { id: allianceId, committee_id: committeeId, member_id: memberId }, header: ifMatch(committeeVersion) },
      body: { role },
    }),
  );
}

export function removeCommitteeMember(allianceId: string, committeeId: string, memberId: string, committeeVersion: number) {
  return unwrap(
    api.DELETE('/api/v1/alliances/{id}/committees/{committee_id}/members/{member_id}', {
      params: { path: { id: allianceId, committee_id: committeeId, member_id: memberId }, header: ifMatch(committeeVersion) },
    }),
  );
}

export interface CadenceRequest {
  template: CadenceTemplate;
  from: string;
  months: number;
}

/** Proposed meetings for a template; nothing is created until the user picks them. */
export function useCadenceProposal(allianceId: string, request: CadenceRequest | null) {
  return useQuery({
    queryKey: [...governanceKey(allianceId), 'cadence-proposal', request],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/governance/cadence-proposal', {
          params: { path: { id: allianceId }, query: request ?? { template: 'classic', from: '', months: 1 } },
        }),
      ),
    enabled: request !== null,
  });
}

// ------------------------------------------------------------------ decision rights

export function useDecisionRights(allianceId: string) {
  return decisionRights.useList(allianceId);
}

export const { fetch: fetchDecisionRight, create: createDecisionRight, update: updateDecisionRight, remove: deleteDecisionRight } = decisionRights;

// ------------------------------------------------------------------ issues

export interface IssueFilters {
  status?: IssueStatus;
  severity?: IssueSeverity;
}

export function useIssues(allianceId: string, filters: IssueFilters) {
  return issues.useList(allianceId, filters);
}

export const { fetch: fetchIssue, create: createIssue, update: updateIssue, remove: deleteIssue } = issues;

/** One issue, for when it is not in the list shown (a link to a resolved issue while open ones are listed). */
export function useIssue(allianceId: string, issueId: string | null) {
  return useQuery({
    queryKey: [...governanceKey(allianceId), 'issue', issueId],
    queryFn: () => fetchIssue(allianceId, issueId ?? ''),
    enabled: issueId !== null,
  });
}

export function escalateIssue(allianceId: string, issueId: string, version: number, reason: string) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/issues/{issue_id}/escalate', {
      params: { path: { id: allianceId, issue_id: issueId }, header: ifMatch(version) },
      body: { reason },
    }),
  );
}

export function resolveIssue(allianceId: string, issueId: string, version: number, body: { outcome: string; agreed_by: string[] }) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/issues/{issue_id}/resolve', {
      params: { path: { id: allianceId, issue_id: issueId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function useIssueHistory(allianceId: string, issueId: string | null) {
  return useQuery({
    queryKey: [...governanceKey(allianceId), 'issue-history', issueId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/alliances/{id}/issues/{issue_id}/history', { params: { path: { id: allianceId, issue_id: issueId ?? '' } } })),
    enabled: issueId !== null,
  });
}

// ------------------------------------------------------------------ meetings

export interface MeetingFilters {
  committee_id?: string;
  status?: MeetingStatus;
  when?: 'upcoming' | 'past';
}

export function useMeetings(allianceId: string, filters: MeetingFilters) {
  return meetings.useList(allianceId, filters);
}

export const { fetch: fetchMeeting, create: createMeeting, update: updateMeeting, remove: deleteMeeting } = meetings;

export const meetingKey = (allianceId: string, meetingId: string) => [...governanceKey(allianceId), 'meeting', meetingId] as const;

export function useMeeting(allianceId: string, meetingId: string) {
  return useQuery({ queryKey: meetingKey(allianceId, meetingId), queryFn: () => fetchMeeting(allianceId, meetingId) });
}

export function addAgendaItem(allianceId: string, meetingId: string, body: AgendaItemCreate) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/meetings/{meeting_id}/agenda', { params: { path: { id: allianceId, meeting_id: meetingId } }, body }),
  );
}

export function updateAgendaItem(allianceId: string, meetingId: string, itemId: string, version: number, body: AgendaItemUpdate) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/meetings/{meeting_id}/agenda/{item_id}', {
      params: { path: { id: allianceId, meeting_id: meetingId, item_id: itemId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteAgendaItem(allianceId: string, meetingId: string, itemId: string) {
  return unwrap(
    api.DELETE('/api/v1/alliances/{id}/meetings/{meeting_id}/agenda/{item_id}', {
      params: { path: { id: allianceId, meeting_id: meetingId, item_id: itemId } },
    }),
  );
}

export function recordAttendance(
  allianceId: string,
  meetingId: string,
  version: number,
  entries: { user_id: string; status: AttendanceStatus; delegate_name?: string }[],
) {
  return unwrap(
    api.PUT('/api/v1/alliances/{id}/meetings/{meeting_id}/attendance', {
      params: { path: { id: allianceId, meeting_id: meetingId }, header: ifMatch(version) },
      body: { entries },
    }),
  );
}

export function reviewMinutes(allianceId: string, meetingId: string, version: number, decision: 'approve' | 'comment', comment?: string) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/meetings/{meeting_id}/minutes/review', {
      params: { path: { id: allianceId, meeting_id: meetingId }, header: ifMatch(version) },
      body: comment ? { decision, comment } : { decision },
    }),
  );
}

export function startMinutesRevision(allianceId: string, meetingId: string, version: number, reason: string) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/meetings/{meeting_id}/minutes/revisions', {
      params: { path: { id: allianceId, meeting_id: meetingId }, header: ifMatch(version) },
      body: { reason },
    }),
  );
}

export function useMinutesRevisions(allianceId: string, meetingId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...meetingKey(allianceId, meetingId), 'revisions'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/meetings/{meeting_id}/minutes/revisions', { params: { path: { id: allianceId, meeting_id: meetingId } } }),
      ),
  });
}

export function useBriefs(allianceId: string, meetingId: string) {
  return useQuery({
    queryKey: [...meetingKey(allianceId, meetingId), 'briefs'],
    queryFn: () =>
      fetchAll((cursor) =>
        unwrap(
          api.GET('/api/v1/alliances/{id}/meetings/{meeting_id}/briefs', {
            params: { path: { id: allianceId, meeting_id: meetingId }, query: { limit: PAGE, cursor } },
          }),
        ),
      ),
  });
}

/** The latest version of a brief: the list is the only read the API offers. */
export async function fetchBrief(allianceId: string, meetingId: string, briefId: string): Promise<MeetingBrief> {
  const list = await unwrap(
    api.GET('/api/v1/alliances/{id}/meetings/{meeting_id}/briefs', { params: { path: { id: allianceId, meeting_id: meetingId }, query: { limit: 200 } } }),
  );
  const found = list.items.find((b) => b.id === briefId);
  if (!found) throw new Error('The brief is gone');
  return found;
}

export function createBrief(allianceId: string, meetingId: string, body: MeetingBriefCreate) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/meetings/{meeting_id}/briefs', { params: { path: { id: allianceId, meeting_id: meetingId } }, body }),
  );
}

export function updateBrief(
  allianceId: string,
  meetingId: string,
  briefId: string,
  version: number,
  body: MeetingBriefUpdate,
) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/meetings/{meeting_id}/briefs/{brief_id}', {
      params: { path: { id: allianceId, meeting_id: meetingId, brief_id: briefId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteBrief(allianceId: string, meetingId: string, briefId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/meetings/{meeting_id}/briefs/{brief_id}', {
      params: { path: { id: allianceId, meeting_id: meetingId, brief_id: briefId } },
    }),
  );
}

/** The address of a meeting's calendar entry (a plain link: the browser downloads it). */
export function meetingIcsUrl(allianceId: string, meetingId: string): string {
  return `/api/v1/alliances/${allianceId}/meetings/${meetingId}/calendar.ics`;
}

// ------------------------------------------------------------------ decisions

export interface DecisionFilters {
  q?: string;
  state?: DecisionState;
  committee_id?: string;
  meeting_id?: string;
}

export function useDecisions(allianceId: string, filters: DecisionFilters) {
  return decisions.useList(allianceId, filters);
}

export const { fetch: fetchDecision, create: createDecision, update: updateDecision, remove: deleteDecision } = decisions;

export function voteOnDecision(allianceId: string, decisionId: string, version: number, vote: VoteChoice, comment?: string) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/decisions/{decision_id}/votes', {
      params: { path: { id: allianceId, decision_id: decisionId }, header: ifMatch(version) },
      body: comment ? { vote, comment } : { vote },
    }),
  );
}

export function setDecisionState(allianceId: string, decisionId: string, version: number, state: 'deferred' | 'escalated' | 'proposed', reason: string) {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/decisions/{decision_id}/state', {
      params: { path: { id: allianceId, decision_id: decisionId }, header: ifMatch(version) },
      body: { state, reason },
    }),
  );
}

/** The CSV export of the decision log with the same filters as the list, its days in the reader's pattern. */
export function decisionsCsvUrl(allianceId: string, filters: DecisionFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  query.set('date_format', dateFormat());
  const search = query.toString();
  return `/api/v1/alliances/${allianceId}/decisions/export.csv${search ? `?${search}` : ''}`;
}

// ------------------------------------------------------------------ action items

export interface ActionFilters {
  status?: ActionStatus;
  owner_user_id?: string;
  meeting_id?: string;
  overdue?: boolean;
}

export function useActions(allianceId: string, filters: ActionFilters) {
  return actions.useList(allianceId, filters);
}

export const { fetch: fetchAction, create: createAction, update: updateAction, remove: deleteAction } = actions;

export function useMyActions(filters: { status?: ActionStatus; overdue?: boolean }) {
  return useQuery({
    queryKey: [...myActionsKey, filters],
    queryFn: () => fetchAll((cursor) => unwrap(api.GET('/api/v1/me/actions', { params: { query: { ...filters, limit: PAGE, cursor } } }))),
    placeholderData: (previous) => previous,
  });
}

// ------------------------------------------------------------------ stakeholders

export function useStakeholders(allianceId: string) {
  return stakeholders.useList(allianceId);
}

export const { fetch: fetchStakeholder, create: createStakeholder, update: updateStakeholder, remove: deleteStakeholder } = stakeholders;
