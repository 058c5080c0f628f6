// Orders, colours and help for the Governance API's enumerations; their words come from
// docs/words.json, which the server's exports read too.
import { wordsOf } from '../../ui/words';
import type {
  ActionStatus,
  AttendanceStatus,
  Attitude,
  CadenceTemplate,
  ChairRotation,
  CommitteeCadence,
  CommitteeKind,
  CommitteeRole,
  DecisionState,
  IssueSeverity,
  IssueStatus,
  MeetingStatus,
  MinutesReview,
  MinutesState,
  Quadrant,
  QuorumRule,
  VoteChoice,
} from './types';

export const COMMITTEE_KINDS: CommitteeKind[] = [
  'joint_steering',
  'joint_development',
  'joint_commercial',
  'joint_finance',
  'ip',
  'joint_project_team',
  'custom',
];

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = wordsOf('committee.kind');

export const COMMITTEE_CADENCES: CommitteeCadence[] = ['weekly', 'biweekly', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual', 'ad_hoc'];

export const COMMITTEE_CADENCE_LABELS: Record<CommitteeCadence, string> = wordsOf('committee.cadence');

export const QUORUM_RULES: QuorumRule[] = ['every_party_voting', 'majority_voting', 'all_voting'];

export const QUORUM_RULE_LABELS: Record<QuorumRule, string> = wordsOf('committee.quorum_rule');

export const QUORUM_RULE_HELP: Record<QuorumRule, string> = {
  every_party_voting: 'At least one voting member of every party is present.',
  majority_voting: 'More than half of the voting members are present, and every party is represented.',
  all_voting: 'Every voting member is present (or represented by a delegate).',
};

export const CHAIR_ROTATIONS: ChairRotation[] = ['none', 'yearly', 'per_meeting'];

export const CHAIR_ROTATION_LABELS: Record<ChairRotation, string> = wordsOf('committee.chair_rotation');

export const COMMITTEE_ROLES: CommitteeRole[] = ['chair', 'co_chair', 'voting_member', 'non_voting_member', 'secretary'];

export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = wordsOf('committee_member.role');

export const COMMITTEE_ROLE_COLORS: Record<CommitteeRole, string> = {
  chair: 'indigo',
  co_chair: 'violet',
  voting_member: 'blue',
  non_voting_member: 'gray',
  secretary: 'cyan',
};

export const CADENCE_TEMPLATES: CadenceTemplate[] = ['classic', 'lean'];

export const CADENCE_TEMPLATE_LABELS: Record<CadenceTemplate, string> = wordsOf('cadence_proposal.template');

export const MEETING_STATUSES: MeetingStatus[] = ['scheduled', 'held', 'cancelled'];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = wordsOf('meeting.status');

export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  scheduled: 'blue',
  held: 'green',
  cancelled: 'gray',
};

export const ATTENDANCE_STATUSES: AttendanceStatus[] = ['present', 'absent', 'delegate'];

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = wordsOf('attendance.status');

export const MINUTES_STATE_LABELS: Record<MinutesState, string> = wordsOf('meeting_minutes.state');

export const MINUTES_REVIEW_DECISION_LABELS: Record<NonNullable<MinutesReview['decision']>, string> = wordsOf('minutes_review.decision');

export const DECISION_STATES: DecisionState[] = ['proposed', 'approved', 'rejected', 'deferred', 'escalated'];

export const DECISION_STATE_LABELS: Record<DecisionState, string> = wordsOf('decision.state');

export const DECISION_STATE_COLORS: Record<DecisionState, string> = {
  proposed: 'yellow',
  approved: 'green',
  rejected: 'red',
  deferred: 'gray',
  escalated: 'orange',
};

export const VOTE_LABELS: Record<VoteChoice, string> = wordsOf('decision_vote.vote');

export const POSITION_LABELS: Record<'approved' | 'rejected' | 'pending', string> = wordsOf('decision.position');

export const POSITION_COLORS: Record<'approved' | 'rejected' | 'pending', string> = {
  approved: 'green',
  rejected: 'red',
  pending: 'yellow',
};

export const ISSUE_SEVERITIES: IssueSeverity[] = ['low', 'medium', 'high', 'critical'];

export const ISSUE_SEVERITY_LABELS: Record<IssueSeverity, string> = wordsOf('issue.severity');

export const ISSUE_SEVERITY_COLORS: Record<IssueSeverity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

export const ISSUE_STATUSES: IssueStatus[] = ['open', 'resolved'];

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = wordsOf('issue.status');

/** What happened at a step of an issue's history: "Escalated automatically to JSC (deadline passed)". */
export function issueStepTitle(reason: 'raised' | 'manual' | 'automatic' | 'resolved', levelName: string): string {
  switch (reason) {
    case 'raised':
      return `Raised at ${levelName}`;
    case 'manual':
      return `Escalated to ${levelName}`;
    case 'automatic':
      return `Escalated automatically to ${levelName} (deadline passed)`;
    case 'resolved':
      return `Resolved at ${levelName}`;
  }
}

export const ACTION_STATUSES: ActionStatus[] = ['open', 'in_progress', 'done', 'cancelled'];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = wordsOf('action.status');

export const ACTION_STATUS_COLORS: Record<ActionStatus, string> = {
  open: 'blue',
  in_progress: 'cyan',
  done: 'green',
  cancelled: 'gray',
};

export const ATTITUDES: Attitude[] = ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'];

export const ATTITUDE_LABELS: Record<Attitude, string> = wordsOf('stakeholder.attitude');

/** Mantine colour names: green for friends, red for opponents. */
export const ATTITUDE_COLORS: Record<Attitude, string> = {
  champion: 'green',
  supporter: 'teal',
  neutral: 'gray',
  sceptic: 'orange',
  opponent: 'red',
};

/** The same as hex for the chart (ECharts paints on a canvas, without Mantine's variables). */
export const ATTITUDE_HEX: Record<Attitude, string> = {
  champion: '#2f9e44',
  supporter: '#0ca678',
  neutral: '#868e96',
  sceptic: '#f08c00',
  opponent: '#e03131',
};

export const QUADRANTS: Quadrant[] = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'];

export const QUADRANT_LABELS: Record<Quadrant, string> = wordsOf('stakeholder.quadrant');

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  manage_closely: 'red',
  keep_satisfied: 'orange',
  keep_informed: 'blue',
  monitor: 'gray',
};
