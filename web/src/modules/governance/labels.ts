// Human words and colours for the Governance API's enumerations.
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

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  joint_steering: 'Joint steering committee',
  joint_development: 'Joint development committee',
  joint_commercial: 'Joint commercial committee',
  joint_finance: 'Joint finance committee',
  ip: 'IP committee',
  joint_project_team: 'Joint project team',
  custom: 'Other committee',
};

export const COMMITTEE_CADENCES: CommitteeCadence[] = ['weekly', 'biweekly', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual', 'ad_hoc'];

export const COMMITTEE_CADENCE_LABELS: Record<CommitteeCadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  bimonthly: 'Every two months',
  quarterly: 'Quarterly',
  semiannual: 'Twice a year',
  annual: 'Yearly',
  ad_hoc: 'Ad hoc',
};

export const QUORUM_RULES: QuorumRule[] = ['every_party_voting', 'majority_voting', 'all_voting'];

export const QUORUM_RULE_LABELS: Record<QuorumRule, string> = {
  every_party_voting: 'A voting member of every party',
  majority_voting: 'Most voting members, every party represented',
  all_voting: 'Every voting member',
};

export const QUORUM_RULE_HELP: Record<QuorumRule, string> = {
  every_party_voting: 'At least one voting member of every party is present.',
  majority_voting: 'More than half of the voting members are present, and every party is represented.',
  all_voting: 'Every voting member is present (or represented by a delegate).',
};

export const CHAIR_ROTATIONS: ChairRotation[] = ['none', 'yearly', 'per_meeting'];

export const CHAIR_ROTATION_LABELS: Record<ChairRotation, string> = {
  none: 'No rotation',
  yearly: 'Rotates yearly',
  per_meeting: 'Rotates every meeting',
};

export const COMMITTEE_ROLES: CommitteeRole[] = ['chair', 'co_chair', 'voting_member', 'non_voting_member', 'secretary'];

export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  chair: 'Chair',
  co_chair: 'Co-chair',
  voting_member: 'Voting',
  non_voting_member: 'Non-voting',
  secretary: 'Secretary',
};

export const COMMITTEE_ROLE_COLORS: Record<CommitteeRole, string> = {
  chair: 'indigo',
  co_chair: 'violet',
  voting_member: 'blue',
  non_voting_member: 'gray',
  secretary: 'cyan',
};

export const CADENCE_TEMPLATES: CadenceTemplate[] = ['classic', 'lean'];

export const CADENCE_TEMPLATE_LABELS: Record<CadenceTemplate, string> = {
  classic: 'Classic: steering quarterly (3 h), others monthly (90 min)',
  lean: 'Lean: steering every two months (1 h), others every two weeks (30 min)',
};

export const MEETING_STATUSES: MeetingStatus[] = ['scheduled', 'held', 'cancelled'];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};

export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  scheduled: 'blue',
  held: 'green',
  cancelled: 'gray',
};

export const ATTENDANCE_STATUSES: AttendanceStatus[] = ['present', 'absent', 'delegate'];

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  absent: 'Absent',
  delegate: 'Delegate',
};

export const MINUTES_STATE_LABELS: Record<MinutesState, string> = {
  draft: 'Minutes in draft',
  final: 'Minutes final',
};

export const DECISION_STATES: DecisionState[] = ['proposed', 'approved', 'rejected', 'deferred', 'escalated'];

export const DECISION_STATE_LABELS: Record<DecisionState, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  rejected: 'Rejected',
  deferred: 'Deferred',
  escalated: 'Escalated',
};

export const DECISION_STATE_COLORS: Record<DecisionState, string> = {
  proposed: 'yellow',
  approved: 'green',
  rejected: 'red',
  deferred: 'gray',
  escalated: 'orange',
};

export const VOTE_LABELS: Record<VoteChoice, string> = {
  approve: 'Approve',
  reject: 'Reject',
  abstain: 'Abstain',
};

export const POSITION_LABELS: Record<'approved' | 'rejected' | 'pending', string> = {
  approved: 'Approves',
  rejected: 'Rejects',
  pending: 'Pending',
};

export const POSITION_COLORS: Record<'approved' | 'rejected' | 'pending', string> = {
  approved: 'green',
  rejected: 'red',
  pending: 'yellow',
};

export const ISSUE_SEVERITIES: IssueSeverity[] = ['low', 'medium', 'high', 'critical'];

export const ISSUE_SEVERITY_LABELS: Record<IssueSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const ISSUE_SEVERITY_COLORS: Record<IssueSeverity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

export const ISSUE_STATUSES: IssueStatus[] = ['open', 'resolved'];

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
};

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

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const ACTION_STATUS_COLORS: Record<ActionStatus, string> = {
  open: 'blue',
  in_progress: 'cyan',
  done: 'green',
  cancelled: 'gray',
};

export const ATTITUDES: Attitude[] = ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'];

export const ATTITUDE_LABELS: Record<Attitude, string> = {
  champion: 'Champion',
  supporter: 'Supporter',
  neutral: 'Neutral',
  sceptic: 'Sceptic',
  opponent: 'Opponent',
};

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

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  manage_closely: 'Manage closely',
  keep_satisfied: 'Keep satisfied',
  keep_informed: 'Keep informed',
  monitor: 'Monitor',
};

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  manage_closely: 'red',
  keep_satisfied: 'orange',
  keep_informed: 'blue',
  monitor: 'gray',
};
